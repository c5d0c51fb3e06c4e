package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.engine.adaptation.Adaptation;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ChainRunner} runs: the seed, the number of chains, the threads they run on, a listener
 * and the parameters' names. One seed gives bit-identical chains whatever the number of threads.
 *
 * @param seed seed of the run; chain c draws from {@link ChainRandom#of(long, int) ChainRandom.of(seed, c)}
 * @param chains number of independent chains, ≥ 1
 * @param threads threads to run chains on: 1 runs them one after another on the calling thread;
 *        0 means min(chains, available processors)
 * @param listener told of the run and each transition
 * @param parameterNames one name per parameter, or empty for {@code theta[i]}
 * @param adaptation what the burn-in iterations adapt (warm-up); the sampler's default unless given
 */
public record RunOptions(long seed, int chains, int threads, TransitionListener listener, List<String> parameterNames,
                         Adaptation adaptation) {

    /** @throws IllegalArgumentException naming the bad argument */
    public RunOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(adaptation, "adaptation");
        parameterNames = List.copyOf(parameterNames);
        if (chains < 1) {
            throw new IllegalArgumentException("chains = " + chains + ": must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + ": must be 0 (automatic) or positive");
        }
    }

    /** Options adapting what the sampler adapts by default ({@link Adaptation#SAMPLER_DEFAULT}). */
    public RunOptions(long seed, int chains, int threads, TransitionListener listener, List<String> parameterNames) {
        this(seed, chains, threads, listener, parameterNames, Adaptation.SAMPLER_DEFAULT);
    }

    /** These options with another warm-up adaptation. */
    public RunOptions withAdaptation(Adaptation adaptation) {
        return new RunOptions(seed, chains, threads, listener, parameterNames, adaptation);
    }

    /** One chain with the given seed, no listener, automatic threads, default names. */
    public static RunOptions seed(long seed) {
        return new RunOptions(seed, 1, 0, TransitionListener.NONE, List.of(), Adaptation.SAMPLER_DEFAULT);
    }

    /** These options with {@code chains} chains. */
    public RunOptions withChains(int chains) {
        return new RunOptions(seed, chains, threads, listener, parameterNames, adaptation);
    }

    /** These options with {@code threads} threads (1: sequential on the calling thread; 0: automatic). */
    public RunOptions withThreads(int threads) {
        return new RunOptions(seed, chains, threads, listener, parameterNames, adaptation);
    }

    /** These options with a listener. */
    public RunOptions withListener(TransitionListener listener) {
        return new RunOptions(seed, chains, threads, listener, parameterNames, adaptation);
    }

    /** These options with parameter names. */
    public RunOptions withParameterNames(List<String> parameterNames) {
        return new RunOptions(seed, chains, threads, listener, parameterNames, adaptation);
    }

    /** The number of threads actually used. */
    public int effectiveThreads() {
        int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Math.max(1, Math.min(wanted, chains));
    }
}
