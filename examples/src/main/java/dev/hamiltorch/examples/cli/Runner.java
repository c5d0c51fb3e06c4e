package dev.hamiltorch.examples.cli;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.sampling.ParameterSummary;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.benchmark.Benchmark;
import dev.hamiltorch.examples.report.JsonWriter;
import dev.hamiltorch.examples.report.StanCsv;
import dev.hamiltorch.examples.workloads.Funnel;
import dev.hamiltorch.examples.workloads.Gaussian3d;
import dev.hamiltorch.examples.workloads.Gaussian3dAnalytic;
import dev.hamiltorch.examples.workloads.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command-line runner (docs/runner.md): {@code java -jar hamiltorch-examples.jar <workload> [options]}.
 * Exit status 0 on success, 2 for a bad command line or bad settings, 1 when sampling fails.
 */
public final class Runner {

    /** What {@code --help} prints. */
    static final String USAGE = """
            usage: java -jar hamiltorch-examples.jar <workload> [options]
                   java -jar hamiltorch-examples.jar summary FILE... [--json OUT]
                   java -jar hamiltorch-examples.jar benchmark [--repeat N]

            workloads:
              gaussian3d           independent Normal, mean (1, 2, 3), sd 0.5 (400 samples, step 0.3, 5 steps)
              gaussian3d-analytic  gaussian3d with hand-written derivatives (the same HMC chain)
              funnel               Neal's funnel, v ~ N(0, 3^2), --dim D x's (default 10; 500 samples, step 0.3093, 25 steps)

            options (hamiltorch's names):
              --sampler hmc|rmhmc          --integrator leapfrog|implicit|explicit|splitting|splitting-rand|splitting-kmid
              --metric hessian|softabs|jacobian-diag|<plugin>
              --samples N  --burn N  --step-size E  --steps L  --seed S  --chains C
              --jitter J  --softabs-const A  --explicit-binding-const W
              --fixed-point-threshold T  --fixed-point-max-iterations K
              --json FILE   write the result (timing, events, per-parameter diagnostics, quality)
              --draws FILE  write the draws as Stan CSV (one file per chain)
              --quiet       no progress table or summary
              --no-replay   run the log density's code at every gradient instead of replaying its graph
            """;

