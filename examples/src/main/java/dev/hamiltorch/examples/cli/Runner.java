package dev.hamiltorch.examples.cli;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.SamplingOptions;
import dev.hamiltorch.engine.adaptation.Adaptation;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.diagnostics.Summary;
import dev.hamiltorch.engine.diagnostics.SummaryRow;
import dev.hamiltorch.engine.nuts.NutsKernel;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.ParameterSummary;
import dev.hamiltorch.engine.sampling.Provenance;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.benchmark.Benchmark;
import dev.hamiltorch.examples.report.JsonWriter;
import dev.hamiltorch.examples.report.StanCsv;
import dev.hamiltorch.examples.report.SummaryJson;
import dev.hamiltorch.examples.workloads.BenchmarkData;
import dev.hamiltorch.examples.workloads.Funnel;
import dev.hamiltorch.examples.workloads.GaussianDense;
import dev.hamiltorch.examples.workloads.Logistic;
import dev.hamiltorch.examples.workloads.Gaussian3d;
import dev.hamiltorch.examples.workloads.Gaussian3dAnalytic;
import dev.hamiltorch.examples.workloads.GaussianSplit;
import dev.hamiltorch.examples.workloads.Quartic;
import dev.hamiltorch.examples.workloads.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command-line runner (docs/runner.md): {@code java -jar hamiltorch-examples.jar <workload> [options]}.
 * Exit status 0 on success; 2 for a bad command line, bad settings, a combination that cannot work or an
 * output file that cannot be written, all found before the first draw; 1 when user code fails (the log
 * density throws, at {@code paramsInit} or during sampling) or writing the output fails after all. The
 * run's warnings ({@link Samples#warnings()}) go to standard error whatever SLF4J provider is present.
 */
public final class Runner {

    /** What {@code --help} prints. */
    static final String USAGE = """
            usage: java -jar hamiltorch-examples.jar <workload> [options]
                   java -jar hamiltorch-examples.jar summary FILE... [--json OUT]
                   java -jar hamiltorch-examples.jar benchmark [--repeat N]
                   java -jar hamiltorch-examples.jar generate logistic|gaussian-dense FILE [--seed S]

            workloads:
              gaussian3d           independent Normal, mean (1, 2, 3), sd 0.5 (400 samples, step 0.3, 5 steps)
              gaussian3d-analytic  gaussian3d with hand-written derivatives (the same HMC chain)
              funnel               Neal's funnel, v ~ N(0, 3^2), --dim D x's (default 10; 500 samples, step 0.3093, 25 steps)
              gaussian-split       a 3-D Gaussian mean from 120 observations in --terms M shards, one term each (default 4;
                                   integrator splitting, 1000 samples, step 0.03, 6 steps)
              quartic              sum of -x^4/4 - x^2/2, --dim D (default 2; RMHMC, Hessian metric, implicit,
                                   fixed-point threshold 1e-12, 4000 samples, burn 400, step 0.4, 4 steps)
              logistic             Bayesian logistic regression, w ~ N(0, 1), --data FILE.csv (header y,x1,...,xK;
                                   2000 samples, burn 1000, step 0.05)
              gaussian-dense       N(mu, Sigma), --data FILE.csv (row i: mu_i,Sigma[i,1..n]; 2000 samples, burn 1000,
                                   step 0.5)
              bnn-regression       a Bayesian MLP (--hidden H tanh units, default 20) on 1-D sine data, regression
                                   likelihood (tau_out 100; 2000 samples, burn 500, step 0.005, 20 steps)
              bnn-mnist            the hamiltorch introduction's CNN (431,080 parameters) on the first --train N
                                   shipped MNIST digits (100), validated on the next --val M (1000)
                                   (multi-class, tau_out 1; 3000 samples, step 0.003, 1 step)

            options (hamiltorch's names):
              --sampler hmc|hmc-adapt-step|nuts|rmhmc
              --integrator leapfrog|implicit|explicit|splitting|splitting-rand|splitting-kmid
              --metric hessian|softabs|jacobian-diag|<plugin>
              --samples N  --burn N  --step-size E  --steps L  --seed S  --chains C
              --adapt-metric diag|dense|fisher-diag|none   how warm-up (the --burn iterations) adapts M^-1
              --target-accept A   the acceptance dual averaging aims at during warm-up (default 0.8)
              --no-adapt    burn-in only discards draws, whatever the sampler adapts by default
              --jitter J  --softabs-const A  --explicit-binding-const W
              --fixed-point-threshold T  --fixed-point-max-iterations K
              --reversibility-tolerance R   the implicit integrator's round-trip check (Infinity: off)
              --max-tree-depth D   NUTS's most doublings per transition (default 10)
              --json FILE   write the result (timing, events, per-parameter diagnostics, quality)
              --draws FILE  write the draws as Stan CSV (one file per chain)
              --quiet       no progress table or summary
              bnn workloads: --tau-out T  --hidden H  --train N  --val M  --data DIR (MNIST files)  --plots DIR
                            --pixels unit|standardised
                            --keep-every K  --draws-precision float32|float64; --draws FILE writes a draws file
                            (docs/bnn.md) instead of Stan CSV
              --no-replay   run the log density's code at every gradient instead of replaying its graph
              --help        this text (anywhere on the command line)

            exit status: 0 done; 2 bad command line, settings or output path (before sampling);
                         1 the log density threw (at the start or during sampling), or writing the output failed
            """;

