package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.LogSoftmax;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One log-likelihood gradient of the introduction's MNIST CNN on 100 digits through AutodiffTarget, on
 * the JVM storage (recorded and replayed) and on ND4J storage (float64, float32): a program, not a test.
 * Arguments: jvm | double | float, and the number of timed gradients. Prints the median and the minimum, ms.
 */
public final class CnnGradientTiming {

    private CnnGradientTiming() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "double";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Sequential net = Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), ReLU.of(), Conv2d.of(20, 50, 5),
                MaxPool2d.of(2), ReLU.of(), Flatten.of(), Linear.of(800, 500), ReLU.of(), Linear.of(500, 10));
        int n = 100;
        SplittableRandom rng = new SplittableRandom(11);
        double[] pixels = new double[n * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextDouble();
        }
        double[] labels = new double[n * 10];
        for (int i = 0; i < n; i++) {
            labels[i * 10 + rng.nextInt(10)] = 1.0;
        }
        Tensor x = Tensor.of(pixels, n, 1, 28, 28);
        Tensor y = Tensor.of(labels, n, 10);
        double[] theta = net.initialParameters(1).toArray();
        boolean hybrid = !mode.equals("jvm");
        try (AutoCloseable p = StoragePolicy.override(hybrid, mode.equals("float"), StoragePolicy.DEFAULT_MATMUL_WORK,
                StoragePolicy.DEFAULT_ELEMENTS)) {
            AutodiffTarget target = new AutodiffTarget(t -> LogSoftmax.of().apply(net.forward(t, x)).mul(y).sum(),
                    theta.length);
            double[] g = new double[theta.length];
            double[] ms = new double[reps];
            for (int w = 0; w < 3; w++) {
                target.logDensityAndGradient(theta, g);
            }
            double[] fw = new double[reps];
            for (int r = 0; r < reps; r++) {
                theta[(r + 7) % theta.length] += 1e-9;
                long s = System.nanoTime();
                target.logDensity(theta);
                fw[r] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(fw);
            System.out.printf("%s: forward alone median %.1f ms%n", mode, fw[reps / 2]);
            double[] cpu = new double[reps];
            long cpuStart = processCpuNanos();
            for (int r = 0; r < reps; r++) {
                theta[r % theta.length] += 1e-9; // a new θ each time
                long c = processCpuNanos();
                long s = System.nanoTime();
                target.logDensityAndGradient(theta, g);
                ms[r] = (System.nanoTime() - s) / 1e6;
                cpu[r] = (processCpuNanos() - c) / 1e6;
            }
            double cpuMean = (processCpuNanos() - cpuStart) / 1e6 / reps;
            Arrays.sort(ms);
            Arrays.sort(cpu);
            // the process's CPU time: every thread's (ND4J's OpenMP threads, the JIT and the collector included)
            System.out.printf("%s: median %.1f ms, min %.1f ms per gradient; process CPU per gradient mean %.1f ms"
                    + " (median %.0f, in clock ticks) (%d gradients)%n", mode, ms[reps / 2], ms[0], cpuMean, cpu[reps / 2],
                    reps);
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
