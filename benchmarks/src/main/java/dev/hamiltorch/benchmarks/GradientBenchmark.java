package dev.hamiltorch.benchmarks;

import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One log density and gradient ({@link AutodiffTarget#logDensityAndGradient}, replayed) of each model. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradientBenchmark {

    @Param({"GAUSSIAN3D", "FUNNEL", "GAUSSIAN100", "LOGISTIC"})
    public Models model;

    private ReplayedGradient replayed;

    @Setup
    public void setUp() {
        double[] theta = model.start();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.1 * ((i % 7) - 3); // off the start, where some densities are symmetric
        }
        replayed = new ReplayedGradient(model.logDensity(), theta);
    }

    @Benchmark
    public double logDensityAndGradient() {
        return replayed.next();
    }
}
