package dev.hamiltorch.engine.autodiff;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The benchmark behind {@link StoragePolicy}'s switch-over sizes (a program, not a test): the wall
 * time of an operation on the JVM storage against the same operation on ND4J's kernels, by size. Each
 * figure is the minimum over repeated batches (the least disturbed by other work on the machine), in
 * µs per operation. Run it as the README's "Tensor backends" section says.
 */
public final class StorageSwitchOver {

    private StorageSwitchOver() {
    }

    /** The minimum over 11 batches of the mean time per call, in µs, after warm-up. */
    private static double time(Supplier<Object> op) {
        long budget = 5_000_000L; // about 5 ms per batch
        int reps = 1;
        long t0 = System.nanoTime();
        op.get();
        long one = Math.max(1, System.nanoTime() - t0);
        reps = (int) Math.max(1, Math.min(1_000_000, budget / one));
        for (int w = 0; w < 5; w++) {
            for (int r = 0; r < reps; r++) {
                op.get();
            }
        }
        double best = Double.MAX_VALUE;
        for (int b = 0; b < 11; b++) {
            long s = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                op.get();
            }
            best = Math.min(best, (System.nanoTime() - s) / 1e3 / reps);
        }
        return best;
    }

    private static double[] values(int n, SplittableRandom rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        boolean float32 = args.length > 0 && args[0].equals("float");
        SplittableRandom rng = new SplittableRandom(1);
        System.out.println("# ND4J storage " + (float32 ? "float32" : "float64") + ", natives "
                + System.getProperty("org.bytedeco.javacpp.platform.extension", "(default)"));
        System.out.println("# matmul n×n by n×n, JVM inputs; µs: jvm | nd4j, result back to the JVM | nd4j, result kept");
        for (int n : new int[] {16, 32, 48, 64, 96, 128, 256}) {
            JvmTensor a = JvmTensor.variable(values(n * n, rng), n, n);
            JvmTensor b = JvmTensor.constant(values(n * n, rng), n, n);
            double jvm;
            double back;
            double kept;
            try (AutoCloseable p = StoragePolicy.override(false, float32, Long.MAX_VALUE, Integer.MAX_VALUE)) {
                jvm = time(() -> a.matmul(b));
            }
            try (AutoCloseable p = StoragePolicy.override(true, float32, 1, Integer.MAX_VALUE)) {
                back = time(() -> a.matmul(b));
            }
            try (AutoCloseable p = StoragePolicy.override(true, float32, 1, 1)) {
                kept = time(() -> a.matmul(b));
            }
            System.out.printf("matmul n=%4d work=%9d  %10.1f | %10.1f | %10.1f%n", n, (long) n * n * n, jvm, back, kept);
        }
        System.out.println("# elementwise y = exp(x)·x + x on n values; µs: jvm input | nd4j input, nd4j kernels");
        for (int n : new int[] {1024, 4096, 16384, 65536, 262144}) {
            double[] v = values(n, rng);
            JvmTensor onJvm = JvmTensor.variable(v, n);
            double jvm;
            double nd;
            try (AutoCloseable p = StoragePolicy.override(false, float32, Long.MAX_VALUE, Integer.MAX_VALUE)) {
                jvm = time(() -> onJvm.exp().mul(onJvm).add(onJvm));
            }
            try (AutoCloseable p = StoragePolicy.override(true, float32, 1, 1)) {
                JvmTensor y = Nd4jStorage.constant(v, new int[] {n});
                nd = y.nd4j != null ? time(() -> y.exp().mul(y).add(y)) : Double.NaN;
            }
            System.out.printf("elementwise n=%8d  %10.1f | %10.1f%n", n, jvm, nd);
        }
    }
}
