package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.TensorFactory;
import java.util.Locale;

/**
 * Which storage an operation's result gets: the engine's backend and its switch-over sizes.
 *
 * <p>Backend {@code jvm} keeps every tensor on JVM arrays. Backend {@code hybrid} (the default) puts a
 * matrix product on ND4J's CPU kernels when its work m·k·n reaches {@link #matmulWork()}, keeps an
 * ND4J kernel's result on ND4J when it has at least {@link #elements()} values (smaller results come
 * back to a JVM array, where the next operations cost nanoseconds instead of ND4J's fixed cost per
 * call), runs every operation with an ND4J input by ND4J's kernel where it has one, and moves the
 * values of a large input to ND4J for the operations that only rearrange them ({@link #onNd4j}). The
 * settings are read once from system properties (without ND4J on the class path, every tensor stays on
 * the JVM): {@value TensorFactory#BACKEND_PROPERTY} ({@code jvm} or {@code hybrid}),
 * {@value #DTYPE_PROPERTY} ({@code double}, the default, or {@code float} for the ND4J storage only;
 * the sampler's own arithmetic stays double), {@value #MATMUL_WORK_PROPERTY} and
 * {@value #ELEMENTS_PROPERTY}. The defaults were measured (README, "Tensor backends").
 */
final class StoragePolicy {

    /** The backend that keeps every tensor on JVM arrays. */
    static final String JVM = "jvm";
    /** The backend that puts large tensors on ND4J. */
    static final String HYBRID = "hybrid";
    /** The ND4J storage's element type: {@code double} or {@code float}. */
    static final String DTYPE_PROPERTY = "hamiltorch.nd4j.dtype";
    /** The matrix product's work m·k·n from which it runs on ND4J. */
    static final String MATMUL_WORK_PROPERTY = "hamiltorch.nd4j.matmulWork";
    /** The number of values from which an ND4J result stays on ND4J. */
    static final String ELEMENTS_PROPERTY = "hamiltorch.nd4j.elements";

    /** Measured switch-over of a matrix product (README, "Tensor backends"). */
    static final long DEFAULT_MATMUL_WORK = 64L * 64 * 64;
    /** Measured switch-over of elementwise work on values already on ND4J (README, "Tensor backends"). */
    static final int DEFAULT_ELEMENTS = 16384;

    private static volatile boolean hybrid = !JVM.equals(System.getProperty(TensorFactory.BACKEND_PROPERTY,
            TensorFactory.DEFAULT_BACKEND)) && nd4jPresent();
    private static volatile boolean float32 = dtype(System.getProperty(DTYPE_PROPERTY, "double"));
    private static volatile long matmulWork = Long.getLong(MATMUL_WORK_PROPERTY, DEFAULT_MATMUL_WORK);
    private static volatile int elements = Integer.getInteger(ELEMENTS_PROPERTY, DEFAULT_ELEMENTS);

    private StoragePolicy() {
    }

    /**
     * Whether ND4J is on the class path: an application that excluded it (as the JMH suite does) gets
     * the JVM storage for every tensor instead of a NoClassDefFoundError at its first large product.
     */
    private static boolean nd4jPresent() {
        try {
            Class.forName("org.nd4j.linalg.factory.Nd4j", false, StoragePolicy.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean dtype(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "double", "float64" -> false;
            case "float", "float32" -> true;
            default -> throw new IllegalStateException(DTYPE_PROPERTY + " = '" + name
                    + "': expected double or float");
        };
    }

    /** Whether large tensors go to ND4J (backend {@code hybrid}). */
    static boolean hybrid() {
        return hybrid;
    }

    /** Whether the ND4J storage holds float32 values (double otherwise). */
    static boolean float32() {
        return float32;
    }

    /** The matrix product's work m·k·n from which it runs on ND4J. */
    static long matmulWork() {
        return matmulWork;
    }

    /** The number of values from which an ND4J kernel's result stays on ND4J. */
    static int elements() {
        return elements;
    }

    /**
     * Whether an operation that moves values (permute, unfold, fold) runs on ND4J: its input is there,
     * or large enough that a copy to ND4J pays (a large constant's copy is kept, so data is copied once).
     */
    static boolean onNd4j(JvmTensor a) {
        return hybrid && (a.nd4j != null || a.size() >= elements);
    }

    /** Whether the product of an m×k and a k×n matrix runs on ND4J. */
    static boolean matmulOnNd4j(JvmTensor a, JvmTensor b, int m, int k, int n) {
        return hybrid && (a.nd4j != null || b.nd4j != null || (long) m * k * n >= matmulWork);
    }

    /**
     * Sets the policy until the returned handle is closed (tests and benchmarks; not thread-safe
     * against operations running meanwhile).
     */
    static AutoCloseable override(boolean hybrid, boolean float32, long matmulWork, int elements) {
        boolean h = StoragePolicy.hybrid;
        boolean f = StoragePolicy.float32;
        long w = StoragePolicy.matmulWork;
        int e = StoragePolicy.elements;
        StoragePolicy.hybrid = hybrid;
        StoragePolicy.float32 = float32;
        StoragePolicy.matmulWork = matmulWork;
        StoragePolicy.elements = elements;
        return () -> {
            StoragePolicy.hybrid = h;
            StoragePolicy.float32 = f;
            StoragePolicy.matmulWork = w;
            StoragePolicy.elements = e;
        };
    }
}
