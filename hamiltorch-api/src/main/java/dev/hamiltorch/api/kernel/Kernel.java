package dev.hamiltorch.api.kernel;

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
}
