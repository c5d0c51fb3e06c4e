package dev.hamiltorch.metrics.hessian;

/**
 * Dense Cholesky factorisation G = LLᵀ and the solves built on it, for the small symmetric matrices
 * of a Riemannian metric. Matrices are {@code double[n][n]}; only the lower triangle of the input is
 * read.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Overwrites the lower triangle of {@code a} with L such that A = LLᵀ and zeroes the upper one.
     *
     * @return false if A is not positive-definite (a pivot is not positive and finite); {@code a}
     *     then holds garbage
     */
    static boolean factorInPlace(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            double[] rowI = a[i];
            for (int j = 0; j <= i; j++) {
                double[] rowJ = a[j];
                double s = rowI[j];
                for (int k = 0; k < j; k++) {
                    s -= rowI[k] * rowJ[k];
                }
                if (i == j) {
                    // !(s > 0) also catches NaN
                    if (!(s > 0) || s == Double.POSITIVE_INFINITY) {
                        return false;
                    }
                    rowI[i] = Math.sqrt(s);
                } else {
                    rowI[j] = s / rowJ[j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                rowI[j] = 0.0;
            }
        }
        return true;
    }

    /** ½ log|A| = Σ log Lᵢᵢ. */
    static double halfLogDeterminant(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return s;
    }

    /** Solves L y = b into {@code y}; {@code y} may be {@code b}. */
    static void solveLower(double[][] l, double[] b, double[] y) {
        int n = l.length;
        for (int i = 0; i < n; i++) {
            double[] row = l[i];
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= row[k] * y[k];
            }
            y[i] = s / row[i];
        }
    }

    /** Solves Lᵀ x = y into {@code x}; {@code x} may be {@code y}. */
    static void solveLowerTransposed(double[][] l, double[] y, double[] x) {
        int n = l.length;
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
    }

    /** x = L z into {@code x}; {@code x} must not be {@code z}. */
    static void multiplyLower(double[][] l, double[] z, double[] x) {
        int n = l.length;
        for (int i = 0; i < n; i++) {
            double[] row = l[i];
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += row[k] * z[k];
            }
            x[i] = s;
        }
    }

    /** A⁻¹ = L⁻ᵀL⁻¹, column by column. */
    static double[][] inverse(double[][] l) {
        int n = l.length;
        double[][] inv = new double[n][n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(column, 0.0);
            column[j] = 1.0;
            solveLower(l, column, column);
            solveLowerTransposed(l, column, column);
            for (int i = 0; i < n; i++) {
                inv[i][j] = column[i];
            }
        }
        return inv;
    }
}
