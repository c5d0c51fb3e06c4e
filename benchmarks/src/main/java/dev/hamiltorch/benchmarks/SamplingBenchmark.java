package dev.hamiltorch.benchmarks;

import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.sampling.Samples;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole HMC runs through the public facade, as a user writes them: a fresh builder, one chain, the
 * default progress table (printed to a discarded stream), recording and replay included. Time per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SamplingBenchmark {

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private static Samples run(Models model, int iterations) {
        return Hamiltorch.sample(model.logDensity()).paramsInit(model.start()).numSamples(iterations)
                .stepSize(model.stepSize()).numStepsPerSample(model.steps()).seed(123).progressTo(DISCARD).run();
    }

    /** 20,000 iterations of the 3-D Normal (ε 0.3, L 5). */
    @Benchmark
    public Samples gaussian3d20k() {
        return run(Models.GAUSSIAN3D, 20_000);
    }

    /** 10,000 iterations of the D = 10 funnel (ε 0.3093, L 25). */
    @Benchmark
    public Samples funnel10k() {
        return run(Models.FUNNEL, 10_000);
    }

    /** 1,000 iterations of the dense 100-D Normal (ε 0.1, L 10). */
    @Benchmark
    public Samples gaussian100d1k() {
        return run(Models.GAUSSIAN100, 1_000);
    }

    /** 500 iterations of the N = 1000, K = 25 logistic regression (ε 0.02, L 10). */
    @Benchmark
    public Samples logistic500() {
        return run(Models.LOGISTIC, 500);
    }

    /**
     * 200 iterations of RMHMC with SoftAbs on the D = 5 funnel (implicit integrator, ε 0.2, L 5): the
     * Hessians and third-order contractions of the recorded graph.
     */
    @Benchmark
    public Samples funnelRmhmc200() {
        return Hamiltorch.sample(Models.FUNNEL5.logDensity()).paramsInit(Models.FUNNEL5.start()).numSamples(200)
                .sampler("rmhmc").metric("softabs").softabsConst(1e6).stepSize(0.2).numStepsPerSample(5)
                .seed(123).progressTo(DISCARD).run();
    }

    /**
     * 2,000 RMHMC iterations of the 3-D Normal with the Hessian metric and the implicit integrator (ε 0.3,
     * L 5): the metric's geometry (Hessian, Cholesky, third derivatives, ∂H/∂θ) at every fixed-point iterate.
     */
    @Benchmark
    public Samples gaussian3dRmhmcHessian2k() {
        Models model = Models.GAUSSIAN3D;
        return Hamiltorch.sample(model.logDensity()).paramsInit(model.start()).numSamples(2_000)
                .sampler(Sampler.RMHMC).metric(Metric.HESSIAN).integrator(Integrator.IMPLICIT)
                .stepSize(model.stepSize()).numStepsPerSample(model.steps()).seed(123).progressTo(DISCARD).run();
    }
}
