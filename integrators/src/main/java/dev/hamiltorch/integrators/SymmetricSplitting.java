package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;

/**
 * Symmetric split integration (Cobb &amp; Jalaian 2021; hamiltorch's {@code Integrator.SPLITTING}) for
 * a log density given as M ≥ 2 terms, log π = Σₘ Lₘ ({@link SplitTarget}), and a separable
 * Hamiltonian. One step of size ε visits the terms forwards and then backwards, with a half-kick
 * ε/2 by each term on each visit and a drift of ε/(2(M − 1)) between consecutive kicks:
 * <pre>
 *   K₀ D K₁ D … D K_{M−1}  K_{M−1} D … D K₁ D K₀,    Kₘ: p ← p + ε/2 ∇Lₘ(θ),   D: θ ← θ + ε/(2(M−1)) ∂K/∂p(p)
 * </pre>
 * so every term kicks by ε and the drifts add up to ε. The composition is palindromic, hence
 * time-reversible and of second order; every substep is a shear, hence volume-preserving.
 *
 * <h2>Gradient evaluations</h2>
 * {@link IntegrationResult#gradientEvaluations()} counts calls of
 * {@link SplitTarget#termLogDensityAndGradient} (M of them cost about one full gradient). Kicks by the
 * same term at the same position share one evaluation: K_{M−1} K_{M−1} in the middle of a step and
 * K₀ K₀ across steps. L steps cost 2M − 1 + (L − 1)(2M − 2) evaluations, plus M − 1 for the log
 * density and gradient at the end point, which the returned point carries. The start point's gradient
 * is not used (it is the sum, not a term).
 *
 * <h2>Failures</h2>
 * A term whose value or gradient is not finite, or a position that stops being finite, ends the
 * trajectory with {@link Event#INVALID_LOG_PROB}, without throwing; the result's end point is then the
 * start (log π is known at no point in between) and {@code steps} counts the failing step.
 *
 * <p>Stateless and thread-safe; the arrays of the start point are not modified.
 */
@AutoService(Integrator.class)
public final class SymmetricSplitting implements Integrator {

    /** Creates the integrator (also used by {@link java.util.ServiceLoader}). */
    public SymmetricSplitting() {
    }

    @Override
    public String name() {
        return SPLITTING;
    }

    /** @throws IllegalArgumentException if the target is not a split target of enough terms or H is not separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        SplitTrajectory.splitTarget(hamiltonian, SPLITTING, 2);
    }

    /**
     * Integrates {@code steps} symmetric split steps of size {@code stepSize} from {@code start}.
     *
     * @throws IllegalArgumentException if the Hamiltonian's target is not a {@link SplitTarget} with at
     *         least 2 terms, the Hamiltonian is not separable, {@code stepSize} is not finite,
     *         {@code steps} is negative, or the start point's arrays do not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        SplitTarget target = SplitTrajectory.splitTarget(hamiltonian, SPLITTING, 2);
        Vectors.checkArguments(start, hamiltonian.dimension(), stepSize, steps);
        if (steps == 0) {
            return new IntegrationResult(start, null, 0, 0);
        }
        if (!Double.isFinite(start.logDensity()) || !Vectors.allFinite(start.gradient())) {
            return new IntegrationResult(start, Event.INVALID_LOG_PROB, 0, 0);
        }
        int terms = target.terms();
        double half = 0.5 * stepSize;
        double drift = stepSize / (2 * (terms - 1));
        SplitTrajectory t = new SplitTrajectory(hamiltonian, target, start);
        for (int step = 1; step <= steps; step++) {
            for (int m = 0; m < terms; m++) {
                if (!t.kick(m, half) || (m < terms - 1 && !t.drift(drift))) {
                    return new IntegrationResult(start, Event.INVALID_LOG_PROB, step, t.evaluations);
                }
            }
            for (int m = terms - 1; m >= 0; m--) {
                if (!t.kick(m, half) || (m > 0 && !t.drift(drift))) {
                    return new IntegrationResult(start, Event.INVALID_LOG_PROB, step, t.evaluations);
                }
            }
        }
        PhasePoint end = t.end();
        return end == null
                ? new IntegrationResult(start, Event.INVALID_LOG_PROB, steps, t.evaluations)
                : new IntegrationResult(end, null, steps, t.evaluations);
    }
}
