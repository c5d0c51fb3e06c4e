package dev.hamiltorch.engine.sampling;

/**
 * Told after every completed iteration of every chain, for a progress display. With several chains
 * running in parallel it is called from their threads, possibly at the same time, so implementations
 * must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (completed, total) -> { };

    /**
     * @param completed iterations completed so far over all chains (burn-in included), from 1
     * @param total iterations of the whole run: numSamples × chains
     */
    void onIteration(long completed, long total);
}
