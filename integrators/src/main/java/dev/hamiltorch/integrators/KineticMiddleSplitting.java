package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import java.util.Arrays;

/**
 * Split integration with the kinetic energy in the middle (hamiltorch's {@code Integrator.SPLITTING_KMID})
 * for a log density given as M terms, log π = Σₘ Lₘ ({@link SplitTarget}), and a separable
 * Hamiltonian. One step of size ε kicks by every term, drifts once, and kicks by every term again:
 * <pre>
 *   K₀ K₁ … K_{M−1}  D  K_{M−1} … K₁ K₀,    Kₘ: p ← p + ε/2 ∇Lₘ(θ),   D: θ ← θ + ε ∂K/∂p(p)
 * </pre>
 * Kicks at one position commute, so this is the leapfrog with ∇log π assembled one term at a time:
 * time-reversible, volume-preserving and of second order. It saves memory (one term at a time), not
 * gradient work.
 *
 * <h2>Gradient evaluations</h2>
 * The kicks of one step's end and the next step's start are at one position, so each position's M
 * term gradients are evaluated once and summed (hamiltorch evaluates them twice): L steps call
 * {@link SplitTarget#termLogDensityAndGradient} L·M times, which
 * {@link IntegrationResult#gradientEvaluations()} reports. The first kicks use the start point's
 * gradient (the sum of the terms' gradients), and the end point's log density and gradient are the
 * sums at the last position, at no further cost.
 *
 * <h2>Failures</h2>
 * A term whose value or gradient is not finite, or a position that stops being finite, ends the
 * trajectory with {@link Event#INVALID_LOG_PROB}, without throwing; the result's end point is then the
 * start and {@code steps} counts the failing step.
 *
 * <p>Stateless and thread-safe; the arrays of the start point are not modified.
 */
@AutoService(Integrator.class)
public final class KineticMiddleSplitting implements Integrator {

    /** Creates the integrator (also used by {@link java.util.ServiceLoader}). */
    public KineticMiddleSplitting() {
    }

    @Override
    public String name() {
        return SPLITTING_KMID;
    }

    /** @throws IllegalArgumentException if the target is not a split target of enough terms or H is not separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        SplitTrajectory.splitTarget(hamiltonian, SPLITTING_KMID, 1);
    }

    /**
     * Integrates {@code steps} steps of size {@code stepSize} from {@code start}.
     *
     * @throws IllegalArgumentException if the Hamiltonian's target is not a {@link SplitTarget}, the
     *         Hamiltonian is not separable, {@code stepSize} is not finite, {@code steps} is negative, or
     *         the start point's arrays do not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        SplitTarget target = SplitTrajectory.splitTarget(hamiltonian, SPLITTING_KMID, 1);
        int d = hamiltonian.dimension();
        Vectors.checkArguments(start, d, stepSize, steps);
        if (steps == 0) {
            return new IntegrationResult(start, null, 0, 0);
        }
        if (!Double.isFinite(start.logDensity()) || !Vectors.allFinite(start.gradient())) {
            return new IntegrationResult(start, Event.INVALID_LOG_PROB, 0, 0);
        }
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        double[] gradient = start.gradient().clone();
        double[] termGradient = new double[d];
        double[] velocity = new double[d];
        double half = 0.5 * stepSize;
        double logDensity = start.logDensity();
        int evaluations = 0;

        for (int step = 1; step <= steps; step++) {
            Vectors.axpy(half, gradient, p);
            hamiltonian.velocity(theta, p, velocity);
            Vectors.axpy(stepSize, velocity, theta);
            if (!Vectors.allFinite(theta)) {
                return new IntegrationResult(start, Event.INVALID_LOG_PROB, step, evaluations);
            }
            logDensity = 0;
            Arrays.fill(gradient, 0.0);
            for (int m = 0; m < target.terms(); m++) {
                double value = target.termLogDensityAndGradient(m, theta, termGradient);
                evaluations++;
                if (!Double.isFinite(value) || !Vectors.allFinite(termGradient)) {
                    return new IntegrationResult(start, Event.INVALID_LOG_PROB, step, evaluations);
                }
                logDensity += value;
                Vectors.axpy(1.0, termGradient, gradient);
            }
            Vectors.axpy(half, gradient, p);
        }
        return new IntegrationResult(new PhasePoint(theta, p, logDensity, gradient), null, steps, evaluations);
    }
}