    private Runner() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the workload (or {@code summary}, {@code benchmark}) and its options
     */
    public static void main(String[] args) {
        // the MNIST CNN runs its network tensors in float32, as PyTorch does (the sampler's arithmetic stays
        // double), unless the command line chose: set before the engine reads its storage policy
        if (args.length > 0 && args[0].equals("bnn-mnist") && System.getProperty("hamiltorch.nd4j.dtype") == null) {
            System.setProperty("hamiltorch.nd4j.dtype", "float");
        }
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns the exit status.
     *
     * @param args the workload (or {@code summary}, {@code benchmark}) and its options
     * @param out where the progress table, the summary and {@code --help} go
     * @param err where errors and the run's warnings go, one line each
     * @return 0 done, 1 the log density or writing the output failed, 2 a bad command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")
                || (args.length > 0 && args[0].equals("help"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            return benchmark(args, out, err);
        }
        if (args.length > 0 && args[0].equals("generate")) {
            return generate(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length > 0 && args[0].equals("summary")) {
            return SummaryCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Options options;
        Workload workload;
        SampleBuilder builder;
        try {
            options = Options.parse(args);
            if (ModelRuns.isModelWorkload(options.workload())) {
                return ModelRuns.run(options, out, err);
            }
            ModelRuns.refuseModelOptions(options);
            workload = workload(options);
            options = options.withDefaults(workload.defaults());
            checkOutputs(options);
            builder = configure(workload, options, out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        StanCsv csv = options.has("draws") ? new StanCsv(Path.of(options.string("draws", null)), workload.name())
                : null;
        if (csv != null) {
            builder.listener(csv); // streams the draws while the chains run
        }
        Samples samples;
        try {
            samples = builder.run();
        } catch (RuntimeException e) {
            return failed(e, err);
        } finally {
            if (csv != null) {
                try {
                    csv.close();
                } catch (IOException e) {
                    err.println("error: cannot write output: " + e.getMessage());
                }
            }
        }
        // printed here, not only logged: without an SLF4J provider the log shows nothing
        for (String warning : samples.warnings()) {
            err.println("warning: " + warning);
        }
        if (!options.flag("quiet")) {
            printSummary(workload, samples, out);
        }
        try {
            if (options.has("json")) {
                Files.writeString(Path.of(options.string("json", null)),
                        JsonWriter.write(result(workload, options, samples)), StandardCharsets.UTF_8);
            }
        } catch (IOException | UsageException e) {
            err.println("error: cannot write output: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * Reports what {@link SampleBuilder#run()} threw and returns the exit status: 2 for a bad argument,
     * 1 for a failure of the log density's code (a {@link dev.hamiltorch.engine.sampling.SamplingException},
     * at {@code paramsInit} too) or any other exception.
     */
    static int failed(RuntimeException e, PrintStream err) {
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        err.println("sampling failed: " + e);
        return 1;
    }

    private static int benchmark(String[] args, PrintStream out, PrintStream err) {
        int repeats = 5;
        if (args.length == 3 && args[1].equals("--repeat")) {
            try {
                repeats = Integer.parseInt(args[2]);
            } catch (NumberFormatException e) {
                repeats = -1;
            }
        } else if (args.length != 1) {
            err.println("error: usage: benchmark [--repeat N]");
            return 2;
        }
        if (repeats < 1) {
            err.println("error: option --repeat needs a positive integer, got '" + args[2] + "'");
            return 2;
        }
        Benchmark.run(repeats, out);
        return 0;
    }

    /** Refuses, before sampling, a {@code --json} or {@code --draws} file that could not be written. */
    private static void checkOutputs(Options o) throws UsageException {
        if (o.has("json")) {
            checkWritable("json", path(o, "json"));
        }
        if (o.has("draws")) {
            // a bad --chains is the builder's to report; here it only says how many files there will be
            for (Path file : StanCsv.files(path(o, "draws"), Math.max(1, o.integer("chains", 1)))) {
                checkWritable("draws", file);
            }
        }
    }

    static Path path(Options o, String name) throws UsageException {
        String value = o.string(name, null);
        try {
            return Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UsageException("option --" + name + " needs a file name, got '" + value + "'");
        }
    }

    /** Checks that {@code file} can be created or overwritten, without writing it. */
    static void checkWritable(String name, Path file) throws UsageException {
        String cannot = "option --" + name + ": cannot write " + file + ": ";
        if (Files.isDirectory(file)) {
            throw new UsageException(cannot + "it is a folder");
        }
        if (Files.exists(file)) {
            if (!Files.isWritable(file)) {
                throw new UsageException(cannot + "it is not writable");
            }
            return;
        }
        Path folder = file.getParent();
        if (folder == null || !Files.exists(folder)) {
            throw new UsageException(cannot + "folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new UsageException(cannot + folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new UsageException(cannot + "folder " + folder + " is not writable");
        }
    }

    static Workload workload(Options options) throws UsageException {
        return switch (options.workload()) {
            case "gaussian3d" -> new Gaussian3d();
            case "gaussian3d-analytic" -> new Gaussian3dAnalytic();
            case "gaussian-split" -> {
                int terms = options.integer("terms", 4);
                if (terms < 1 || terms > GaussianSplit.OBSERVATIONS) {
                    throw new UsageException("option --terms needs an integer in [1, " + GaussianSplit.OBSERVATIONS
                            + "], got " + terms);
                }
                yield new GaussianSplit(terms);
            }
            case "funnel" -> new Funnel(dimension(options, 10));
            case "quartic" -> new Quartic(dimension(options, 2));
            case "logistic" -> new Logistic(data(options, BenchmarkData::readLogistic));
            case "gaussian-dense" -> {
                BenchmarkData.GaussianData data = data(options, BenchmarkData::readGaussian);
                try {
                    yield new GaussianDense(data);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("option --data: " + options.string("data", null) + ": " + e.getMessage());
                }
            }
            default -> throw new UsageException("unknown workload '" + options.workload()
                    + "' (available: gaussian3d, gaussian3d-analytic, funnel, gaussian-split, quartic, logistic,"
                    + " gaussian-dense, bnn-regression, bnn-mnist)");
        };
    }

    /** Reads a data file. */
    private interface DataReader<T> {
        T read(Path file) throws IOException;
    }

    /** The workload's data from {@code --data FILE}, which it requires. */
    private static <T> T data(Options options, DataReader<T> reader) throws UsageException {
        if (!options.has("data")) {
            throw new UsageException("workload " + options.workload() + " needs --data FILE.csv (docs/runner.md;"
                    + " 'generate " + options.workload() + " FILE' writes the benchmark's)");
        }
        Path file = path(options, "data");
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new UsageException("option --data: cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --data: " + e.getMessage());
        }
    }

    /** {@code generate logistic|gaussian-dense FILE [--seed S]}: writes a benchmark data set (docs/nuts.md). */
    private static int generate(String[] args, PrintStream out, PrintStream err) {
        long seed = 1;
        if (args.length == 4 && args[2].equals("--seed")) {
            try {
                seed = Long.parseLong(args[3]);
            } catch (NumberFormatException e) {
                err.println("error: option --seed needs an integer, got '" + args[3] + "'");
                return 2;
            }
        } else if (args.length != 2) {
            err.println("error: usage: generate logistic|gaussian-dense FILE [--seed S]");
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "logistic" -> BenchmarkData.write(BenchmarkData.logistic(seed, 1000, 25), file);
                case "gaussian-dense" -> BenchmarkData.write(BenchmarkData.denseGaussian(seed, 100, 100), file);
                default -> {
                    err.println("error: generate: unknown data set '" + args[0] + "' (logistic, gaussian-dense)");
                    return 2;
                }
            }
        } catch (IOException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            return 2;
        }
        out.println("wrote " + file);
        return 0;
    }

    /** The {@code --dim} option, {@code fallback} when absent. */
    private static int dimension(Options options, int fallback) throws UsageException {
        int dim = options.integer("dim", fallback);
        if (dim <= 0) {
            throw new UsageException("option --dim needs a positive integer, got " + dim);
        }
        return dim;
    }

    private static SampleBuilder configure(Workload workload, Options o, PrintStream out) throws UsageException {
        Target analytic = workload.target();
        List<LogDensity> terms = workload.terms();
        checkSplitIntegrator(workload, terms, o);
        SampleBuilder b = (analytic != null ? Hamiltorch.sample(analytic)
                : terms != null ? Hamiltorch.sampleSplit(terms) : Hamiltorch.sample(workload.logDensity()))
                .paramsInit(workload.initialPosition())
                .parameterNames(parameterNames(workload));
        return configure(b, o, out);
    }

    /** A plugin option's flag: the option's name (hamiltorch's, as the plugins declare it) and its typed setter. */
    private record PluginOptionFlag(String option, Setter setter) {
        interface Setter {
            void set(SamplingOptions<?> b, Options o) throws UsageException;
        }
    }

    /** The flags of plugin options, by flag (sorted, so options are set in one order). */
    private static final Map<String, PluginOptionFlag> PLUGIN_OPTIONS = new java.util.TreeMap<>(Map.of(
            "jitter", new PluginOptionFlag("jitter", (b, o) -> b.jitter(o.real("jitter", 0))),
            "softabs-const", new PluginOptionFlag("softabsConst", (b, o) -> b.softabsConst(o.real("softabs-const", 1e6))),
            "explicit-binding-const", new PluginOptionFlag("explicitBindingConst",
                    (b, o) -> b.explicitBindingConst(o.real("explicit-binding-const", 100))),
            "fixed-point-threshold", new PluginOptionFlag("fixedPointThreshold",
                    (b, o) -> b.fixedPointThreshold(o.real("fixed-point-threshold", 1e-5))),
            "fixed-point-max-iterations", new PluginOptionFlag("fixedPointMaxIterations",
                    (b, o) -> b.fixedPointMaxIterations(o.integer("fixed-point-max-iterations", 1000))),
            "max-tree-depth", new PluginOptionFlag("maxTreeDepth", (b, o) -> b.maxTreeDepth(o.integer("max-tree-depth", 10))),
            "reversibility-tolerance", new PluginOptionFlag("reversibilityTolerance",
                    (b, o) -> b.reversibilityTolerance(o.real("reversibility-tolerance", Double.NaN)))));

    /** The options every run shares (sampler, integrator, metric, lengths, seed, …) set on {@code b}. */
    static <B extends SamplingOptions<B>> B configure(B b, Options o, PrintStream out) throws UsageException {
        b.numSamples(o.integer("samples", 10))
                .burn(o.integer("burn", 0))
                .stepSize(o.real("step-size", 0.1))
                .numStepsPerSample(o.integer("steps", 10))
                .seed(o.longValue("seed", 123))
                .chains(o.integer("chains", 1))
                .sampler(o.string("sampler", "hmc"))
                .verbose(!o.flag("quiet"))
                .replay(!o.flag("no-replay"))
                .progressTo(out);
        if (o.has("integrator")) {
            b.integrator(o.string("integrator", null));
        }
        if (o.has("metric")) {
            b.metric(o.string("metric", null));
        }
        // the plugins' options: given ones are the user's (refused where no selected plugin declares them),
        // a workload's defaults only presets (left out where none does)
        for (Map.Entry<String, PluginOptionFlag> flag : PLUGIN_OPTIONS.entrySet()) {
            if (o.given(flag.getKey())) {
                flag.getValue().setter().set(b, o);
            } else if (o.has(flag.getKey())) {
                b.optionDefault(flag.getValue().option(), o.string(flag.getKey(), null));
            }
        }
        if (o.flag("no-adapt")) {
            if (o.has("adapt-metric") || o.has("target-accept")) {
                throw new UsageException("option --no-adapt contradicts --adapt-metric and --target-accept");
            }
            b.adaptStepSize(false).adaptMetric("none");
        }
        try {
            if (o.has("adapt-metric")) {
                b.adaptMetric(o.string("adapt-metric", null));
            }
            if (o.has("target-accept")) {
                b.desiredAcceptRate(o.real("target-accept", 0.8));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --" + (e.getMessage().startsWith("adaptMetric") ? "adapt-metric"
                    : "target-accept") + ": " + e.getMessage());
        }
        return b;
    }

    private static String[] parameterNames(Workload workload) {
        String[] names = new String[workload.dimension()];
        for (int i = 0; i < names.length; i++) {
            names[i] = workload.parameterName(i);
        }
        return names;
    }

    /** Refuses a split integrator on a workload whose log density is not a list of terms, before sampling. */
    private static void checkSplitIntegrator(Workload workload, List<LogDensity> terms, Options o)
            throws UsageException {
        String integrator = o.string("integrator", "");
        if (terms == null && List.of(Integrator.SPLITTING, Integrator.SPLITTING_RAND,
                Integrator.SPLITTING_KMID).contains(integrator)) {
            throw new UsageException("--integrator " + integrator + " needs a log density given as a list of terms,"
                    + " as workload gaussian-split has; " + workload.name() + " is one density");
        }
    }

    static void printSummary(Workload workload, Samples samples, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-12s %10s %10s %10s %10s %10s", "parameter", "mean", "sd",
                "q5", "q50", "q95"));
        List<ParameterSummary> summaries = samples.parameterSummaries();
        for (int i = 0; i < summaries.size(); i++) {
            ParameterSummary s = summaries.get(i);
            out.println(String.format(Locale.ROOT, "%-12s %10.4f %10.4f %10.4f %10.4f %10.4f",
                    s.name(), s.mean(), s.sd(), s.q05(), s.q50(), s.q95()));
        }
    }

    /** hamiltorch's enum spelling: {@code jacobian-diag} → {@code JACOBIAN_DIAG}. */
    static String enumName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The number of kept iterations, over all chains, whose statistic {@code name} passes {@code test}. */
    static long keptCount(Samples samples, String name, java.util.function.DoublePredicate test) {
        long n = 0;
        for (ChainSamples c : samples.chains()) {
            double[] column = c.statistic(name);
            for (int i = c.burn(); i < column.length; i++) {
                n += test.test(column[i]) ? 1 : 0;
            }
        }
        return n;
    }

    /** The JSON result (docs/runner.md, "--json FILE"). */
    static Map<String, Object> result(Workload workload, Options o, Samples samples) throws UsageException {
        return result(workload.name(), samples, true, workload.quality(samples));
    }

    /**
     * The JSON result of a run of workload {@code name}; {@code params} false leaves the per-parameter block
     * out (a network's hundreds of thousands of weights, whose draws are not all in memory).
     */
    static Map<String, Object> result(String name, Samples samples, boolean withParams, Map<String, Object> quality) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workload", name);
        // what ran, as the result records it, not as the options were parsed
        Provenance run = samples.provenance();
        r.put("sampler", enumName(run.sampler()));
        r.put("integrator", enumName(run.integrator()));
        r.put("metric", enumName(run.metric()));
        r.put("dimension", samples.dimension());
        r.put("num_samples", run.numSamples());
        r.put("burn", run.burn());
        r.put("chains", samples.numChains());
        r.put("seed", run.seed());
        Adaptation adapted = run.adaptation();
        if (Boolean.TRUE.equals(adapted.stepSize())) {
            // the step size each chain's warm-up arrived at (docs/runner.md)
            List<Object> stepSizes = new ArrayList<>();
            for (ChainSamples chain : samples.chains()) {
                stepSizes.add(chain.stepSize());
            }
            r.put("step_size", stepSizes);
        } else {
            r.put("step_size", run.tuning().stepSize());
        }
        r.put("steps_per_sample", run.tuning().numSteps());
        // the plugins' options in force that were not their defaults (given, or a workload's preset)
        r.put("plugin_options", run.options().given());
        if (adapted.adaptsAnything()) {
            r.put("adapt_metric", adapted.metric().key());
            r.put("target_accept", adapted.targetAcceptance());
        }
        r.put("library_version", run.libraryVersion());
        r.put("sampling_seconds", samples.wallTimeSeconds());
        // num_samples counts burn-in (hamiltorch's convention), so it is the iterations run per chain
        r.put("iterations_per_second", (double) run.numSamples() * samples.numChains()
                / samples.wallTimeSeconds());
        r.put("gradient_evaluations", samples.gradientEvaluations());
        r.put("acceptance_rate", samples.acceptanceRate());
        Map<String, Object> events = new LinkedHashMap<>();
        for (Event e : Event.values()) {
            events.put(e.key(), samples.eventCounts().getOrDefault(e, 0L));
        }
        r.put("events", events);
        // the diagnostics need a kept draw in every chain; a run that kept none reports them as null; a run
        // whose draws are not all in memory (a network's weights) has no per-parameter block at all
        boolean kept = samples.chains().stream().allMatch(c -> c.keptCount() > 0);
        // thinned draws (--keep-every) no longer line up with the per-iteration statistics the summary pairs
        // them with: such a run gets the draws' own diagnostics, and its divergences from the statistics
        boolean thinned = samples.chains().stream()
                .anyMatch(c -> c.keptCount() != Math.max(0, c.iterations() - c.burn()));
        Summary summary = withParams && kept && !thinned ? samples.summary() : null;
        if (withParams) {
            List<Object> params = new ArrayList<>();
            double minEssBulk = Double.NaN;
            if (summary != null) {
                params = SummaryJson.params(summary);
                // an undefined ESS makes the minimum undefined: NaN wins over Math.min's other argument
                minEssBulk = summary.parameterRows().isEmpty() ? Double.NaN
                        : summary.parameterRows().stream().mapToDouble(SummaryRow::essBulk)
                                .reduce(Double.POSITIVE_INFINITY, Math::min);
            } else if (kept) {
                List<ParameterSummary> summaries = samples.parameterSummaries();
                minEssBulk = summaries.isEmpty() ? Double.NaN : Double.POSITIVE_INFINITY;
                for (int i = 0; i < summaries.size(); i++) {
                    ParameterDiagnostics d = samples.diagnostics(i);
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("name", summaries.get(i).name());
                    p.put("mean", summaries.get(i).mean());
                    p.put("sd", summaries.get(i).sd());
                    p.put("ess_bulk", d.essBulk());
                    p.put("ess_tail", d.essTail());
                    p.put("rhat", d.rhat());
                    params.add(p);
                    minEssBulk = Math.min(minEssBulk, d.essBulk());
                }
            } else {
                for (ParameterSummary s : samples.parameterSummaries()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("name", s.name());
                    p.put("mean", s.mean());
                    p.put("sd", s.sd());
                    p.put("ess_bulk", null);
                    p.put("ess_tail", null);
                    p.put("rhat", null);
                    params.add(p);
                }
            }
            r.put("params", params);
            r.put("min_ess_bulk_per_second", minEssBulk / samples.wallTimeSeconds());
        }
        if (summary != null) {
            // divergences, ebfmi per chain, and max_treedepth_hits for samplers with a tree depth (NUTS)
            SummaryJson.putChainDiagnostics(summary, r);
        } else if (!withParams || thinned) {
            // no summary without the draws: the kept divergences (and NUTS's tree-depth hits) from the statistics
            r.put("divergences", keptCount(samples, ChainSamples.DIVERGENT, v -> v != 0));
            if (run.sampler().equals(Sampler.NUTS)) {
                int maxDepth = run.tuning().maxTreeDepth();
                r.put("max_treedepth_hits", keptCount(samples, NutsKernel.TREE_DEPTH, v -> v >= maxDepth));
            }
        }
        r.put("quality", quality);
        r.put("warnings", samples.warnings());
        r.put("diagnostic_warnings", summary == null ? List.of() : summary.warnings());
        return r;
    }
}
