package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Split integration with the terms in random order (Neal 2011, §5.1; hamiltorch's
 * {@code Integrator.SPLITTING_RAND}) for a log density given as M terms, log π = Σₘ Lₘ
 * ({@link SplitTarget}), and a separable Hamiltonian. A permutation σ of the terms is drawn once per
 * trajectory, and every step of size ε applies, for k = 0, …, M − 1, a leapfrog substep with term σ(k):
 * <pre>
 *   p ← p + ε/2 ∇L_σ(k)(θ);   θ ← θ + ε/M ∂K/∂p(p);   p ← p + ε/2 ∇L_σ(k)(θ)
 * </pre>
 * Every substep is symmetric and volume-preserving, so the step preserves volume too. For M ≥ 2
 * distinct terms, though, a composition in one fixed order is not symmetric: a trajectory is undone
 * by integrating back in the <em>reversed</em> order, and since σ and its reverse are equally likely
 * the proposal is reversible in distribution only. For the same reason the energy error is of first
 * order in ε for a fixed order (second when the terms are all equal, or M = 1).
 *
 * <h2>Randomness</h2>
 * {@link #forTrajectory} draws the order: call it before every trajectory and integrate with what it
 * returns. The instance found by {@link java.util.ServiceLoader} has no order and refuses to
 * integrate, since one fixed order would make the sampler's proposal irreversible (and biased).
 * hamiltorch, too, draws one permutation per call of its leapfrog.
 *
 * <h2>Gradient evaluations</h2>
 * {@link IntegrationResult#gradientEvaluations()} counts calls of
 * {@link SplitTarget#termLogDensityAndGradient}: 2M per step, plus M − 1 for the log density and
 * gradient at the end point (for M = 1, steps share the kick at their common position: L + 1 in
 * all). The start point's gradient is not used.
 *
 * <h2>Failures</h2>
 * A term whose value or gradient is not finite, or a position that stops being finite, ends the
 * trajectory with {@link Event#INVALID_LOG_PROB}, without throwing; the result's end point is then the
 * start and {@code steps} counts the failing step.
 *
 * <p>Immutable and thread-safe; the arrays of the start point are not modified.
 */
@AutoService(Integrator.class)
public final class RandomisedSplitting implements Integrator {

    /** Null when the order is drawn from {@link #seed}. */
    private final int[] order;
    private final long seed;
    private final boolean drawn;

    /** An instance without an order, to be drawn by {@link #forTrajectory} (used by {@link java.util.ServiceLoader}). */
    public RandomisedSplitting() {
        this(null, 0L, false);
    }

    private RandomisedSplitting(int[] order, long seed, boolean drawn) {
        this.order = order;
        this.seed = seed;
        this.drawn = drawn;
    }

    /** An instance that applies the terms in the given order on every step, for tests. */
    static RandomisedSplitting withOrder(int... order) {
        return new RandomisedSplitting(order.clone(), 0L, true);
    }

    @Override
    public String name() {
        return SPLITTING_RAND;
    }

    /**
     * An instance whose order of the terms is a uniformly random permutation, fixed for the
     * trajectories it integrates (one, in a sampler).
     */
    @Override
    public RandomisedSplitting forTrajectory(RandomGenerator rng) {
        return new RandomisedSplitting(null, rng.nextLong(), true);
    }

    /** The order of the terms, a permutation of 0, …, terms − 1. */
    int[] order(int terms) {
        if (order != null) {
            if (order.length != terms) {
                throw new IllegalArgumentException("an order of " + order.length + " terms for a target with "
                        + terms);
            }
            return order.clone();
        }
        int[] permutation = new int[terms];
        for (int m = 0; m < terms; m++) {
            permutation[m] = m;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int m = terms - 1; m > 0; m--) { // Fisher–Yates: every permutation equally likely
            int k = random.nextInt(m + 1);
            int swap = permutation[m];
            permutation[m] = permutation[k];
            permutation[k] = swap;
        }
        return permutation;
    }

    /** @throws IllegalArgumentException if the target is not a split target of enough terms or H is not separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        SplitTrajectory.splitTarget(hamiltonian, SPLITTING_RAND, 1);
    }

    /**
     * Integrates {@code steps} steps of size {@code stepSize} from {@code start} in this instance's order.
     *
     * @throws IllegalStateException if no order was drawn (call {@link #forTrajectory} first)
     * @throws IllegalArgumentException if the Hamiltonian's target is not a {@link SplitTarget}, the
     *         Hamiltonian is not separable, {@code stepSize} is not finite, {@code steps} is negative, or
     *         the start point's arrays do not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        if (!drawn) {
            throw new IllegalStateException("the " + SPLITTING_RAND + " integrator draws the order of the terms once"
                    + " per trajectory: integrate with the instance that forTrajectory(rng) returns");
        }
        SplitTarget target = SplitTrajectory.splitTarget(hamiltonian, SPLITTING_RAND, 1);
        Vectors.checkArguments(start, hamiltonian.dimension(), stepSize, steps);
        if (steps == 0) {
            return new IntegrationResult(start, null, 0, 0);
        }
        if (!Double.isFinite(start.logDensity()) || !Vectors.allFinite(start.gradient())) {
            return new IntegrationResult(start, Event.INVALID_LOG_PROB, 0, 0);
        }
        int[] sigma = order(target.terms());
        double half = 0.5 * stepSize;
        double drift = stepSize / sigma.length;
        SplitTrajectory t = new SplitTrajectory(hamiltonian, target, start);
        for (int step = 1; step <= steps; step++) {
            for (int m : sigma) {
                if (!t.kick(m, half) || !t.drift(drift) || !t.kick(m, half)) {
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
