package dev.hamiltorch.engine.autodiff;

/**
 * An operation that can compute its output again, in place, from its parents' current values: what a
 * {@link Tape} needs of every operation it replays. The values must equal those of the operation that
 * recorded the node, bit for bit, so a replayed log density gives the chain an eager one would.
 */
interface Recomputable {

    /** Overwrites {@code node}'s data with the operation applied to its parents' current data. */
    void recompute(JvmTensor node);
}
