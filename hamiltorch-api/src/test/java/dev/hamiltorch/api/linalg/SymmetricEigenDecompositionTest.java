package dev.hamiltorch.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/** A Q = Q Λ, QᵀQ = I and the spectrum of commons-math's tridiagonal QL, on matrices of every kind the metric meets. */
class SymmetricEigenDecompositionTest {


    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** ‖A‖_F, computed on A / max|aᵢₖ| so that no square under- or overflows. */
    private static double frobenius(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        if (max == 0) {
            return 0;
        }
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += (x / max) * (x / max);
            }
        }
        return max * Math.sqrt(s);
    }

    /** Checks the decomposition of a against a's definition and commons-math's eigenvalues. */
    private static void check(double[][] a, String what) {
        check(a, what, new EigenDecomposition(new Array2DRowRealMatrix(copy(a))).getRealEigenvalues());
    }

    /** Checks the decomposition of a against a's definition and the given eigenvalues. */
    private static void check(double[][] a, String what, double[] eigenvalues) {
        double[][] input = copy(a);
        SymmetricEigenDecomposition e = SymmetricEigenDecomposition.decompose(input);
        assertArrayEquals(a, input, what + ": the input is left as it was");
        int n = a.length;
        assertNotNull(e, what);
        double scale = frobenius(a);
        double[][] q = e.vectors();
        double[] values = e.values();
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < n; b++) {
                double aq = 0;
                double qtq = 0;
                for (int k = 0; k < n; k++) {
                    aq += a[i][k] * q[k][b];
                    qtq += q[k][i] * q[k][b];
                }
                assertEquals(q[i][b] * values[b], aq, 4e-15 * n * scale, what + ": (AQ − QΛ)[" + i + "][" + b + "]");
                assertEquals(i == b ? 1.0 : 0.0, qtq, 4e-15 * n, what + ": (QᵀQ)[" + i + "][" + b + "]");
            }
        }
        double[] expected = eigenvalues.clone();
        double[] actual = values.clone();
        Arrays.sort(expected);
        Arrays.sort(actual);
        assertArrayEquals(expected, actual, 4e-15 * n * scale, what + ": eigenvalues");
    }

    private static double[][] randomSymmetric(SplittableRandom rng, int n, double spread) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                double x = rng.nextGaussian() * Math.pow(10, spread * (rng.nextDouble() - 0.5));
                a[i][k] = x;
                a[k][i] = x;
            }
        }
        return a;
    }

    @Test
    void randomSymmetricMatricesOfSizesOneToTwentyAndLarger() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n = 1; n <= 20; n++) {
            for (int trial = 0; trial < 10; trial++) {
                check(randomSymmetric(rng, n, 0), "n = " + n + ", trial " + trial);
                check(randomSymmetric(rng, n, 8), "n = " + n + ", entries over 8 decades, trial " + trial);
            }
        }
        for (int n : new int[] {33, 64}) {
            check(randomSymmetric(rng, n, 0), "n = " + n);
            check(randomSymmetric(rng, n, 4), "n = " + n + ", entries over 4 decades");
        }
    }

    @Test
    void repeatedEigenvaluesDiagonalZeroAndGradedMatrices() {
        check(new double[][] {{0, 0}, {0, 0}}, "zero");
        check(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}}, "diagonal");
        // the funnel's Hessian at v: a scaled identity on x bordered by v's row, eigenvalues repeated 9 times
        double[][] funnel = new double[11][11];
        funnel[0][0] = 1 / 9.0 + 3.0;
        for (int i = 1; i < 11; i++) {
            funnel[i][i] = Math.exp(4.0);
            funnel[0][i] = 0.3 * i;
            funnel[i][0] = 0.3 * i;
        }
        check(funnel, "funnel-like, repeated eigenvalues");
        // Q diag(1, 1, 1, 5, 5) Qᵀ for a random orthogonal Q
        SplittableRandom rng = new SplittableRandom(3);
        double[][] m = randomSymmetric(rng, 5, 0);
        SymmetricEigenDecomposition basis = SymmetricEigenDecomposition.decompose(copy(m));
        double[] d = {1, 1, 1, 5, 5};
        double[][] r = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 5; k++) {
                for (int b = 0; b < 5; b++) {
                    r[i][k] += basis.vector(i, b) * d[b] * basis.vector(k, b);
                }
            }
        }
        check(r, "Q diag(1,1,1,5,5) Qᵀ");
        // commons-math's QL loses these to underflow (−1e-200 and 1e-200); the eigenvalues are ±√1.09 · 1e-200
        double root = Math.sqrt(1.09) * 1e-200;
        check(new double[][] {{1e-200, 3e-201}, {3e-201, -1e-200}}, "tiny: every square underflows",
                new double[] {-root, root});
        check(new double[][] {{1e150, 1e140}, {1e140, 1e150 + 1e136}}, "huge, nearly equal diagonal");
    }

    @Test
    void theTwoByTwoCaseIsExactToRounding() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, ∓1)/√2
        SymmetricEigenDecomposition e = SymmetricEigenDecomposition.decompose(new double[][] {{2, 1}, {1, 2}});
        double[] values = e.values();
        Arrays.sort(values);
        assertArrayEquals(new double[] {1, 3}, values, 1e-15); // two ulps of 3
        for (int b = 0; b < 2; b++) {
            assertEquals(1 / Math.sqrt(2), Math.abs(e.vector(0, b)), 4.5e-16);
            assertEquals(1 / Math.sqrt(2), Math.abs(e.vector(1, b)), 4.5e-16);
        }
    }

    @Test
    void aNonFiniteEntryGivesNullOrThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigenDecomposition.decompose(new double[][] {{1, 0}, {Double.NaN, 1}}));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigenDecomposition.tryDecompose(new double[][] {{1, 0}}));
        assertNull(SymmetricEigenDecomposition.tryDecompose(new double[][] {{1, 0}, {Double.NaN, 1}}));
        assertNull(SymmetricEigenDecomposition.tryDecompose(new double[][] {{Double.POSITIVE_INFINITY}}));
        double[][] large = randomSymmetric(new SplittableRandom(2), 20, 0);
        large[7][3] = Double.NaN;
        assertNull(SymmetricEigenDecomposition.tryDecompose(large));
    }
}
