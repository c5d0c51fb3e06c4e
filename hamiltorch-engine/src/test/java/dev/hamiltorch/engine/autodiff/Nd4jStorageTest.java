package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J storage gives the JVM storage's values and derivatives (to rounding): every operation with
 * an ND4J kernel and those without (through the JVM copy), first and second order, float64 and float32.
 */
class Nd4jStorageTest {

    private static final SplittableRandom RNG = new SplittableRandom(7);

    private static double[] normals(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = RNG.nextDouble(-1.5, 1.5);
        }
        return v;
    }

    private static final double[] X = normals(6 * 4);
    private static final double[] Y = normals(6 * 3);

    /** A small network's loss: every ND4J kernel (matmul, broadcast add, unary, sums, reshape, transpose). */
    private static Tensor loss(Tensor theta) {
        JvmTensor x = JvmTensor.constant(X, 6, 4);
        JvmTensor y = JvmTensor.constant(Y, 6, 3);
        Tensor w = theta.slice(0, 0, 12).reshape(4, 3);
        Tensor b = theta.slice(0, 12, 15);
        Tensor h = x.matmul(w).add(b).tanh();                   // broadcast add over rows
        Tensor z = h.matmul(h.transpose()).sigmoid().mul(0.5);  // 6×6
        Tensor r = h.sub(y).square().sum(1).add(z.sum(0)).exp().log1p(); // log1p: no ND4J kernel
        return r.sum().add(h.abs().mean()).add(z.div(z.add(1.0)).sum()).add(h.relu().sum()).add(z.max(1).sum());
    }

    private static double[] theta() {
        return normals(15);
    }

    private record Derivatives(double value, double[] gradient, double[] hessianRow) {
    }

    private static Derivatives derivatives(double[] theta, Function<Tensor, Tensor> f) {
        JvmTensor x = JvmTensor.variable(theta);
        Tensor y = f.apply(x);
        double[] g = Autodiff.grad(y, x, false).toArray();
        Tensor gg = Autodiff.grad(y, x, true);
        double[] h = Autodiff.grad(gg.index(3), x, false).toArray();
        return new Derivatives(y.item(), g, h);
    }

    @Test
    void everyOperationOnNd4jGivesTheJvmValuesAndDerivatives() throws Exception {
        double[] theta = theta();
        Derivatives jvm;
        try (AutoCloseable p = StoragePolicy.override(false, false, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            jvm = derivatives(theta, Nd4jStorageTest::loss);
        }
        Derivatives nd;
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            nd = derivatives(theta, Nd4jStorageTest::loss);
            JvmTensor product = JvmTensor.constant(X, 6, 4).matmul(JvmTensor.variable(normals(12), 4, 3));
            assertNotNull(product.nd4j, "a product over the switch-over runs on ND4J");
            assertNull(product.data, "its values stay on ND4J until read");
        }
        assertEquals(jvm.value(), nd.value(), 1e-12 * Math.abs(jvm.value()));
        assertArrayEquals(jvm.gradient(), nd.gradient(), 1e-11);
        assertArrayEquals(jvm.hessianRow(), nd.hessianRow(), 1e-10);
    }

    @Test
    void aTargetOnNd4jGivesTheJvmDerivativesEvaluationAfterEvaluation() throws Exception {
        double[] theta = theta();
        double[] other = theta();
        double[] gJvm = new double[15];
        double[] gNd = new double[15];
        double vJvm;
        double vNd;
        double[][] hJvm;
        double[][] hNd;
        double[] cJvm;
        double[] cNd;
        double[][] s = new double[15][15];
        for (int i = 0; i < 15; i++) {
            s[i][i] = 1.0 + i;
            s[i][(i + 1) % 15] = s[(i + 1) % 15][i] = 0.25;
        }
        try (AutoCloseable p = StoragePolicy.override(false, false, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            AutodiffTarget t = new AutodiffTarget(Nd4jStorageTest::loss, 15);
            t.logDensityAndGradient(theta, gJvm);
            vJvm = t.logDensityAndGradient(other, gJvm);
            hJvm = t.hessian(other);
            cJvm = t.thirdOrderContraction(other, s);
        }
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            AutodiffTarget t = new AutodiffTarget(Nd4jStorageTest::loss, 15);
            t.logDensityAndGradient(theta, gNd);
            vNd = t.logDensityAndGradient(other, gNd); // a second θ: no replay of stale ND4J values
            hNd = t.hessian(other);
            cNd = t.thirdOrderContraction(other, s);
        }
        assertEquals(vJvm, vNd, 1e-12 * Math.abs(vJvm));
        assertArrayEquals(gJvm, gNd, 1e-11);
        for (int i = 0; i < 15; i++) {
            assertArrayEquals(hJvm[i], hNd[i], 1e-10, "Hessian row " + i);
        }
        assertArrayEquals(cJvm, cNd, 1e-9, "third-order contraction");
    }

    @Test
    void float32StorageIsCloseInFloatPrecision() throws Exception {
        double[] theta = theta();
        Derivatives jvm = derivatives(theta, Nd4jStorageTest::loss);
        Derivatives nd;
        try (AutoCloseable p = StoragePolicy.override(true, true, 1, 1)) {
            nd = derivatives(theta, Nd4jStorageTest::loss);
        }
        assertEquals(jvm.value(), nd.value(), 1e-5 * Math.abs(jvm.value()));
        for (int i = 0; i < theta.length; i++) {
            assertEquals(jvm.gradient()[i], nd.gradient()[i], 1e-4 * (1 + Math.abs(jvm.gradient()[i])), "gradient " + i);
        }
        assertTrue(jvm.value() != nd.value(), "float32 arithmetic really ran");
    }

    @Test
    void smallResultsComeBackToJvmArrays() throws Exception {
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 20)) {
            JvmTensor x = JvmTensor.constant(X, 6, 4);
            JvmTensor big = x.matmul(x.transpose()); // 36 values
            JvmTensor small = x.transpose().matmul(x); // 16 values
            assertNotNull(big.nd4j);
            assertNull(small.nd4j);
            assertNotNull(small.data);
        }
    }

    @Test
    void aConstantReadByAnNd4jKernelStaysOnTheJvmAndOnlyALargeOneKeepsACopy() throws Exception {
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 20)) {
            JvmTensor small = JvmTensor.constant(X, 6, 4);   // 24 values
            JvmTensor tiny = JvmTensor.constant(new double[] {1, 2, 3, 4}, 4, 1);
            small.matmul(tiny);
            assertNotNull(small.nd4jCopy, "a constant of 20 values or more keeps its ND4J copy");
            assertNull(tiny.nd4jCopy, "a smaller one does not");
            // where an operation runs depends on the graph alone, never on whether a copy was made before
            // (by another chain's thread, say): the constant's own operations stay on the JVM
            assertNull(small.nd4j);
            assertNull(small.exp().nd4j);
        }
    }

    @Test
    void theJvmBackendNeverUsesNd4j() throws Exception {
        try (AutoCloseable p = StoragePolicy.override(false, false, 1, 1)) {
            JvmTensor x = JvmTensor.constant(X, 6, 4);
            assertNull(x.matmul(x.transpose()).nd4j);
        }
    }

    @Test
    void nd4jsGlobalDataTypeIsLeftAlone() throws Exception {
        DataType before = Nd4j.dataType();
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            derivatives(theta(), Nd4jStorageTest::loss);
        }
        assertEquals(before, Nd4j.dataType());
    }

    @Test
    void maxAlongAnAxisKeepsNaNOnNd4j() throws Exception {
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            JvmTensor x = Nd4jStorage.constant(new double[] {1, Double.NaN, 3, 4}, new int[] {2, 2});
            double[] m = x.max(1).toArray();
            assertTrue(Double.isNaN(m[0]) && m[1] == 4, java.util.Arrays.toString(m));
            assertArrayEquals(new double[] {2, 4}, Nd4jStorage.constant(new double[] {1, 2, 3, 4}, new int[] {2, 2})
                    .max(1).toArray());
        }
    }

    @Test
    void reluKeepsNaNOnNd4j() throws Exception {
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            JvmTensor x = JvmTensor.constant(new double[] {Double.NaN, -1, 2, 0.5}, 2, 2);
            JvmTensor onNd4j = x.matmul(JvmTensor.constant(new double[] {1, 0, 0, 1}, 2, 2));
            assertNotNull(onNd4j.nd4j);
            double[] r = onNd4j.relu().toArray();
            assertTrue(Double.isNaN(r[0]), "a NaN stays NaN, never a finite density");
        }
    }
}
