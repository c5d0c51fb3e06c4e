package dev.hamiltorch.engine.linalg;

/**
 * The Cholesky factorisation A = L Lᵀ of a small dense symmetric positive-definite matrix, with the
 * triangular solves that use it. Pure Java; L is stored row-major in one array so the solves walk
 * memory in order. The solves work in place on a slice of a caller's array and allocate nothing.
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
     * @throws NotPositiveDefiniteException if a pivot is not positive (or is NaN)
     */
    public static Cholesky decompose(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has length " + a[i].length
                        + " in a matrix with " + n + " rows");
            }
        }
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j * n + k] * l[j * n + k];
            }
            if (!(pivot > 0)) { // also catches NaN
                throw new NotPositiveDefiniteException(j, pivot);
            }
            double diagonal = Math.sqrt(pivot);
            l[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / diagonal;
            }
        }
        return new Cholesky(n, l);
    }

    /** The order n of the factorised matrix. */
    public int size() {
        return n;
    }

    /** L[i][j]. */
    public double factor(int i, int j) {
        return lower[i * n + j];
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
        for (int i = 0; i < n; i++) {
            double s = b[offset + i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= lower[row + k] * b[offset + k];
            }
            b[offset + i] = s / lower[row + i];
        }
    }

    /** Solves Lᵀ x = b by back substitution, in place on {@code b[offset .. offset + n)}. */
    public void solveLowerTranspose(double[] b, int offset) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[offset + i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k * n + i] * b[offset + k]; // (Lᵀ)[i][k] = L[k][i]
            }
            b[offset + i] = s / lower[i * n + i];
        }
    }

    /** Solves A x = b, in place on {@code b[offset .. offset + n)}. */
    public void solve(double[] b, int offset) {
        solveLower(b, offset);
        solveLowerTranspose(b, offset);
    }

    /** log det A = 2 Σ log Lᵢᵢ. */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i * n + i]);
        }
        return 2 * s;
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

        /** The non-positive (or NaN) value found where Lᵢᵢ² was expected. */
        public double pivot() {
            return pivot;
        }
    }
}
