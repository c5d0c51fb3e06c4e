package dev.hamiltorch.api.kernel;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Markov transition kernel: a pure step {@code (rng, state, parameters) → (state, info)}. All
 * randomness comes from {@code rng}, so one seed gives one chain; the tuning (step size, inverse mass,
 * trajectory length) comes with each call, so warm-up adaptation can retune any kernel between
 * transitions without the kernel knowing (see {@link StepParameters}).
 */
public interface Kernel {

    /** The chain state at {@code position} (evaluates the log density and its gradient). */
    ChainState init(double[] position);

    /** One transition from {@code state} with the tuning {@code parameters}. */
    Transition step(RandomGenerator rng, ChainState state, StepParameters parameters);

    /**
     * The names of this kernel's own per-transition statistics (e.g. a tree depth), which it reports in
     * {@link TransitionInfo#statistics()} in this order and results keep as columns beside the common
     * ones; snake_case, none of the common names. Empty by default.
     */
    default List<String> statisticNames() {
        return List.of();
    }
}
