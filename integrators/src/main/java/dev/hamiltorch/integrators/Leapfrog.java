package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;

/**
 * The leapfrog (Störmer–Verlet, kick–drift–kick) integrator for separable Hamiltonians
 * H(θ, p) = −log π(θ) + K(p). One step of size ε is
 * <pre>
 *   p  ← p + ε/2 · ∇log π(θ)
 *   θ  ← θ + ε · ∂K/∂p(p)
 *   p  ← p + ε/2 · ∇log π(θ)
 * </pre>
 * It is symplectic and time-reversible, and its energy error over a fixed time is O(ε²).
 *
 * <h2>Gradient evaluations</h2>
 * The gradient at the start comes with the {@link PhasePoint} and the gradient computed at the end
 * of a step is reused by the first half-kick of the next one. A trajectory of L steps therefore calls
 * {@link Target#logDensityAndGradient} exactly L times (once per step, at the new position), and
 * {@link IntegrationResult#gradientEvaluations()} reports L; counting the evaluation that produced the
 * start point's gradient (done once by the sampler when the chain reaches that point), the trajectory
 * costs L + 1. {@link Target#logDensity} is never called.
 *
 * <h2>Invalid points</h2>
 * When the log density or any gradient component at a new position is NaN or infinite, integration
 * stops at once and the result carries {@link Event#INVALID_LOG_PROB}; its end point is that invalid
 * position (with the momentum after the first half-kick of the failing step) and {@code steps} counts
 * the failing step. A start point with a non-finite log density or gradient fails with 0 steps.
 *
 * <p>Stateless and thread-safe: each call works in its own arrays, allocated once per call and never
 * per step; the arrays of {@code start} are not modified.
 */
@AutoService(Integrator.class)
public final class Leapfrog implements Integrator {

    /** Creates the integrator (also used by {@link java.util.ServiceLoader}). */
    public Leapfrog() {
    }

    @Override
    public String name() {
        return LEAPFROG;
    }

    /** @throws IllegalArgumentException if the Hamiltonian is not separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        if (!hamiltonian.isSeparable()) {
            throw new IllegalArgumentException("leapfrog needs a separable Hamiltonian (K depending on p only), but "
                    + hamiltonian.getClass().getName() + " is not separable; use the implicit or explicit integrator");
        }
    }

    /**
     * Integrates {@code steps} leapfrog steps of size {@code stepSize} from {@code start}.
     * A negative step size integrates backwards in time.
     *
     * @throws IllegalArgumentException if the Hamiltonian is not separable, {@code stepSize} is not
     *         finite, {@code steps} is negative, or the start point's arrays do not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        checkSupports(hamiltonian);
        int d = hamiltonian.dimension();
        Vectors.checkArguments(start, d, stepSize, steps);
        Target target = hamiltonian.target();
        double logDensity = start.logDensity();
        if (!Double.isFinite(logDensity) || !Vectors.allFinite(start.gradient())) {
            return new IntegrationResult(start, Event.INVALID_LOG_PROB, 0, 0);
        }

        // These three become the returned point: one allocation per trajectory, none per step.
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        double[] grad = start.gradient().clone();
        double[] velocity = new double[d];
        double halfStep = 0.5 * stepSize;

        for (int step = 1; step <= steps; step++) {
            Vectors.axpy(halfStep, grad, p);
            hamiltonian.velocity(theta, p, velocity);
            Vectors.axpy(stepSize, velocity, theta);
            logDensity = target.logDensityAndGradient(theta, grad);
            if (!Double.isFinite(logDensity) || !Vectors.allFinite(grad)) {
                return new IntegrationResult(new PhasePoint(theta, p, logDensity, grad), Event.INVALID_LOG_PROB,
                        step, step);
            }
            Vectors.axpy(halfStep, grad, p);
        }
        return new IntegrationResult(new PhasePoint(theta, p, logDensity, grad), null, steps, steps);
    }
}
