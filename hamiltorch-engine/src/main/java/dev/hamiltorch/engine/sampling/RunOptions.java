package dev.hamiltorch.engine.sampling;

import java.util.Objects;

/**
 * How a {@link ChainRunner} runs: the seed, the number of chains, the threads they run on and a
 * progress listener. One seed gives bit-identical chains whatever the number of threads.
 *
 * @param seed seed of the run; chain c draws from {@link ChainRandom#of(long, int) ChainRandom.of(seed, c)}
 * @param chains number of independent chains, ≥ 1
 * @param threads threads to run chains on: 1 runs them one after another on the calling thread;
 *        0 means min(chains, available processors)
 * @param progress told after each iteration
 */
public record RunOptions(long seed, int chains, int threads, ProgressListener progress) {

    /** @throws IllegalArgumentException naming the bad argument */
    public RunOptions {
        Objects.requireNonNull(progress, "progress");
        if (chains < 1) {
            throw new IllegalArgumentException("chains = " + chains + ": must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + ": must be 0 (automatic) or positive");
        }
    }

    /** One chain with the given seed, no progress listener, automatic threads. */
    public static RunOptions seed(long seed) {
        return new RunOptions(seed, 1, 0, ProgressListener.NONE);
    }

    /** These options with {@code chains} chains. */
    public RunOptions withChains(int chains) {
        return new RunOptions(seed, chains, threads, progress);
    }

    /** These options with {@code threads} threads (1: sequential on the calling thread; 0: automatic). */
    public RunOptions withThreads(int threads) {
        return new RunOptions(seed, chains, threads, progress);
    }

    /** These options with a progress listener. */
    public RunOptions withProgress(ProgressListener progress) {
        return new RunOptions(seed, chains, threads, progress);
    }

    /** The number of threads actually used. */
    public int effectiveThreads() {
        int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Math.max(1, Math.min(wanted, chains));
    }
}
