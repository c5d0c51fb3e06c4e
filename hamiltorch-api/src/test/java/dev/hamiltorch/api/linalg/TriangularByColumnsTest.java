package dev.hamiltorch.api.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The column-by-column triangular solves: L⁻¹b bit for bit the row-wise forward substitution's values,
 * L⁻ᵀb equal to the row-wise back substitution's up to rounding, exact on a hand example.
 */
class TriangularByColumnsTest {

    /** L = [[2, 0, 0], [1, 3, 0], [−1, 1, 4]]. */
    private static final double[][] L = {{2, 0, 0}, {1, 3, 0}, {-1, 1, 4}};

    @Test
    void handExample() {
        // L x = (2, 7, 9) and Lᵀ y = (2, 8, 8) for x = y = (1, 2, 2)
        double[] x = {2, 7, 9};
        Triangular.solveLowerByColumns(transpose(L), x);
        assertArrayEquals(new double[] {1, 2, 2}, x, 0.0);
        double[] y = {2, 8, 8};
        Triangular.solveLowerTransposeByColumns(L, y);
        assertArrayEquals(new double[] {1, 2, 2}, y, 0.0);
    }

    @Test
    void forwardSubstitutionByColumnsHasTheRowWiseBits() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 7, 33, 100}) {
            double[][] l = randomLower(rng, n);
            double[] flat = flatten(l);
            for (int trial = 0; trial < 5; trial++) {
                double[] b = randomVector(rng, n);
                double[] byRows = b.clone();
                Triangular.solveLower(flat, n, byRows, 0, 1);
                double[] byColumns = b.clone();
                Triangular.solveLowerByColumns(transpose(l), byColumns);
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToRawLongBits(byRows[i]), Double.doubleToRawLongBits(byColumns[i]),
                            "n = " + n + ", x[" + i + "]: " + byRows[i] + " vs " + byColumns[i]);
                }
            }
        }
    }

    @Test
    void backSubstitutionByColumnsSolvesLTransposed() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n : new int[] {1, 2, 7, 33, 100}) {
            double[][] l = randomLower(rng, n);
            double[] b = randomVector(rng, n);
            double[] byRows = b.clone();
            Triangular.solveLowerTranspose(flatten(l), n, byRows, 0, 1);
            double[] byColumns = b.clone();
            Triangular.solveLowerTransposeByColumns(l, byColumns);
            double[] oneColumnAtATime = b.clone();
            for (int p = n - 1; p >= 0; p--) { // the documented order: each xᵢ takes its terms in decreasing p
                oneColumnAtATime[p] /= l[p][p];
                for (int i = 0; i < p; i++) {
                    oneColumnAtATime[i] -= l[p][i] * oneColumnAtATime[p];
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(oneColumnAtATime[i]), Double.doubleToRawLongBits(byColumns[i]),
                        "n = " + n + ", x[" + i + "] in the documented order");
                assertEquals(byRows[i], byColumns[i], 1e-12 * Math.max(1, Math.abs(byRows[i])), "n = " + n + ", x[" + i + "]");
            }
            // and Lᵀ x reproduces b
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int p = i; p < n; p++) {
                    s += l[p][i] * byColumns[p];
                }
                assertEquals(b[i], s, 1e-12 * Math.max(1, Math.abs(b[i])), "(Lᵀx)[" + i + "]");
            }
        }
    }

    /** A well-conditioned lower-triangular matrix (diagonal 1..2, off-diagonal entries of order 1/√n). */
    private static double[][] randomLower(SplittableRandom rng, int n) {
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                l[i][j] = (rng.nextDouble() - 0.5) / Math.sqrt(n);
            }
            l[i][i] = 1 + rng.nextDouble();
        }
        return l;
    }

    private static double[] randomVector(SplittableRandom rng, int n) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextDouble() * 4 - 2;
        }
        return b;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[] flatten(double[][] a) {
        int n = a.length;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }
}
