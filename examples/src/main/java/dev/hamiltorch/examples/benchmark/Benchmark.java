package dev.hamiltorch.examples.benchmark;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.workloads.Funnel;
import dev.hamiltorch.examples.workloads.Gaussian3d;
import dev.hamiltorch.examples.workloads.Workload;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * In-process benchmark of the runner's workloads at the hamiltorch introduction's settings, HMC and
 * RMHMC: the first (cold, JIT warm-up included) run, then the median of repeated warm runs, in iterations/s and
 * ESS/s (bulk ESS of the slowest parameter, as R's posterior computes it), plus the cost of one gradient of the 3-element
 * Normal log density. Not a test: numbers depend on the machine and its load.
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** Runs the benchmark, printing a table to {@code out}. */
    public static void run(int repeats, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-34s %8s %14s %14s %14s", "workload", "samples", "cold it/s",
                "warm it/s", "warm ESS/s"));
        bench("gaussian3d HMC", new Gaussian3d(), 400, 0.3, 5, UnaryOperator.identity(), repeats, out);
        bench("funnel HMC", new Funnel(10), 500, 0.3093, 25, UnaryOperator.identity(), repeats, out);
        bench("gaussian3d RMHMC implicit Hessian", new Gaussian3d(), 400, 0.3, 5,
                b -> b.sampler(Sampler.RMHMC).integrator(Integrator.IMPLICIT).metric(Metric.HESSIAN), repeats, out);
        bench("funnel RMHMC implicit SoftAbs", new Funnel(10), 50, 0.15, 25,
                b -> b.sampler(Sampler.RMHMC).integrator(Integrator.IMPLICIT).metric(Metric.SOFTABS)
                        .fixedPointThreshold(1e-3).jitter(0.01).softabsConst(1e6), repeats, out);
        double micros = gradientMicros(new Gaussian3d().logDensity(), 3, true);
        double eager = gradientMicros(new Gaussian3d().logDensity(), 3, false);
        out.println(String.format(Locale.ROOT,
                "gradient of the 3-element Normal log density: %.3f µs (replayed; %.3f µs running its code)", micros,
                eager));
    }

    /**
     * One row: the first run (cold for the first row only; later rows start in a JVM the earlier rows
     * warmed) and the medians of {@code repeats} further runs, each with its own seed.
     */
    private static void bench(String label, Workload w, int samples, double eps, int steps,
                              UnaryOperator<SampleBuilder> settings, int repeats, PrintStream out) {
        double cold = 0;
        double[] warm = new double[repeats];
        double[] essRate = new double[repeats];
        for (int r = 0; r <= repeats; r++) {
            Samples s = settings.apply(Hamiltorch.sample(w.logDensity()).paramsInit(w.initialPosition())
                    .numSamples(samples).stepSize(eps).numStepsPerSample(steps).seed(123 + r).verbose(false)).run();
            double itPerSec = samples / s.wallTimeSeconds();
            if (r == 0) {
                cold = itPerSec;
                continue;
            }
            warm[r - 1] = itPerSec;
            double minEss = Double.POSITIVE_INFINITY;
            for (int i = 0; i < s.dimension(); i++) {
                minEss = Math.min(minEss, s.diagnostics(i).essBulk());
            }
            essRate[r - 1] = minEss / s.wallTimeSeconds();
        }
        out.println(String.format(Locale.ROOT, "%-34s %8d %14.0f %14.0f %14.0f", label, samples, cold,
                median(warm), median(essRate)));
    }

    /**
     * Median µs per gradient over rounds of one million evaluations, after two warm-up rounds, with the
     * recorded graph replayed or the density's code run at every evaluation.
     */
    static double gradientMicros(LogDensity f, int dim, boolean replay) {
        Target t = new AutodiffTarget(f, dim, replay);
        double[] x = new double[dim];
        double[] g = new double[dim];
        double sink = 0;
        double[] rounds = new double[5];
        for (int r = -2; r < rounds.length; r++) {
            long start = System.nanoTime();
            int n = 1_000_000;
            for (int i = 0; i < n; i++) {
                x[0] = i * 1e-9;
                sink += t.logDensityAndGradient(x, g);
            }
            if (r >= 0) {
                rounds[r] = (System.nanoTime() - start) / 1e3 / n;
            }
        }
        if (sink == 42) {
            // keeps the loop's results alive for the JIT
            System.out.print("");
        }
        return median(rounds);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
