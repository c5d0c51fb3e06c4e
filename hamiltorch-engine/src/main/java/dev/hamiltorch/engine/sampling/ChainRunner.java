package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Markov chains of a sampler, metric and integrator on a target and collects {@link Samples}.
 *
 * <p>Each chain runs {@link SamplerSettings#numSamples()} iterations, burn-in included, and keeps the
 * states after the last numSamples − burn of them (hamiltorch's convention). A chain always continues
 * from its current state: a rejection, during burn-in or after, never sends it back to the initial
 * position. Every chain gets its own {@link Target#copy()}, Hamiltonian and kernel, and its own
 * {@link SplittableRandom}: the c-th {@code split()} of one seeded with {@link RunOptions#seed()}, all
 * split on the calling thread before any chain starts, so one seed gives bit-identical chains whether
 * they run one after another or in parallel.
 *
 * <p>Gradient evaluations are counted from the transitions plus one per chain for the initial position.
 * Wall time is measured around the iteration loops only (setup and the initial evaluations excluded).
 * A {@link dev.hamiltorch.api.DomainException} from the target (a point where the density is undefined)
 * rejects that proposal ({@link Event#DOMAIN_ERROR}) and the chain goes on; any other exception from the
 * target stops the run (the other chains at their next iteration) and a {@link SamplingException}
 * carries the iteration number and the partial result.
 */
public final class ChainRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChainRunner.class);

    private final Sampler sampler;
    private final Metric metric;
    private final Integrator integrator;

    /** A runner for this combination of plugins (all stateless, shared by the chains). */
    public ChainRunner(Sampler sampler, Metric metric, Integrator integrator) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.integrator = Objects.requireNonNull(integrator, "integrator");
    }

    /**
     * Samples {@code target} from {@code initialPosition}.
     *
     * @throws IllegalArgumentException if the initial position has the wrong length or is not finite, the
     *         metric refuses the settings (e.g. an {@code invMass} of the wrong shape), or the integrator
     *         cannot integrate the metric's Hamiltonian (e.g. a splitting integrator without a split target)
     * @throws SamplingException if the target (or the progress listener) throws, or the kernel refuses the
     *         initial position (e.g. a non-finite log density there); the cause is the original exception
     * @throws CancellationException if the calling thread is interrupted while chains run
     */
    public Samples run(Target target, double[] initialPosition, SamplerSettings settings, RunOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        int d = target.dimension();
        if (initialPosition.length != d) {
            throw new IllegalArgumentException("initial position has length " + initialPosition.length
                    + " but the target has dimension " + d);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(initialPosition[i])) {
                throw new IllegalArgumentException("initial position[" + i + "] = " + initialPosition[i]
                        + ": must be finite");
            }
        }
        int chains = options.chains();
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom[] random = new SplittableRandom[chains];
        for (int c = 0; c < chains; c++) {
            random[c] = root.split(); // in chain order, before anything runs: the streams depend on the seed only
        }
        Kernel[] kernels = new Kernel[chains];
        for (int c = 0; c < chains; c++) {
            Hamiltonian hamiltonian = metric.hamiltonian(GuardedTarget.of(target.copy()), settings);
            if (c == 0) {
                integrator.checkSupports(hamiltonian); // every chain's Hamiltonian is of one kind
            }
            kernels[c] = sampler.kernel(hamiltonian, integrator, settings);
        }

        Chain[] runs = new Chain[chains];
        for (int c = 0; c < chains; c++) {
            runs[c] = new Chain(c, settings.numSamples(), settings.burn(), d);
        }
        ChainState[] starts = new ChainState[chains];
        for (int c = 0; c < chains; c++) {
            try {
                starts[c] = kernels[c].init(initialPosition);
            } catch (RuntimeException e) {
                throw new SamplingException(c, 0, settings.numSamples(), collect(runs, settings, d, 0), e);
            }
            runs[c].gradientEvaluations = 1;
        }

        int threads = options.effectiveThreads();
        LOG.debug("sampling {} chain(s) × {} iterations (burn {}) of a {}-parameter target on {} thread(s) with {}/{}/{}",
                chains, settings.numSamples(), settings.burn(), d, threads, sampler.name(), metric.name(),
                integrator.name());
        AtomicBoolean stop = new AtomicBoolean();
        Progress progress = new Progress(options.progress(), (long) settings.numSamples() * chains);
        loadIterationClasses();
        long begin = System.nanoTime();
        if (threads == 1) {
            for (int c = 0; c < chains; c++) {
                runs[c].run(kernels[c], random[c], starts[c], stop, progress);
            }
        } else {
            runInParallel(runs, kernels, random, starts, stop, progress, threads);
        }
        double seconds = (System.nanoTime() - begin) * 1e-9;

        Samples samples = collect(runs, settings, d, seconds);
        SamplingException failure = null;
        for (Chain run : runs) {
            if (run.failure == null) {
                continue;
            }
            if (failure == null) {
                failure = new SamplingException(run.index, run.failedIteration, settings.numSamples(), samples,
                        run.failure);
            } else {
                failure.addSuppressed(run.failure);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("sampled in {} s: acceptance rate {}, events {}", seconds, samples.acceptanceRate(),
                    samples.eventCounts());
        }
        for (String warning : samples.warnings()) {
            LOG.warn(warning);
        }
        return samples;
    }

    /**
     * Loads what the first iteration would otherwise load inside the timed loop, where a 400-iteration
     * run of a small model spent 5 % of its time on it: the transition records and the JDK's tables for
     * Gaussian draws. The wall time measures sampling, not class loading.
     */
    private static void loadIterationClasses() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            lookup.ensureInitialized(Transition.class);
            lookup.ensureInitialized(TransitionInfo.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // both are public classes of an exported package
        }
        new SplittableRandom(0).nextGaussian(); // its tables load on the first draw
    }

    private static void runInParallel(Chain[] runs, Kernel[] kernels, SplittableRandom[] random, ChainState[] starts,
                                      AtomicBoolean stop, Progress progress, int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hamiltorch-chain-" + threadNumber.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(runs.length);
            for (int c = 0; c < runs.length; c++) {
                int chain = c;
                futures.add(pool.submit(() -> runs[chain].run(kernels[chain], random[chain], starts[chain], stop,
                        progress)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for the chains");
                } catch (ExecutionException e) {
                    // chains catch RuntimeExceptions themselves: only Errors get here
                    stop.set(true);
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The result of {@code chains} chains that never started (no iteration, no draw). */
    static Samples unstarted(int chains, SamplerSettings settings, int d) {
        Chain[] runs = new Chain[chains];
        for (int c = 0; c < chains; c++) {
            // room for the burn-in only: nothing is recorded, and numSamples may be large
            runs[c] = new Chain(c, settings.burn(), settings.burn(), d);
        }
        return collect(runs, settings, d, 0);
    }

    private static Samples collect(Chain[] runs, SamplerSettings settings, int d, double seconds) {
        List<ChainSamples> chains = new ArrayList<>(runs.length);
        for (Chain run : runs) {
            chains.add(run.result());
        }
        return new Samples(chains, settings.numSamples(), settings.burn(), d, seconds);
    }

    /** Counts iterations over all chains for the listener. */
    private static final class Progress {
        private final ProgressListener listener;
        private final long total;
        private final AtomicLong completed = new AtomicLong();

        Progress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void advance() {
            if (listener != ProgressListener.NONE) {
                listener.onIteration(completed.incrementAndGet(), total);
            }
        }
    }

    /** One chain's loop and what it records; confined to the thread that runs it. */
    private static final class Chain {
        final int index;
        final int burn;
        final int dimension;
        final double[][] draws;
        final double[] logDensity;
        final double[] energy;
        final double[] proposalEnergy;
        final double[] acceptanceProbability;
        final boolean[] accepted;
        final long[] events = new long[Event.values().length];
        long gradientEvaluations;
        int iterations;
        long nanos;
        RuntimeException failure;
        int failedIteration;

        Chain(int index, int numSamples, int burn, int dimension) {
            this.index = index;
            this.burn = burn;
            this.dimension = dimension;
            draws = new double[numSamples - burn][];
            logDensity = new double[numSamples];
            energy = new double[numSamples];
            proposalEnergy = new double[numSamples];
            acceptanceProbability = new double[numSamples];
            accepted = new boolean[numSamples];
        }

        void run(Kernel kernel, SplittableRandom random, ChainState start, AtomicBoolean stop, Progress progress) {
            long begin = System.nanoTime();
            ChainState state = start;
            int i = 0;
            try {
                for (; i < logDensity.length && !stop.get(); i++) {
                    Transition t = kernel.step(random, state);
                    state = t.state();
                    record(i, state, t.info());
                    progress.advance();
                }
            } catch (RuntimeException e) {
                failure = e;
                failedIteration = i + 1;
                stop.set(true);
            } catch (Error e) {
                stop.set(true);
                throw e;
            } finally {
                nanos = System.nanoTime() - begin;
            }
        }

        private void record(int i, ChainState state, TransitionInfo info) {
            logDensity[i] = state.logDensity();
            energy[i] = info.energy();
            proposalEnergy[i] = info.proposalEnergy();
            acceptanceProbability[i] = info.acceptanceProbability();
            accepted[i] = info.accepted();
            Event event = info.event();
            if (event != null) {
                events[event.ordinal()]++;
            }
            if (info.divergent() && event != Event.DIVERGENT) {
                events[Event.DIVERGENT.ordinal()]++;
            }
            gradientEvaluations += info.gradientEvaluations();
            if (i >= burn) {
                draws[i - burn] = state.position().clone(); // the kernel's arrays stay the kernel's
            }
            iterations = i + 1;
        }

        ChainSamples result() {
            EnumMap<Event, Long> counts = new EnumMap<>(Event.class);
            for (Event e : Event.values()) {
                counts.put(e, events[e.ordinal()]);
            }
            int n = iterations;
            return new ChainSamples(index, burn, dimension, Arrays.copyOf(draws, Math.max(0, n - burn)),
                    Arrays.copyOf(logDensity, n), Arrays.copyOf(energy, n), Arrays.copyOf(proposalEnergy, n),
                    Arrays.copyOf(acceptanceProbability, n), Arrays.copyOf(accepted, n), counts, gradientEvaluations,
                    nanos * 1e-9);
        }
    }
}
