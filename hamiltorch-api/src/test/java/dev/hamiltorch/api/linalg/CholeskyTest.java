package dev.hamiltorch.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    /** L by hand: 2 | 1 3 | −1 1 √3; det = 108. */
    private static final double[][] A = {{4, 2, -2}, {2, 10, 2}, {-2, 2, 5}};

    @Test
    void factorOfASmallMatrixMatchesTheHandComputation() {
        Cholesky c = Cholesky.decompose(A);
        double[][] expected = {{2, 0, 0}, {1, 3, 0}, {-1, 1, Math.sqrt(3)}};
        double[][] l = c.lowerFactor();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], l[i], 1e-15, "row " + i);
        }
        assertEquals(Math.log(108), c.logDeterminant(), 1e-14);
        assertEquals(3, c.size());
    }

    @Test
    void solvesAgainstAKnownSolution() {
        Cholesky c = Cholesky.decompose(A);
        double[] b = {99, -2, -4, 6, 99}; // x = (1, −1, 2) in the middle of a larger array
        c.solve(b, 1);
        assertArrayEquals(new double[] {99, 1, -1, 2, 99}, b, 1e-14);
    }

    @Test
    void triangularSolvesInvertTheFactorAndItsTranspose() {
        double[][] a = covariance(8);
        Cholesky c = Cholesky.decompose(a);
        double[][] l = c.lowerFactor();
        // L Lᵀ = A
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double s = 0;
                for (int k = 0; k < 8; k++) {
                    s += l[i][k] * l[j][k];
                }
                assertEquals(a[i][j], s, 1e-12 * Math.max(1, Math.abs(a[i][j])));
            }
        }
        double[] x = {0.3, -1, 2, 0.5, 4, -2, 1, 0.25};
        double[] lx = new double[8];
        double[] ltx = new double[8];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 8; k++) {
                lx[i] += l[i][k] * x[k];
                ltx[i] += l[k][i] * x[k];
            }
        }
        c.solveLower(lx, 0);
        c.solveLowerTranspose(ltx, 0);
        assertArrayEquals(x, lx, 1e-12);
        assertArrayEquals(x, ltx, 1e-12);
    }

    @Test
    void anIndefiniteMatrixIsRefusedWithThePivot() {
        double[][] indefinite = {{1, 2}, {2, 1}}; // eigenvalues 3 and −1; pivot 1 is 1 − 4 = −3
        Cholesky.NotPositiveDefiniteException e = assertThrows(Cholesky.NotPositiveDefiniteException.class,
                () -> Cholesky.decompose(indefinite));
        assertEquals(1, e.index());
        assertEquals(-3, e.pivot(), 1e-15);
        assertThrows(Cholesky.NotPositiveDefiniteException.class,
                () -> Cholesky.decompose(new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> Cholesky.decompose(new double[][] {{1, 0}, {0}}));
    }

    /** B Bᵀ + ½ I for a fixed 8 × 3 B: symmetric positive-definite, with correlations. */
    private static double[][] covariance(int n) {
        double[][] b = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                b[i][k] = Math.sin(1.0 + 3 * i + 7 * k) * (1 + i % 4);
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
            a[i][i] += 0.5;
        }
        return a;
    }

    @Test
    void multiplicationInverseAndHalfLogDeterminantAgreeWithTheHandComputation() {
        Cholesky c = Cholesky.decompose(A);
        double[] x = new double[3];
        c.multiplyLower(new double[] {1, 1, 1}, x);
        assertArrayEquals(new double[] {2, 4, Math.sqrt(3)}, x, 1e-15);
        double[][] inv = c.inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += A[i][k] * inv[k][j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-14);
            }
        }
        assertEquals(0.5 * Math.log(108), c.halfLogDeterminant(), 1e-14);
        assertEquals(0.0, c.factor(0, 2), 0.0);
    }

    @Test
    void tryDecomposeReturnsNullAndTheFlatKernelNamesTheFailingRow() {
        assertNull(Cholesky.tryDecompose(new double[][] {{1, 2}, {2, 1}}));
        double[] flat = {1, 0, 2, 1};
        assertEquals(1, Cholesky.factorLower(flat, 2));
        assertEquals(0, Cholesky.factorLower(new double[] {Double.POSITIVE_INFINITY}, 1));
        double[] ok = {4, 0, 2, 10};
        assertEquals(-1, Cholesky.factorLower(ok, 2));
        assertArrayEquals(new double[] {2, 0, 1, 3}, ok, 0.0);
    }
}
