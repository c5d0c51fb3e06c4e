package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.bnn.ModelPosterior;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.diagnostics.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.nio.file.Path;

/**
 * The result of a sampling run: the kept draws of every chain, what happened at each iteration, event
 * counts, acceptance, cost and per-parameter summaries. Immutable; arrays are returned as copies.
 * Pooled quantities ({@link #draws()}, {@link #parameterSummaries()}, {@link #acceptanceRate()}) are over
 * the kept draws of all chains, chain 0 first; {@link #diagnostics(int)} and {@link #summary()} treat the
 * chains as chains.
 */
public final class Samples {

    /** Rows {@link #toString()} prints before eliding the rest. */
    private static final int MAX_ROWS = 20;

    private final List<ChainSamples> chains;
    private final int numSamples;
    private final int burn;
    private final int dimension;
    private final Provenance provenance;
    private final Draws draws;
    private final double wallTimeSeconds;
    private final List<String> pluginWarnings;
    /** The draws file the run streamed its kept draws to, or null. */
    private final Path drawsFile;
    /** The model posterior sampled ({@code Hamiltorch.sampleModel}), or null. */
    private final ModelPosterior modelPosterior;

    Samples(List<ChainSamples> chains, int numSamples, int burn, Provenance provenance, double wallTimeSeconds) {
        this(chains, numSamples, burn, provenance, wallTimeSeconds, List.of(), null, null);
    }

    private Samples(List<ChainSamples> chains, int numSamples, int burn, Provenance provenance,
                    double wallTimeSeconds, List<String> pluginWarnings, Path drawsFile,
                    ModelPosterior modelPosterior) {
        this.chains = List.copyOf(chains);
        this.numSamples = numSamples;
        this.burn = burn;
        this.dimension = provenance.parameterNames().size();
        this.provenance = provenance;
        this.draws = Draws.concat(dimension, this.chains.stream().map(ChainSamples::draws).toList());
        this.wallTimeSeconds = wallTimeSeconds;
        this.pluginWarnings = List.copyOf(pluginWarnings);
        this.drawsFile = drawsFile;
        this.modelPosterior = modelPosterior;
    }

    /** These samples with the plugins' advice ({@link dev.hamiltorch.api.spi.RunAdvice}) added to {@link #warnings()}. */
    Samples withPluginWarnings(List<String> warnings) {
        return new Samples(chains, numSamples, burn, provenance, wallTimeSeconds, warnings, drawsFile, modelPosterior);
    }

    /** These samples, whose kept draws were all streamed to {@code file}. */
    Samples withDrawsFile(Path file) {
        return new Samples(chains, numSamples, burn, provenance, wallTimeSeconds, pluginWarnings, file, modelPosterior);
    }

    /**
     * These samples, recording the model posterior they were drawn from, so that
     * {@code Hamiltorch.predictModel} evaluates the same likelihood, τ_out and prior on new data.
     */
    public Samples withModelPosterior(ModelPosterior posterior) {
        return new Samples(chains, numSamples, burn, provenance, wallTimeSeconds, pluginWarnings, drawsFile,
                Objects.requireNonNull(posterior, "posterior"));
    }

    /**
     * The {@link DrawsFile} that holds every kept draw, when the run streamed them to one
     * ({@code draws(Path)}); {@link #draws()} then holds only the draws kept in memory ({@code keepEvery}).
     */
    public Optional<Path> drawsFile() {
        return Optional.ofNullable(drawsFile);
    }

    /** The model posterior these samples were drawn from ({@code Hamiltorch.sampleModel}), if any. */
    public Optional<ModelPosterior> modelPosterior() {
        return Optional.ofNullable(modelPosterior);
    }

    /** Iterations run over all chains, burn-in included (fewer than numSamples × chains for a partial result). */
    public long iterations() {
        return chains.stream().mapToLong(ChainSamples::iterations).sum();
    }

    /** What produced this result: plugins, settings, seed, chains, parameter names, library version. */
    public Provenance provenance() {
        return provenance;
    }

