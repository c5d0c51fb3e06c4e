package dev.hamiltorch.examples.cli;

import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.ModelSampleBuilder;
import dev.hamiltorch.engine.sampling.DrawsFile;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.report.JsonWriter;
import dev.hamiltorch.examples.workloads.BnnRegression;
import dev.hamiltorch.examples.workloads.ModelWorkload;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runner's Bayesian-neural-network workloads ({@code bnn-regression}, {@code bnn-mnist}), sampled with
 * {@code Hamiltorch.sampleModel} and judged by predictions on held-out data. {@code --draws FILE} writes a
 * binary draws file here (a network's draws do not fit a CSV); without it, a network whose draws would not
 * fit in memory streams them to a temporary draws file that is deleted after the predictions.
 */
final class ModelRuns {

    /** Options that only the model workloads read. */
    private static final List<String> MODEL_OPTIONS = List.of("tau-out", "data", "train", "val", "hidden", "plots",
            "draws-precision", "keep-every", "pixels");
    /** Draws (values) kept in memory above which the draws go to a temporary file. */
    private static final long IN_MEMORY_LIMIT = 20_000_000L;

    private ModelRuns() {
    }

    /** Whether {@code name} is a model workload. */
    static boolean isModelWorkload(String name) {
        return name.equals("bnn-regression") || name.equals("bnn-mnist");
    }

    /** Workloads other than the model ones that read {@code --data}. */
    private static final List<String> DATA_WORKLOADS = List.of("logistic", "gaussian-dense");

    /** Refuses the model workloads' options on another workload, which would ignore them. */
    static void refuseModelOptions(Options o) throws UsageException {
        for (String name : MODEL_OPTIONS) {
            if (name.equals("data") && DATA_WORKLOADS.contains(o.workload())) {
                continue;
            }
            if (o.has(name)) {
                throw new UsageException("option --" + name + " applies to the "
                        + (name.equals("data") ? "logistic, gaussian-dense, " : "")
                        + "bnn-regression and bnn-mnist workloads, not " + o.workload());
            }
        }
    }

    static ModelWorkload workload(Options o) throws UsageException {
        return switch (o.workload()) {
            case "bnn-regression" -> {
                int hidden = positive(o, "hidden", 20);
                if (o.has("data") || o.has("train") || o.has("val") || o.has("pixels")) {
                    throw new UsageException("bnn-regression generates its own sine data: --data, --train, --val and"
                            + " --pixels apply to bnn-mnist");
                }
                yield new BnnRegression(hidden, o.real("tau-out", 100));
            }
            default -> BnnMnistRun.workload(o);
        };
    }

    /** A positive integer option. */
    static int positive(Options o, String name, int fallback) throws UsageException {
        int v = o.integer(name, fallback);
        if (v < 1) {
            throw new UsageException("option --" + name + " needs a positive integer, got " + v);
        }
        return v;
    }

    static int run(Options parsed, PrintStream out, PrintStream err) {
        ModelWorkload workload;
        Options o;
        ModelSampleBuilder builder;
        Path plots = null;
        Path draws;
        boolean temporary = false;
        try {
            workload = workload(parsed);
            o = parsed.withDefaults(workload.defaults());
            if (o.has("json")) {
                Runner.checkWritable("json", Runner.path(o, "json"));
            }
            if (o.has("plots")) {
                plots = Runner.path(o, "plots");
                if (!Files.isDirectory(plots) || !Files.isWritable(plots)) {
                    throw new UsageException("option --plots: " + plots + " is not a writable folder");
                }
            }
            if (o.has("tau-out") && !(o.real("tau-out", 1) > 0)) {
                throw new UsageException("option --tau-out needs a positive number, got " + o.string("tau-out", ""));
            }
            builder = Hamiltorch.sampleModel(workload.model(), workload.xTrain(), workload.yTrain())
                    .likelihood(workload.likelihood()).tauOut(o.real("tau-out", 1))
                    .paramsInit(workload.initialParameters());
            Runner.configure(builder, o, out);
            DrawsFile.Precision precision = precision(o);
            long values = (long) workload.model().parameterCount() * o.integer("samples", 10) * o.integer("chains", 1);
            if (o.has("draws")) {
                draws = Runner.path(o, "draws");
                Runner.checkWritable("draws", draws);
            } else if (values > IN_MEMORY_LIMIT) {
                draws = Files.createTempFile("hamiltorch-" + workload.name() + "-", ".draws");
                temporary = true;
            } else {
                draws = null;
            }
            if (draws != null) {
                builder.draws(draws, precision).keepEvery(o.integer("keep-every", 0));
            } else if (o.has("keep-every")) {
                builder.keepEvery(o.integer("keep-every", 1));
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot create a temporary draws file: " + e.getMessage());
            return 2;
        }
        try {
            return sampleAndReport(workload, o, builder, plots, out, err);
        } finally {
            if (temporary) {
                try {
                    Files.deleteIfExists(draws);
                } catch (IOException e) {
                    err.println("warning: cannot delete the temporary draws file " + draws + ": " + e.getMessage());
                }
            }
        }
    }

    private static int sampleAndReport(ModelWorkload workload, Options o, ModelSampleBuilder builder, Path plots,
                                       PrintStream out, PrintStream err) {
        Samples samples;
        try {
            samples = builder.run();
        } catch (RuntimeException e) {
            return Runner.failed(e, err);
        }
        for (String warning : samples.warnings()) {
            err.println("warning: " + warning);
        }
        Map<String, Object> quality;
        long begin = System.nanoTime();
        try {
            quality = new java.util.LinkedHashMap<>(workload.quality(samples, plots));
        } catch (IOException | UncheckedIOException e) {
            err.println("error: predicting failed: " + e.getMessage());
            return 1;
        }
        quality.put("prediction_seconds", (System.nanoTime() - begin) * 1e-9);
        if (!o.flag("quiet")) {
            out.println(String.format(Locale.ROOT, "%s: %d parameters, acceptance rate %.3f, %.2f iterations/s",
                    workload.name(), samples.dimension(), samples.acceptanceRate(),
                    samples.iterations() / samples.wallTimeSeconds()));
            quality.forEach((k, v) -> out.println("  " + k + " = " + v));
        }
        boolean params = samples.keptCount() > 0 && samples.dimension() <= 1000;
        try {
            if (o.has("json")) {
                Files.writeString(Runner.path(o, "json"),
                        JsonWriter.write(Runner.result(workload.name(), samples, params, quality)), StandardCharsets.UTF_8);
            }
        } catch (IOException | UsageException e) {
            err.println("error: cannot write output: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static DrawsFile.Precision precision(Options o) throws UsageException {
        String p = o.string("draws-precision", "float64");
        return switch (p) {
            case "float32" -> DrawsFile.Precision.FLOAT32;
            case "float64" -> DrawsFile.Precision.FLOAT64;
            default -> throw new UsageException("option --draws-precision needs float32 or float64, got '" + p + "'");
        };
    }
}
