package dev.hamiltorch.api.linalg;

import java.util.Arrays;

/**
 * The Cholesky factorisation A = L Lᵀ of a small dense symmetric positive-definite matrix, and what is
 * built on it: triangular solves, A⁻¹x, L z, log det A and A⁻¹. The project's one Cholesky: the engine's
 * Euclidean metric and tensors and the Riemannian metric plugins all use it, and a third-party plugin
 * may too, since it lives in the api. L is kept row-major in one array so the solves walk memory in
 * order; the solves work in place on a slice of a caller's array and allocate nothing. Immutable.
 */
public final class Cholesky {

    private final int n;
    /** L row-major: L[i][j] = lower[i * n + j], zero above the diagonal. */
    private final double[] lower;

    private Cholesky(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * Factorises the symmetric matrix {@code a}, reading its lower triangle only (the caller checks
     * symmetry).
     *
     * @throws IllegalArgumentException if {@code a} is not square
     * @throws NotPositiveDefiniteException if a pivot is not positive and finite
     */
    public static Cholesky decompose(double[][] a) {
        double[] flat = lowerTriangle(a);
        int n = a.length;
        int row = factorLower(flat, n);
        if (row >= 0) {
            throw new NotPositiveDefiniteException(row, flat[row * n + row]);
        }
        return new Cholesky(n, flat);
    }

    /**
     * {@link #decompose}, or null if {@code a} is not positive-definite: for callers that count such a
     * matrix as an ordinary outcome (a Riemannian metric at a proposal) and need no exception.
     *
     * @throws IllegalArgumentException if {@code a} is not square
     */
    public static Cholesky tryDecompose(double[][] a) {
        double[] flat = lowerTriangle(a);
        return factorLower(flat, a.length) < 0 ? new Cholesky(a.length, flat) : null;
    }

    /** The lower triangle of the square {@code a}, row-major, zeros above the diagonal. */
    private static double[] lowerTriangle(double[][] a) {
        int n = a.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has length " + a[i].length
                        + " in a matrix with " + n + " rows");
            }
            System.arraycopy(a[i], 0, flat, i * n, i + 1);
        }
        return flat;
    }

    /**
     * Overwrites the lower triangle of the row-major n×n {@code a} with L (the upper triangle is neither
     * read nor written): Lᵢⱼ = (Aᵢⱼ − Σ_{k &lt; j} LᵢₖLⱼₖ) / Lⱼⱼ and Lᵢᵢ = √(Aᵢᵢ − Σ_{k &lt; i} Lᵢₖ²), row by row.
     *
     * @return −1 on success, else the row i whose pivot was not positive and finite; {@code a} then
     *     holds a partial factor, with that pivot (Aᵢᵢ − Σₖ Lᵢₖ²) at (i, i)
     */
    public static int factorLower(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            for (int j = 0; j <= i; j++) {
                int rowJ = j * n;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) {
                    s -= a[rowI + k] * a[rowJ + k];
                }
                if (i == j) {
                    if (!(s > 0) || s == Double.POSITIVE_INFINITY) { // !(s > 0) also catches NaN
                        a[rowI + i] = s;
                        return i;
                    }
                    a[rowI + i] = Math.sqrt(s);
                } else {
                    a[rowI + j] = s / a[rowJ + j];
                }
            }
        }
        return -1;
    }

    /** The order n of the factorised matrix. */
    public int size() {
        return n;
    }

    /** L[i][j]. */
    public double factor(int i, int j) {
        return j > i ? 0.0 : lower[i * n + j];
    }

    /** L as a new n×n array. */
    public double[][] lowerFactor() {
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lower, i * n, l[i], 0, i + 1);
        }
        return l;
    }

    /** Solves L y = b by forward substitution, in place on {@code b[offset .. offset + n)}. */
    public void solveLower(double[] b, int offset) {
        Triangular.solveLower(lower, n, b, offset, 1);
    }

    /** Solves Lᵀ x = b by back substitution, in place on {@code b[offset .. offset + n)}. */
    public void solveLowerTranspose(double[] b, int offset) {
        Triangular.solveLowerTranspose(lower, n, b, offset, 1);
    }

    /** Solves A x = b, in place on {@code b[offset .. offset + n)}. */
    public void solve(double[] b, int offset) {
        solveLower(b, offset);
        solveLowerTranspose(b, offset);
    }

    /** x = L z into {@code x}, which must not be {@code z}. */
    public void multiplyLower(double[] z, double[] x) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += lower[row + k] * z[k];
            }
            x[i] = s;
        }
    }

    /** log det A = 2 Σ log Lᵢᵢ. */
    public double logDeterminant() {
        return 2 * halfLogDeterminant();
    }

    /** ½ log det A = Σ log Lᵢᵢ, the term a Riemannian Hamiltonian adds. */
    public double halfLogDeterminant() {
        return Triangular.logDeterminant(lower, n);
    }

    /** A⁻¹ = L⁻ᵀL⁻¹, column by column. */
    public double[][] inverse() {
        double[][] inv = new double[n][n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            Arrays.fill(column, 0.0);
            column[j] = 1.0;
            solve(column, 0);
            for (int i = 0; i < n; i++) {
                inv[i][j] = column[i];
            }
        }
        return inv;
    }

    /** The matrix handed to {@link #decompose} is not positive-definite. */
    public static final class NotPositiveDefiniteException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final double pivot;

        NotPositiveDefiniteException(int index, double pivot) {
            super("matrix is not positive-definite: Cholesky pivot " + index + " is " + pivot);
            this.index = index;
            this.pivot = pivot;
        }

        /** The row at which factorisation failed. */
        public int index() {
            return index;
        }

        /** The non-positive, infinite or NaN value found where Lᵢᵢ² was expected. */
        public double pivot() {
            return pivot;
        }
    }
}
