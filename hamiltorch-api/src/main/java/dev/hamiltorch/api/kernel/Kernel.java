package dev.hamiltorch.api.kernel;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Markov transition kernel: a pure step {@code (rng, state) → (state, info)}. All randomness comes
 * from {@code rng}, so one seed gives one chain.
 */
public interface Kernel {

    /** The chain state at {@code position} (evaluates the log density and its gradient). */
    ChainState init(double[] position);

    /** One transition from {@code state}. */
    Transition step(RandomGenerator rng, ChainState state);

    /**
     * The names of this kernel's own per-transition statistics (e.g. a tree depth), which it reports in
     * {@link TransitionInfo#statistics()} in this order and results keep as columns beside the common
     * ones; snake_case, none of the common names. Empty by default.
     */
    default List<String> statisticNames() {
        return List.of();
    }
}
