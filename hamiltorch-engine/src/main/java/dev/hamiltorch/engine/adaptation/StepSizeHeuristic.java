package dev.hamiltorch.engine.adaptation;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.spi.Integrator;
import java.util.random.RandomGenerator;

/**
 * The step-size initialisation heuristic of Hoffman &amp; Gelman (2014, Algorithm 4): draw one momentum,
 * take one integration step of size ε and double ε while the step's acceptance ratio exp(H₀ − H₁)
 * stays above ½ (or halve it while the ratio stays below ½), so that one step of the returned ε is
 * about as likely to be accepted as not. A step that fails or gives a non-finite H counts as ratio 0.
 */
public final class StepSizeHeuristic {

    /** Step sizes are not pushed beyond [1e-12, 1e7]: a flat or broken density would loop for ever. */
    static final double SMALLEST = 1e-12;
    static final double LARGEST = 1e7;

    private StepSizeHeuristic() {
    }

    /**
     * The result of the heuristic.
     *
     * @param stepSize the step size found
     * @param gradientEvaluations the gradients the trial steps evaluated
     */
    public record Result(double stepSize, long gradientEvaluations) {
    }

    /**
     * Runs the heuristic from {@code state} and the step size {@code start}, drawing the trajectory's
     * Hamiltonian, integrator and momentum from {@code rng} as a transition does.
     */
    public static Result find(Hamiltonian hamiltonian, Integrator integrator, ChainState state, double start,
                              RandomGenerator rng) {
        Hamiltonian h = hamiltonian.forTrajectory(rng);
        Integrator flow = integrator.forTrajectory(rng);
        double[] position = state.position();
        double[] momentum = new double[position.length];
        h.sampleMomentum(rng, position, momentum);
        PhasePoint point = new PhasePoint(position, momentum, state.logDensity(), state.gradient());
        double h0 = h.energy(point);
        double epsilon = start;
        long gradients = 0;
        IntegrationResult first = flow.integrate(h, point, epsilon, 1);
        gradients += first.gradientEvaluations();
        double logRatio = logRatio(h, h0, first);
        // a = +1: grow while one step is accepted with probability above ½; a = −1: shrink while below
        int a = logRatio > Math.log(0.5) ? 1 : -1;
        while (a * logRatio > -a * Math.log(2)) {
            double next = a > 0 ? 2 * epsilon : 0.5 * epsilon;
            if (next > LARGEST || next < SMALLEST) {
                break;
            }
            epsilon = next;
            IntegrationResult r = flow.integrate(h, point, epsilon, 1);
            gradients += r.gradientEvaluations();
            logRatio = logRatio(h, h0, r);
        }
        return new Result(epsilon, gradients);
    }

    /** log exp(H₀ − H₁), −∞ for a failed step or a non-finite energy. */
    private static double logRatio(Hamiltonian h, double h0, IntegrationResult r) {
        if (r.failure() != null) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = h0 - h.energy(r.end());
        return Double.isNaN(d) ? Double.NEGATIVE_INFINITY : d;
    }
}