    /** One name per parameter ({@code theta[i]} unless the user named them). */
    public List<String> parameterNames() {
        return provenance.parameterNames();
    }

    /**
     * The pooled kept draws as a (kept × D) double {@link org.nd4j.linalg.api.ndarray.INDArray}; loads
     * ND4J on first use and leaves its global default data type as the application set it.
     */
    public org.nd4j.linalg.api.ndarray.INDArray drawsAsINDArray() {
        return dev.hamiltorch.engine.nd4j.Nd4jArrays.matrix(draws.toArray());
    }

    /** Number of chains. */
    public int numChains() {
        return chains.size();
    }

    /** Number of parameters D. */
    public int dimension() {
        return dimension;
    }

    /** Iterations per chain asked for, burn-in included. */
    public int numSamples() {
        return numSamples;
    }

    /** Leading iterations discarded per chain. */
    public int burn() {
        return burn;
    }

    /** Whether every chain ran all its iterations (false for a partial result). */
    public boolean isComplete() {
        return chains.stream().allMatch(c -> c.iterations() == numSamples);
    }

    /** Chain {@code c}, from 0. */
    public ChainSamples chain(int c) {
        return chains.get(c);
    }

    /** All chains in order. */
    public List<ChainSamples> chains() {
        return chains;
    }

    /**
     * Kept draws held in memory over all chains: every kept draw unless the run thinned them or streamed
     * them to a file ({@link #drawsFile()}).
     */
    public int keptCount() {
        return chains.stream().mapToInt(ChainSamples::keptCount).sum();
    }

    /** The kept draws of all chains, chain 0 first: keptCount × D, as a read-only view (nothing is copied). */
    public Draws draws() {
        return draws;
    }

    /** The kept draws of parameter {@code parameter} over all chains. */
    public double[] parameter(int parameter) {
        return draws.column(parameter);
    }

