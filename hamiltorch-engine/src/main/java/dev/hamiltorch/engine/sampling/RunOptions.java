package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.engine.adaptation.Adaptation;
import java.util.List;
import java.util.Objects;

/**
 * The run's settings, apart from the plugins' options ({@link dev.hamiltorch.api.spi.PluginOptions}) and
 * the kernel's tuning ({@link dev.hamiltorch.api.kernel.StepParameters}): how many iterations, how many
 * discarded as warm-up, the seed, the number of chains, the threads they run on, a listener, the
 * parameters' names, the warm-up adaptation and where the kept draws go (thinning included). One seed
 * gives bit-identical chains whatever the number of threads.
 *
 * @param numSamples iterations per chain, burn-in included (hamiltorch's {@code num_samples}); default 10
 * @param burn leading iterations discarded, the warm-up; in [0, numSamples); default 0
 * @param seed seed of the run; chain c draws from {@link ChainRandom#of(long, int) ChainRandom.of(seed, c)}
 * @param chains number of independent chains, ≥ 1
 * @param threads threads to run chains on: 1 runs them one after another on the calling thread;
 *        0 means min(chains, available processors)
 * @param listener told of the run and each transition
 * @param parameterNames one name per parameter, or empty for {@code theta[i]}
 * @param adaptation what the burn-in iterations adapt (warm-up); the sampler's default unless given
 * @param storage where the kept draws go (memory, thinned, a file)
 */
public record RunOptions(int numSamples, int burn, long seed, int chains, int threads, TransitionListener listener,
                         List<String> parameterNames, Adaptation adaptation, DrawStorage storage) {

    /** hamiltorch's {@code num_samples} default. */
    public static final int DEFAULT_NUM_SAMPLES = 10;

    /** @throws IllegalArgumentException naming the bad argument and its value */
    public RunOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(adaptation, "adaptation");
        Objects.requireNonNull(storage, "storage");
        parameterNames = List.copyOf(parameterNames);
        if (numSamples <= 0) {
            throw new IllegalArgumentException("numSamples = " + numSamples + ": must be positive");
        }
        if (burn < 0 || burn >= numSamples) {
            throw new IllegalArgumentException("burn = " + burn + ": must be in [0, numSamples) with numSamples = "
                    + numSamples);
        }
        if (chains < 1) {
            throw new IllegalArgumentException("chains = " + chains + ": must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + ": must be 0 (automatic) or positive");
        }
    }

    /**
     * hamiltorch's defaults with {@code seed}: 10 iterations, no burn-in, one chain, automatic threads, no
     * listener, default names, the sampler's default adaptation, draws in memory.
     */
    public static RunOptions seed(long seed) {
        return new RunOptions(DEFAULT_NUM_SAMPLES, 0, seed, 1, 0, TransitionListener.NONE, List.of(),
                Adaptation.SAMPLER_DEFAULT, DrawStorage.IN_MEMORY);
    }

    /**
     * These options with {@code numSamples} iterations per chain of which the first {@code burn} are warm-up.
     *
     * @throws IllegalArgumentException naming the bad argument and its value
     */
    public RunOptions withSamples(int numSamples, int burn) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** These options with another warm-up adaptation. */
    public RunOptions withAdaptation(Adaptation adaptation) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** These options with {@code chains} chains. */
    public RunOptions withChains(int chains) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** These options with {@code threads} threads (1: sequential on the calling thread; 0: automatic). */
    public RunOptions withThreads(int threads) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** These options with a listener. */
    public RunOptions withListener(TransitionListener listener) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** These options with parameter names. */
    public RunOptions withParameterNames(List<String> parameterNames) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** These options with the kept draws going to {@code storage}. */
    public RunOptions withStorage(DrawStorage storage) {
        return new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames, adaptation, storage);
    }

    /** Iterations kept after burn-in per chain. */
    public int keptSamples() {
        return numSamples - burn;
    }

    /** The number of threads actually used. */
    public int effectiveThreads() {
        int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Math.max(1, Math.min(wanted, chains));
    }
}
