package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AutodiffTargetTest {

    private static final Tensor MU = Tensor.of(1, 2, 3);
    private static final Tensor SIGMA = Tensor.of(0.5, 0.5, 0.5);

    /** log N(x; μ, σ) summed, written as a tensor expression. */
    static final LogDensity NORMAL = x -> x.sub(MU).div(SIGMA).square().mul(-0.5)
            .sub(SIGMA.log()).sub(0.5 * Math.log(2 * Math.PI)).sum();

    @Test
    void gradientOfNormalIsExact() {
        AutodiffTarget t = new AutodiffTarget(NORMAL, 3);
        double[] g = new double[3];
        double[] x = {0.3, -1.0, 4.0};
        double lp = t.logDensityAndGradient(x, g);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double z = (x[i] - (i + 1)) / 0.5;
            expected += -0.5 * z * z - Math.log(0.5) - 0.5 * Math.log(2 * Math.PI);
            assertEquals(-(x[i] - (i + 1)) / 0.25, g[i], 1e-12);
        }
        assertEquals(expected, lp, 1e-12);
        assertEquals(expected, t.logDensity(x), 1e-12);
    }

    @Test
    void gradientWritesTheFirstDEntriesOfALongerArray() {
        AutodiffTarget t = new AutodiffTarget(NORMAL, 3);
        double[] g = {9, 9, 9, 9};
        t.logDensityAndGradient(new double[] {0, 0, 0}, g);
        assertArrayEquals(new double[] {4, 8, 12, 9}, g); // (μ − x)/σ², then untouched
    }

    @Test
    void hessianOfNonQuadraticFunction() {
        // f(x) = x0² x1 + exp(x1) x2
        LogDensity f = x -> {
            double[] e0 = {1, 0, 0};
            double[] e1 = {0, 1, 0};
            double[] e2 = {0, 0, 1};
            Tensor x0 = x.mul(Tensor.of(e0)).sum();
            Tensor x1 = x.mul(Tensor.of(e1)).sum();
            Tensor x2 = x.mul(Tensor.of(e2)).sum();
            return x0.square().mul(x1).add(x1.exp().mul(x2));
        };
        AutodiffTarget t = new AutodiffTarget(f, 3);
        double[] x = {0.7, -0.3, 1.9};
        double[][] h = t.hessian(x);
        double e = Math.exp(x[1]);
        double[][] expected = {
            {2 * x[1], 2 * x[0], 0},
            {2 * x[0], e * x[2], e},
            {0, e, 0}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], h[i], 1e-12);
        }
        // c(S)_i = Σ_jk S_jk ∂i∂j∂k f; for S = I: ∂_i (2 x1 + e^{x1} x2)
        double[][] s = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        double[] c = t.thirdOrderContraction(x, s);
        assertArrayEquals(new double[] {0, 2 + e * x[2], e}, c, 1e-12);

        // nonzero third derivatives: ∂0∂0∂1 = 2, ∂1∂1∂1 = e x2, ∂1∂1∂2 = e (and permutations)
        double[][][] third = t.thirdDerivatives(x);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    int[] n = new int[3];
                    n[i]++;
                    n[j]++;
                    n[k]++;
                    double expectedT = n[0] == 2 && n[1] == 1 ? 2 : n[1] == 3 ? e * x[2] : n[1] == 2 && n[2] == 1 ? e : 0;
                    assertEquals(expectedT, third[i][j][k], 1e-12, "T[" + i + "][" + j + "][" + k + "]");
                }
            }
        }
    }

    @Test
    void denseThirdDerivativesFromHalfThePassesAndTheGraphCacheFollowsTheta() {
        // f = exp(a·x): T_ijk = a_i a_j a_k f, nonzero for every triple, on both sides of the split
        double[] a = {0.3, -0.5, 0.7, 1.1, -0.2, 0.4, 0.9};
        int d = a.length;
        AutodiffTarget t = new AutodiffTarget(x -> x.mul(Tensor.of(a)).sum().exp(), d);
        for (double shift : new double[] {0.0, 0.25, 0.0}) {
            double[] x = new double[d];
            double ax = 0;
            for (int i = 0; i < d; i++) {
                x[i] = 0.1 * i - 0.2 + shift;
                ax += a[i] * x[i];
            }
            double f = Math.exp(ax);
            double[] g = new double[d];
            assertEquals(f, t.logDensityAndGradient(x, g), 1e-12);
            double[][] h = t.hessian(x);
            double[][][] third = t.thirdDerivatives(x);
            for (int i = 0; i < d; i++) {
                assertEquals(a[i] * f, g[i], 1e-12);
                for (int j = 0; j < d; j++) {
                    assertEquals(a[i] * a[j] * f, h[i][j], 1e-12);
                    for (int k = 0; k < d; k++) {
                        assertEquals(a[i] * a[j] * a[k] * f, third[i][j][k], 1e-12,
                                "T[" + i + "][" + j + "][" + k + "]");
                    }
                }
            }
        }
    }

    @Test
    void nonScalarLogDensityIsRejected() {
        AutodiffTarget t = new AutodiffTarget(x -> x.mul(2.0), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.logDensityAndGradient(new double[3], new double[3]));
        assertEquals("log density must return a scalar, returned shape [3]", e.getMessage());
    }
}
