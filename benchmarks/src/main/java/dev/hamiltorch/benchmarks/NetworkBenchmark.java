package dev.hamiltorch.benchmarks;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.LogSoftmax;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MNIST CNN of hamiltorch's introduction (431,080 parameters) on a minibatch of 100 images of
 * 1 × 28 × 28, on JVM storage (double precision, one thread): the log posterior (summed categorical
 * likelihood of the logits, N(0, 1) priors) and its gradient by a replayed {@link AutodiffTarget}, as
 * HMC evaluates it; and the forward pass alone, as prediction does. The images are uniform pixels from
 * a fixed seed: the cost does not depend on the values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class NetworkBenchmark {

    private static final int BATCH = 100;

    private Module net;
    private Tensor images;
    private ReplayedGradient replayed;
    private Tensor theta;

    @Setup
    public void setUp() {
        net = Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), ReLU.of(), Conv2d.of(20, 50, 5), MaxPool2d.of(2),
                ReLU.of(), Flatten.of(), Linear.of(800, 500), ReLU.of(), Linear.of(500, 10));
        SplittableRandom random = new SplittableRandom(42);
        images = Tensor.of(random.doubles(BATCH * 28 * 28).toArray(), BATCH, 1, 28, 28);
        double[] oneHot = new double[BATCH * 10];
        for (int i = 0; i < BATCH; i++) {
            oneHot[i * 10 + random.nextInt(10)] = 1.0;
        }
        Tensor labels = Tensor.of(oneHot, BATCH, 10);
        Module network = net;
        Tensor x = images;
        LogDensity logPosterior = t -> LogSoftmax.of().apply(network.forward(t, x)).mul(labels).sum()
                .sub(t.square().sum().mul(0.5));
        theta = net.initialParameters(1);
        replayed = new ReplayedGradient(logPosterior, theta.toArray());
    }

    /** One log posterior and its 431,080-long gradient. */
    @Benchmark
    public double logDensityAndGradient() {
        return replayed.next();
    }

    /** The 100 × 10 logits alone, recording nothing. */
    @Benchmark
    public double forward() {
        return net.forward(theta, images).sum().item();
    }

    /**
     * Prints the CPU time of the calling thread for each of {@code args[0]} (default 12) gradients and
     * then forward passes: on a machine shared with other work, wall time measures the load as much as
     * the code, CPU time much less. Run with
     * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.hamiltorch.benchmarks.NetworkBenchmark}.
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        NetworkBenchmark b = new NetworkBenchmark();
        b.setUp();
        for (String what : new String[] {"logDensityAndGradient", "forward"}) {
            for (int k = 0; k < repeats; k++) {
                long cpu0 = cpu.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                double v = what.equals("forward") ? b.forward() : b.logDensityAndGradient();
                long wall = System.nanoTime() - wall0;
                long used = cpu.getCurrentThreadCpuTime() - cpu0;
                System.out.printf("%s %d: CPU %.0f ms, wall %.0f ms (value %.6g)%n", what, k, used / 1e6, wall / 1e6, v);
            }
        }
    }
}