    private Runner() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            return benchmark(args, out, err);
        }
        if (args.length > 0 && args[0].equals("summary")) {
            return SummaryCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Options options;
        Workload workload;
        SampleBuilder builder;
        try {
            options = Options.parse(args);
            workload = workload(options);
            options = options.withDefaults(workload.defaults());
            builder = configure(workload, options, out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Samples samples;
        try {
            samples = builder.run();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("sampling failed: " + e);
            return 1;
        }
        if (!options.flag("quiet")) {
            printSummary(workload, samples, out);
        }
        try {
            if (options.has("json")) {
                Files.writeString(Path.of(options.string("json", null)),
                        JsonWriter.write(result(workload, options, samples)), StandardCharsets.UTF_8);
            }
            if (options.has("draws")) {
                StanCsv.write(Path.of(options.string("draws", null)), workload, samples, options.real("step-size", 0.1),
                        options.integer("steps", 10));
            }
        } catch (IOException | UsageException e) {
            err.println("error: cannot write output: " + e.getMessage());
            return 1;
        }
        return 0;
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

    static Workload workload(Options options) throws UsageException {
        return switch (options.workload()) {
            case "gaussian3d" -> new Gaussian3d();
            case "gaussian3d-analytic" -> new Gaussian3dAnalytic();
            case "funnel" -> {
                int dim = options.integer("dim", 10);
                if (dim <= 0) {
                    throw new UsageException("option --dim needs a positive integer, got " + dim);
                }
                yield new Funnel(dim);
            }
            default -> throw new UsageException("unknown workload '" + options.workload()
                    + "' (available: gaussian3d, gaussian3d-analytic, funnel)");
        };
    }

    private static SampleBuilder configure(Workload workload, Options o, PrintStream out) throws UsageException {
        Target analytic = workload.target();
        SampleBuilder b = (analytic != null ? Hamiltorch.sample(analytic) : Hamiltorch.sample(workload.logDensity()))
                .paramsInit(workload.initialPosition())
                .numSamples(o.integer("samples", 10))
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
        if (o.has("jitter")) {
            b.jitter(o.real("jitter", 0));
        }
        if (o.has("softabs-const")) {
            b.softabsConst(o.real("softabs-const", 1e6));
        }
        if (o.has("explicit-binding-const")) {
            b.explicitBindingConst(o.real("explicit-binding-const", 100));
        }
        if (o.has("fixed-point-threshold")) {
            b.fixedPointThreshold(o.real("fixed-point-threshold", 1e-5));
        }
        if (o.has("fixed-point-max-iterations")) {
            b.fixedPointMaxIterations(o.integer("fixed-point-max-iterations", 1000));
        }
        return b;
    }

    private static void printSummary(Workload workload, Samples samples, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-12s %10s %10s %10s %10s %10s", "parameter", "mean", "sd",
                "q5", "q50", "q95"));
        List<ParameterSummary> summaries = samples.summary();
        for (int i = 0; i < summaries.size(); i++) {
            ParameterSummary s = summaries.get(i);
            out.println(String.format(Locale.ROOT, "%-12s %10.4f %10.4f %10.4f %10.4f %10.4f",
                    workload.parameterName(i), s.mean(), s.sd(), s.q05(), s.q50(), s.q95()));
        }
    }

    /** hamiltorch's enum spelling: {@code jacobian-diag} → {@code JACOBIAN_DIAG}. */
    static String enumName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The JSON result (docs/runner.md, "--json FILE"). */
    static Map<String, Object> result(Workload workload, Options o, Samples samples) throws UsageException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workload", workload.name());
        Sampler sampler = Hamiltorch.plugins().sampler(o.string("sampler", Sampler.HMC));
        r.put("sampler", enumName(sampler.name()));
        r.put("integrator", enumName(o.string("integrator", sampler.defaultIntegrator())));
        r.put("metric", enumName(o.string("metric", sampler.defaultMetric())));
        r.put("dimension", workload.dimension());
        r.put("num_samples", o.integer("samples", 10));
        r.put("burn", o.integer("burn", 0));
        r.put("chains", samples.numChains());
        r.put("seed", o.longValue("seed", 123));
        r.put("step_size", o.real("step-size", 0.1));
        r.put("steps_per_sample", o.integer("steps", 10));
        r.put("sampling_seconds", samples.wallTimeSeconds());
        // num_samples counts burn-in (hamiltorch's convention), so it is the iterations run per chain
        r.put("iterations_per_second", (double) o.integer("samples", 10) * samples.numChains() / samples.wallTimeSeconds());
        r.put("gradient_evaluations", samples.gradientEvaluations());
        r.put("acceptance_rate", samples.acceptanceRate());
        Map<String, Object> events = new LinkedHashMap<>();
        for (Event e : Event.values()) {
            events.put(e.key(), samples.eventCounts().getOrDefault(e, 0L));
        }
        r.put("events", events);
        List<Object> params = new ArrayList<>();
        List<ParameterSummary> summaries = samples.summary();
        double minEssBulk = Double.POSITIVE_INFINITY;
        for (int i = 0; i < summaries.size(); i++) {
            ParameterDiagnostics d = samples.diagnostics(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", workload.parameterName(i));
            p.put("mean", summaries.get(i).mean());
            p.put("sd", summaries.get(i).sd());
            p.put("ess_bulk", d.essBulk());
            p.put("ess_tail", d.essTail());
            p.put("rhat", d.rhat());
            params.add(p);
            // an undefined ESS makes the minimum undefined: NaN wins over Math.min's other argument
            minEssBulk = Math.min(minEssBulk, d.essBulk());
        }
        r.put("params", params);
        r.put("min_ess_bulk_per_second", summaries.isEmpty() ? Double.NaN : minEssBulk / samples.wallTimeSeconds());
        r.put("quality", workload.quality(samples));
        r.put("warnings", samples.warnings());
        return r;
    }
}
