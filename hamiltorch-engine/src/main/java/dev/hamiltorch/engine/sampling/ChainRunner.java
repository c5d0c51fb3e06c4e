package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.GuardedTarget;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.spi.RunAdvice;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.adaptation.Adaptation;
import dev.hamiltorch.engine.adaptation.WindowAdaptation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Markov chains of a sampler, metric and integrator on a target and collects {@link Samples}.
 *
 * <p>The plugins get their options ({@link PluginOptions}, checked against them when the runner is made);
 * the run's own settings are {@link RunOptions}; the first transition's tuning is given to {@code run}.
 * Each chain runs {@link RunOptions#numSamples()} iterations, burn-in included, and keeps the
 * states after the last numSamples − burn of them (hamiltorch's convention). The burn-in iterations are
 * the warm-up: when the run's {@link Adaptation} (resolved with the sampler's defaults) adapts anything,
 * each chain's kernel is stepped through a {@link WindowAdaptation}, which tunes the
 * {@link StepParameters} every transition gets; the kept iterations use what it ended with
 * ({@link ChainSamples#stepParameters()}). A chain always continues
 * from its current state: a rejection, during burn-in or after, never sends it back to the initial
 * position. Every chain gets its own {@link Target#copy()}, Hamiltonian and kernel, and its own
 * {@link ChainRandom}, a stream that depends on ({@link RunOptions#seed()}, chain) alone, so one seed
 * gives bit-identical chains whether they run one after another or in parallel.
 *
 * <p>Gradient evaluations are counted from the transitions plus one per chain for the initial position.
 * Wall time is measured around the iteration loops only (setup and the initial evaluations excluded).
 * A {@link dev.hamiltorch.api.DomainException} from the target (a point where the density is undefined)
 * rejects that proposal ({@link Event#DOMAIN_ERROR}) and the chain goes on; any other exception from the
 * target stops the run (the other chains at their next iteration) and a {@link SamplingException}
 * carries the iteration number and the partial result. Once the chains stop, the integrator's and the
 * metric's advice ({@link RunAdvice}) joins {@link Samples#warnings()}.
 */
public final class ChainRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChainRunner.class);

    private final Sampler sampler;
    private final Metric metric;
    private final Integrator integrator;
    private final PluginOptions options;

    /** A runner for this combination of plugins (all stateless, shared by the chains), with their default options. */
    public ChainRunner(Sampler sampler, Metric metric, Integrator integrator) {
        this(sampler, metric, integrator, PluginOptions.defaults());
    }

    /**
     * A runner for this combination of plugins with their {@code options}, which should be checked against
     * them ({@link #of(Sampler, Metric, Integrator, java.util.Map)} does).
     */
    public ChainRunner(Sampler sampler, Metric metric, Integrator integrator, PluginOptions options) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.integrator = Objects.requireNonNull(integrator, "integrator");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A runner for these plugins with the options {@code given} (strings or typed values by option name),
     * checked against what the three plugins declare.
     *
     * @throws IllegalArgumentException for an option none of them declares, or a bad value
     */
    public static ChainRunner of(Sampler sampler, Metric metric, Integrator integrator, java.util.Map<String, ?> given) {
        return new ChainRunner(sampler, metric, integrator,
                PluginOptions.of(given, List.of(sampler, metric, integrator)));
    }

    /**
     * Samples {@code target} from {@code initialPosition}, the first transition tuned by {@code tuning}
     * (with the sampler's own options put in: {@link Sampler#initialParameters}), as {@code run} says.
     *
     * @throws IllegalArgumentException if the initial position has the wrong length or is not finite, the
     *         metric refuses the tuning (e.g. an {@code invMass} of the wrong shape) or the target (one that
     *         lacks the derivatives the metric needs, see {@link Metric#checkSupports}), or the integrator
     *         cannot integrate the metric's Hamiltonian (e.g. a splitting integrator without a split target)
     * @throws SamplingException if the target (or the listener) throws, or the kernel refuses the
     *         initial position (e.g. a non-finite log density there); the cause is the original exception
     * @throws CancellationException if the calling thread is interrupted while chains run
     */
    public Samples run(Target target, double[] initialPosition, StepParameters tuning, RunOptions run) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(initialPosition, "initialPosition");
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
        return run(target, InitialValues.shared(initialPosition), tuning, run);
    }

    /**
     * Samples {@code target} from the {@code initialValues}: given positions, or random ones drawn from
     * each chain's own stream before its first transition (see {@link InitialValues}).
     *
     * @throws IllegalArgumentException as {@link #run(Target, double[], StepParameters, RunOptions)}, and
     *         when given positions do not fit the target or the number of chains
     * @throws SamplingException as {@link #run(Target, double[], StepParameters, RunOptions)}; also when no
     *         random initial position was found, its cause naming the attempts
     * @throws CancellationException if the calling thread is interrupted while chains run
     */
    public Samples run(Target target, InitialValues initialValues, StepParameters tuning, RunOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(initialValues, "initialValues");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(options, "options");
        int d = target.dimension();
        initialValues.check(d, options.chains());
        int chains = options.chains();
        ChainRandom[] random = new ChainRandom[chains];
        for (int c = 0; c < chains; c++) {
            random[c] = ChainRandom.of(options.seed(), c);
        }
        metric.checkSupports(target); // a target without the metric's derivatives would fail the first trajectory
        StepParameters parameters = sampler.initialParameters(tuning, this.options);
        Kernel[] kernels = new Kernel[chains];
        WindowAdaptation[] warmups = new WindowAdaptation[chains];
        Integrator configured = integrator.configure(this.options);
        Adaptation adaptation = Adaptation.NONE;
        boolean adapting = false;
        for (int c = 0; c < chains; c++) {
            Hamiltonian hamiltonian = metric.hamiltonian(GuardedTarget.of(target.copy()), this.options);
            if (hamiltonian.inverseMass() != null) {
                // the first transition's mass; a bad one (wrong shape, not positive-definite) fails here
                hamiltonian = hamiltonian.withInverseMass(parameters.inverseMass());
            }
            if (c == 0) {
                integrator.checkSupports(hamiltonian); // every chain's Hamiltonian is of one kind
                adaptation = options.adaptation().resolve(sampler, hamiltonian.inverseMass() != null);
                adapting = options.burn() > 0 && adaptation.adaptsAnything();
            }
            kernels[c] = sampler.kernel(hamiltonian, integrator, this.options);
            if (adapting) {
                warmups[c] = new WindowAdaptation(kernels[c], hamiltonian, configured, adaptation, options.burn());
            }
        }

        List<String> names = options.parameterNames().isEmpty() ? Provenance.defaultParameterNames(d)
                : options.parameterNames();
        if (names.size() != d) {
            throw new IllegalArgumentException("parameterNames = " + names + ": needs " + d + " names, one per parameter");
        }
        Provenance provenance = new Provenance(sampler.name(), metric.name(), integrator.name(), options.numSamples(),
                options.burn(), parameters, this.options, options.seed(), chains, names, Provenance.LIBRARY_VERSION, adapting ? adaptation : Adaptation.NONE);
        List<String> own = kernels[0].statisticNames();
        List<String> statisticNames = new ArrayList<>(ChainSamples.COMMON_STATISTICS);
        for (String name : own) {
            if (statisticNames.contains(name)) {
                throw new IllegalStateException("sampler " + sampler.name() + " declares the statistic '" + name
                        + "' twice, or one of the common statistics " + ChainSamples.COMMON_STATISTICS);
            }
            statisticNames.add(name);
        }
        DrawStorage storage = options.storage();
        long inMemory = (long) storage.rowsInMemory(options.keptSamples()) * d;
        if (inMemory > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("keeping " + storage.rowsInMemory(options.keptSamples())
                    + " draws of " + d + " parameters in memory needs " + (inMemory * 8 >> 20) + " MiB per chain, more"
                    + " than a Java array holds: stream the draws to a file (draws(Path)) and keep every k-th or none in"
                    + " memory (keepEvery)");
        }
        // the file is created before the first draw: one that cannot be written fails here, naming it
        DrawsFile.Writer writer = storage.file() == null ? null
                : DrawsFile.create(storage.file(), storage.blocksFor(d), storage.precision());
        try {
            Samples samples = run(target, initialValues, options, kernels, warmups, parameters, random,
                    provenance, own, statisticNames, writer);
            return writer == null ? samples : samples.withDrawsFile(writer.file());
        } finally {
            if (writer != null) {
                try {
                    writer.close();
                } catch (java.io.IOException e) {
                    LOG.warn("draws file {}: closing it failed", writer.file(), e);
                }
            }
        }
    }

    private Samples run(Target target, InitialValues initialValues, RunOptions options,
                        Kernel[] kernels, WindowAdaptation[] warmups, StepParameters parameters,
                        ChainRandom[] random, Provenance provenance, List<String> own, List<String> statisticNames,
                        DrawsFile.Writer writer) {
        int chains = options.chains();
        int d = target.dimension();
        TransitionListener listener = writer == null ? options.listener() : writer.andThen(options.listener());
        Chain[] runs = new Chain[chains];
        for (int c = 0; c < chains; c++) {
            runs[c] = new Chain(c, options.numSamples(), options.burn(), d, statisticNames, listener,
                    options.storage().keepEvery());
        }
        ChainState[] starts = new ChainState[chains];
        for (int c = 0; c < chains; c++) {
            try {
                starts[c] = initialValues.start(c, kernels[c], d, random[c]);
            } catch (RuntimeException e) {
                throw new SamplingException(c, 0, options.numSamples(), collect(runs, provenance, 0), e);
            }
            runs[c].gradientEvaluations = 1;
        }

        int threads = options.effectiveThreads();
        LOG.debug("sampling {} chain(s) × {} iterations (burn {}) of a {}-parameter target on {} thread(s) with {}/{}/{}",
                chains, options.numSamples(), options.burn(), d, threads, sampler.name(), metric.name(),
                integrator.name());
        AtomicBoolean stop = new AtomicBoolean();
        try {
            listener.onStart(provenance, List.copyOf(own));
        } catch (RuntimeException e) {
            throw new SamplingException(0, 0, options.numSamples(), collect(runs, provenance, 0), e);
        }
        long begin = System.nanoTime();
        if (threads == 1) {
            for (int c = 0; c < chains; c++) {
                runs[c].run(kernels[c], warmups[c], parameters, random[c], starts[c], stop);
            }
        } else {
            runInParallel(runs, kernels, warmups, parameters, random, starts, stop, threads);
        }
        double seconds = (System.nanoTime() - begin) * 1e-9;

        Samples samples = collect(runs, provenance, seconds);
        samples = samples.withPluginWarnings(pluginWarnings(provenance.tuning(), samples));
        SamplingException failure = null;
        for (Chain run : runs) {
            if (run.failure == null) {
                continue;
            }
            if (failure == null) {
                failure = new SamplingException(run.index, run.failedIteration, options.numSamples(), samples,
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

    /** The integrator's and the metric's advice on the run; a plugin that fails to give it is logged and skipped. */
    private List<String> pluginWarnings(StepParameters tuning, Samples samples) {
        List<String> warnings = new ArrayList<>();
        for (RunAdvice plugin : List.of(integrator, metric)) {
            try {
                warnings.addAll(plugin.warnings(options, tuning, samples.eventCounts(), samples.iterations()));
            } catch (RuntimeException e) {
                LOG.warn("{} failed to give its advice on the run", plugin.getClass().getName(), e);
            }
        }
        return warnings;
    }

    private static void runInParallel(Chain[] runs, Kernel[] kernels, WindowAdaptation[] warmups,
                                      StepParameters parameters, ChainRandom[] random, ChainState[] starts,
                                      AtomicBoolean stop, int threads) {
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
                futures.add(pool.submit(() -> runs[chain].run(kernels[chain], warmups[chain], parameters, random[chain],
                        starts[chain], stop)));
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
    static Samples unstarted(int chains, int numSamples, int burn, int d, List<String> parameterNames) {
        Chain[] runs = new Chain[chains];
        for (int c = 0; c < chains; c++) {
            // room for the burn-in only: nothing is recorded, and numSamples may be large
            runs[c] = new Chain(c, burn, burn, d, ChainSamples.COMMON_STATISTICS,
                    TransitionListener.NONE, 1);
        }
        List<String> names = parameterNames.isEmpty() ? Provenance.defaultParameterNames(d) : parameterNames;
        return collect(runs, new Provenance("", "", "", numSamples, burn, StepParameters.DEFAULTS,
                PluginOptions.defaults(), 0, chains, names, Provenance.LIBRARY_VERSION), 0);
    }

    private static Samples collect(Chain[] runs, Provenance provenance, double seconds) {
        List<ChainSamples> chains = new ArrayList<>(runs.length);
        for (Chain run : runs) {
            chains.add(run.result());
        }
        return new Samples(chains, provenance.numSamples(), provenance.burn(), provenance, seconds);
    }

    /** One chain's loop and what it records; confined to the thread that runs it. */
    private static final class Chain {
        /** Columns of {@link ChainSamples#COMMON_STATISTICS}; the kernel's own follow. */
        private static final int COMMON = ChainSamples.COMMON_STATISTICS.size();

        final int index;
        final int burn;
        final int dimension;
        final List<String> statisticNames;
        final TransitionListener listener;
        /** Every k-th kept draw stays in memory; 0: none. */
        final int keepEvery;
        /** Kept draws in memory, row-major. */
        final double[] draws;
        /** One column per statistic, one entry per iteration. */
        final double[][] statistics;
        final long[] events = new long[Event.values().length];
        long gradientEvaluations;
        int iterations;
        long nanos;
        RuntimeException failure;
        int failedIteration;
        /** The parameters of the last transition (after warm-up: those it adapted). */
        StepParameters tuned;
        /** Whether the burn-in iterations were an adapting warm-up (their events are then not counted). */
        boolean adaptedWarmup;

        Chain(int index, int numSamples, int burn, int dimension, List<String> statisticNames,
              TransitionListener listener, int keepEvery) {
            this.index = index;
            this.burn = burn;
            this.dimension = dimension;
            this.statisticNames = statisticNames;
            this.listener = listener;
            this.keepEvery = keepEvery;
            draws = new double[rowsInMemory(numSamples - burn) * dimension];
            statistics = new double[statisticNames.size()][numSamples];
        }

        /**
         * Runs the chain from {@code start}: through {@code warmup} (null: none) for the burn-in iterations,
         * then with the parameters it ended with, or {@code parameters} throughout when there is no warm-up.
         */
        void run(Kernel kernel, WindowAdaptation warmup, StepParameters parameters, ChainRandom random,
                 ChainState start, AtomicBoolean stop) {
            long begin = System.nanoTime();
            ChainState state = start;
            int i = 0;
            int n = statistics[0].length;
            StepParameters tuning = parameters;
            WindowAdaptation.State adapting = null;
            try {
                if (warmup != null) {
                    adaptedWarmup = true;
                    adapting = warmup.init(random, state, tuning);
                    tuning = adapting.parameters();
                }
                for (; i < n && !stop.get(); i++) {
                    Transition t;
                    StepParameters used = tuning;
                    if (adapting != null && i < warmup.warmup()) {
                        WindowAdaptation.Step step = warmup.step(random, state, adapting);
                        t = step.transition();
                        adapting = step.state();
                        tuning = adapting.parameters();
                    } else {
                        t = kernel.step(random, state, tuning);
                    }
                    state = t.state();
                    record(i, state, t.info());
                    if (listener != TransitionListener.NONE) { // no call per transition when no one listens
                        listener.onTransition(index, i, state, t.info(), used);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
                failedIteration = i + 1;
                stop.set(true);
            } catch (Error e) {
                stop.set(true);
                throw e;
            } finally {
                if (adapting != null) {
                    gradientEvaluations += adapting.gradientEvaluations(); // the heuristic's trial steps
                }
                tuned = tuning;
                nanos = System.nanoTime() - begin;
            }
        }

        private void record(int i, ChainState state, TransitionInfo info) {
            double[][] s = statistics;
            s[0][i] = state.logDensity();
            s[1][i] = info.acceptanceProbability();
            s[2][i] = info.accepted() ? 1 : 0;
            s[3][i] = info.divergent() ? 1 : 0;
            s[4][i] = info.energyAfter();
            s[5][i] = info.energy();
            s[6][i] = info.proposalEnergy();
            s[7][i] = info.steps();
            s[8][i] = info.gradientEvaluations();
            double[] own = info.statistics();
            if (own.length != s.length - COMMON) {
                throw new IllegalStateException("the kernel reported " + own.length + " statistics of its own, but "
                        + "declares " + statisticNames.subList(COMMON, s.length));
            }
            for (int k = 0; k < own.length; k++) {
                s[COMMON + k][i] = own[k];
            }
            Event event = info.event();
            // an adapting warm-up explores step sizes that diverge on purpose: like Stan, count the kept
            // iterations' events only (the per-iteration columns still show the warm-up's)
            boolean counted = !adaptedWarmup || i >= burn;
            if (counted && event != null) {
                events[event.ordinal()]++;
            }
            if (counted && info.divergent() && event != Event.DIVERGENT) {
                events[Event.DIVERGENT.ordinal()]++;
            }
            gradientEvaluations += info.gradientEvaluations();
            if (i >= burn && keepEvery > 0 && (i - burn) % keepEvery == 0) {
                System.arraycopy(state.position(), 0, draws, (i - burn) / keepEvery * dimension, dimension);
            }
            iterations = i + 1;
        }

        /** Draws of the first {@code kept} kept iterations that stay in memory. */
        int rowsInMemory(int kept) {
            return DrawStorage.rowsInMemory(kept, keepEvery);
        }

        ChainSamples result() {
            EnumMap<Event, Long> counts = new EnumMap<>(Event.class);
            for (Event e : Event.values()) {
                counts.put(e, events[e.ordinal()]);
            }
            int n = iterations;
            return new ChainSamples(index, burn, Draws.of(dimension, draws, rowsInMemory(Math.max(0, n - burn))), statisticNames,
                    ChainSamples.cut(statistics, n), counts, gradientEvaluations, nanos * 1e-9, tuned);
        }
    }
}