    /** Events over all chains, every event present (0 if never). */
    public Map<Event, Long> eventCounts() {
        EnumMap<Event, Long> total = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            long n = 0;
            for (ChainSamples c : chains) {
                n += c.eventCounts().get(e);
            }
            total.put(e, n);
        }
        return Collections.unmodifiableMap(total);
    }

    /** Accepted proposals among the kept iterations of all chains (NaN when none is kept). */
    public double acceptanceRate() {
        long kept = 0;
        long accepted = 0;
        for (ChainSamples c : chains) {
            kept += c.keptIterations();
            accepted += c.keptAccepted();
        }
        return kept == 0 ? Double.NaN : (double) accepted / kept;
    }

    /** Wall time of the sampling loops (all chains, however they were scheduled). */
    public double wallTimeSeconds() {
        return wallTimeSeconds;
    }

    /** Evaluations of ∇ log π over all chains, initial positions included. */
    public long gradientEvaluations() {
        return chains.stream().mapToLong(ChainSamples::gradientEvaluations).sum();
    }

    /** Summary of parameter {@code parameter} over the kept draws of all chains. */
    public ParameterSummary summary(int parameter) {
        return ParameterSummary.of(parameter, parameterNames().get(parameter), parameter(parameter));
    }

    /** Summaries (mean, sd, quantiles) of every parameter, in order. */
    public List<ParameterSummary> parameterSummaries() {
        List<ParameterSummary> list = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            list.add(summary(i));
        }
        return list;
    }

    /**
     * The run's summary as CmdStan's {@code stansummary} shows it ({@link Summary}): a row per sampler
     * column ({@code lp__}, {@code accept_stat__}, the sampler's own such as {@code treedepth__},
     * {@code n_leapfrog__}, {@code divergent__}, {@code energy__}) and per parameter, with mean, MCSE,
     * sd, quantiles, bulk and tail ESS and R̂; each chain's divergences, E-BFMI and tree-depth hits; and
     * warnings (R̂ &gt; 1.01, ESS below 100 per chain, divergences, E-BFMI &lt; 0.3, maximum tree depth
     * reached). Over the kept draws; a partial result uses the first m kept draws of every chain, m the
     * shortest chain's count, as {@link #diagnostics(int)} does. The maximum tree depth is the run's
     * ({@link Provenance#tuning()}: NUTS's option {@code maxTreeDepth}, default
     * {@value Summary#DEFAULT_MAX_TREE_DEPTH}) when the sampler reports a {@code treedepth} statistic. Computed on each call.
     *
     * @throws IllegalStateException if some chain has no kept draw
     */
    public Summary summary() {
        int m = chains.stream().mapToInt(ChainSamples::keptCount).min().orElse(0);
        if (m == 0) {
            throw new IllegalStateException("no kept draws to summarise (" + keptCount() + " over " + numChains()
                    + " chains; burn " + burn + ")");
        }
        List<double[][]> parameters = new ArrayList<>(dimension);
        for (int p = 0; p < dimension; p++) {
            parameters.add(chainArrays(m, p));
        }
        Map<String, double[][]> sampler = new LinkedHashMap<>();
        for (String stan : STAN_COLUMN_ORDER) {
            String own = stan.substring(0, stan.length() - 2);
            String name = chains.get(0).statisticNames().contains(own) ? own : OUR_NAMES.get(stan);
            if (name != null && chains.get(0).statisticNames().contains(name)) {
                sampler.put(stan, keptStatistic(m, name));
            }
        }
        for (String name : chains.get(0).statisticNames()) {
            String stan = name.endsWith("__") ? name : name + "__";
            if (!ChainSamples.COMMON_STATISTICS.contains(name) && !sampler.containsKey(stan)) {
                sampler.put(stan, keptStatistic(m, name));
            }
        }
        // the depth the run's tuning allowed (NUTS puts its option maxTreeDepth there); 0: no tree to saturate
        int maxTreeDepth = sampler.containsKey(Summary.TREE_DEPTH) ? provenance.tuning().maxTreeDepth() : 0;
        return Summary.of(parameterNames(), parameters, sampler, maxTreeDepth);
    }

    /** stansummary's order of the sampler columns. */
    private static final List<String> STAN_COLUMN_ORDER = List.of("lp__", "accept_stat__", "stepsize__",
            "treedepth__", "n_leapfrog__", "divergent__", "energy__");

    /** Stan's sampler columns whose statistic is named otherwise here. */
    private static final Map<String, String> OUR_NAMES = Map.of("lp__", ChainSamples.LOG_DENSITY, "accept_stat__",
            ChainSamples.ACCEPT_STAT, "n_leapfrog__", ChainSamples.STEPS, "divergent__", ChainSamples.DIVERGENT,
            "energy__", ChainSamples.ENERGY);

    /** The first m kept draws of parameter p, chain by chain. */
    private double[][] chainArrays(int m, int p) {
        double[][] x = new double[chains.size()][m];
        for (int c = 0; c < chains.size(); c++) {
            for (int k = 0; k < m; k++) {
                x[c][k] = chains.get(c).value(k, p);
            }
        }
        return x;
    }

    /** Statistic {@code name} at the first m kept iterations, chain by chain. */
    private double[][] keptStatistic(int m, String name) {
        double[][] x = new double[chains.size()][];
        for (int c = 0; c < chains.size(); c++) {
            ChainSamples chain = chains.get(c);
            x[c] = Arrays.copyOfRange(chain.statistic(name), chain.burn(), chain.burn() + m);
        }
        return x;
    }

    /**
     * R̂, bulk and tail ESS, and the ESS and MCSE of the mean of parameter {@code parameter} over all
     * chains, as R's posterior computes them (see {@link ConvergenceDiagnostics}); computed on each call.
     * When a partial result left chains of different lengths, each chain contributes its first m kept
     * draws, m the shortest chain's count, because the diagnostics need chains of equal length.
     * Undefined diagnostics (constant draws, too few draws, no draws) are NaN.
     */
    public ParameterDiagnostics diagnostics(int parameter) {
        if (parameter < 0 || parameter >= dimension) {
            throw new IndexOutOfBoundsException("parameter " + parameter + " of " + dimension);
        }
        int m = chains.stream().mapToInt(ChainSamples::keptCount).min().orElse(0);
        if (m == 0) {
            return ParameterDiagnostics.undefined();
        }
        return ConvergenceDiagnostics.of(chainArrays(m, parameter));
    }

    /** {@link #diagnostics(int)} of every parameter, in order. */
    public List<ParameterDiagnostics> diagnostics() {
        List<ParameterDiagnostics> list = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            list.add(diagnostics(i));
        }
        return list;
    }

    /**
     * What the run's user should know, one sentence each, empty when nothing went wrong: every event
     * that rejected or flagged proposals (with its count over all iterations of all chains), a run
     * whose kept iterations accepted no proposal at all, and then what the run's integrator and metric
     * advise ({@link dev.hamiltorch.api.spi.RunAdvice}). The chain runner also logs them at WARN.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        long iterations = iterations();
        if (acceptanceRate() == 0) {
            long kept = chains.stream().mapToLong(ChainSamples::keptIterations).sum();
            warnings.add("no proposal was accepted in the " + kept + " kept iterations: the step size is"
                    + " likely too large for this target and integrator");
        }
        for (Map.Entry<Event, Long> e : eventCounts().entrySet()) {
            if (e.getValue() > 0) {
                warnings.add(e.getValue() + " of " + iterations + " iterations " + consequence(e.getKey()) + " ("
                        + e.getKey().key() + ")");
            }
        }
        warnings.addAll(pluginWarnings);
        return List.copyOf(warnings);
    }

    private static String consequence(Event event) {
        return switch (event) {
            case INVALID_LOG_PROB -> "rejected their proposal for a NaN or infinite log density or Hamiltonian";
            case NON_SPD_METRIC -> "rejected their proposal for a metric that was not positive-definite even"
                    + " after jitter";
            case FIXED_POINT_NOT_CONVERGED -> "rejected their proposal for a fixed point of the implicit"
                    + " integrator that did not converge; a smaller step size helps";
            case NOT_REVERSIBLE -> "rejected their proposal because integrating back from it did not return to"
                    + " the start (reversibilityTolerance); a smaller step size or fixedPointThreshold helps";
            case DIVERGENT -> "diverged (an energy error above the divergence threshold); a smaller step size helps";
            case DOMAIN_ERROR -> "rejected their proposal for a point where the log density is undefined (it threw a"
                    + " DomainException, e.g. a covariance that is not positive-definite)";
        };
    }

    /** A small table: run facts, events, and one row per parameter (the first 20). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Samples: %d chain%s × %d iterations (burn %d), %d kept draws, D = %d%s%n",
                numChains(), numChains() == 1 ? "" : "s", numSamples, burn, keptCount(), dimension,
                isComplete() ? "" : " (partial)"));
        s.append(String.format(Locale.ROOT, "Acceptance Rate %.3f, %.3f s, %d gradient evaluations%n",
                acceptanceRate(), wallTimeSeconds, gradientEvaluations()));
        s.append("events:");
        eventCounts().forEach((e, n) -> s.append(' ').append(e.key()).append(' ').append(n));
        s.append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%-12s %10s %10s %10s %10s %10s %10s %10s%n", "param", "mean", "sd",
                "5%", "25%", "50%", "75%", "95%"));
        for (int i = 0; i < Math.min(dimension, MAX_ROWS); i++) {
            ParameterSummary p = summary(i);
            s.append(String.format(Locale.ROOT, "%-12s %10.4g %10.4g %10.4g %10.4g %10.4g %10.4g %10.4g%n", p.name(),
                    p.mean(), p.sd(), p.q05(), p.q25(), p.q50(), p.q75(), p.q95()));
        }
        if (dimension > MAX_ROWS) {
            s.append("… ").append(dimension - MAX_ROWS).append(" more parameters").append(System.lineSeparator());
        }
        return s.toString();
    }
}
