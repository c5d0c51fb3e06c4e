package dev.hamiltorch.api.linalg;

/**
 * Solves with a lower-triangular n×n matrix L held row-major in one array (its upper triangle is never
 * read), for k right-hand sides at once: X with L X = B (forward substitution) or Lᵀ X = B (back
 * substitution), B an n×k row-major block overwritten in place; and log det L. The project's one copy of
 * these loops: {@link Cholesky} solves with them, and so do the engine's differentiable tensor solves.
 */
public final class Triangular {

    private Triangular() {
    }

    /**
     * Overwrites the n×k row-major block {@code x[offset ..]} (holding B) with L⁻¹B: row i becomes
     * (Bᵢ − Σ_{p &lt; i} Lᵢₚ Xₚ) / Lᵢᵢ.
     */
    public static void solveLower(double[] l, int n, double[] x, int offset, int k) {
        if (k == 1) {
            solveLowerVector(l, n, x, offset);
            return;
        }
        for (int i = 0; i < n; i++) {
            int row = offset + i * k;
            int lRow = i * n;
            for (int p = 0; p < i; p++) {
                double lip = l[lRow + p];
                int pRow = offset + p * k;
                for (int c = 0; c < k; c++) {
                    x[row + c] -= lip * x[pRow + c];
                }
            }
            double d = l[lRow + i];
            for (int c = 0; c < k; c++) {
                x[row + c] /= d;
            }
        }
    }

    /**
     * Overwrites the n×k row-major block {@code x[offset ..]} (holding B) with L⁻ᵀB: row i, from the last,
     * becomes (Bᵢ − Σ_{p &gt; i} Lₚᵢ Xₚ) / Lᵢᵢ.
     */
    public static void solveLowerTranspose(double[] l, int n, double[] x, int offset, int k) {
        if (k == 1) {
            solveLowerTransposeVector(l, n, x, offset);
            return;
        }
        for (int i = n - 1; i >= 0; i--) {
            int row = offset + i * k;
            for (int p = i + 1; p < n; p++) {
                double lpi = l[p * n + i]; // (Lᵀ)ᵢₚ = Lₚᵢ
                int pRow = offset + p * k;
                for (int c = 0; c < k; c++) {
                    x[row + c] -= lpi * x[pRow + c];
                }
            }
            double d = l[i * n + i];
            for (int c = 0; c < k; c++) {
                x[row + c] /= d;
            }
        }
    }

    /**
     * The one-column case, the same operations in the same order with the sum kept in a register: the
     * metrics call it inside every fixed-point iteration.
     */
    private static void solveLowerVector(double[] l, int n, double[] x, int offset) {
        for (int i = 0; i < n; i++) {
            double s = x[offset + i];
            int row = i * n;
            for (int p = 0; p < i; p++) {
                s -= l[row + p] * x[offset + p];
            }
            x[offset + i] = s / l[row + i];
        }
    }

    private static void solveLowerTransposeVector(double[] l, int n, double[] x, int offset) {
        for (int i = n - 1; i >= 0; i--) {
            double s = x[offset + i];
            for (int p = i + 1; p < n; p++) {
                s -= l[p * n + i] * x[offset + p];
            }
            x[offset + i] = s / l[i * n + i];
        }
    }

    /**
     * Overwrites the vector {@code x} (holding b) with L⁻¹b, column by column: xₚ ← xₚ / Lₚₚ, then
     * xᵢ ← xᵢ − Lᵢₚ xₚ for i &gt; p. Each xᵢ receives its terms in order of p, as in {@link #solveLower}, so
     * the values are that method's bit for bit; the inner loop is a contiguous axpy over row p of Lᵀ,
     * which the JIT vectorises where the row-wise sums of {@link #solveLower} run one add at a time.
     *
     * @param lowerTransposeRows the rows of Lᵀ (row p holds column p of L; entries left of the diagonal
     *        are not read), each of length n = {@code x.length}
     */
    public static void solveLowerByColumns(double[][] lowerTransposeRows, double[] x) {
        int n = x.length;
        int p = 0;
        // four columns at a time: each xᵢ still takes their terms in order of p, in one load and store
        for (; p + 3 < n; p += 4) {
            double[] c0 = lowerTransposeRows[p];
            double[] c1 = lowerTransposeRows[p + 1];
            double[] c2 = lowerTransposeRows[p + 2];
            double[] c3 = lowerTransposeRows[p + 3];
            double x0 = x[p] / c0[p];
            double x1 = (x[p + 1] - c0[p + 1] * x0) / c1[p + 1];
            double x2 = (x[p + 2] - c0[p + 2] * x0 - c1[p + 2] * x1) / c2[p + 2];
            double x3 = (x[p + 3] - c0[p + 3] * x0 - c1[p + 3] * x1 - c2[p + 3] * x2) / c3[p + 3];
            x[p] = x0;
            x[p + 1] = x1;
            x[p + 2] = x2;
            x[p + 3] = x3;
            for (int i = p + 4; i < n; i++) {
                x[i] = x[i] - c0[i] * x0 - c1[i] * x1 - c2[i] * x2 - c3[i] * x3;
            }
        }
        for (; p < n; p++) {
            double[] column = lowerTransposeRows[p];
            double xp = x[p] / column[p];
            x[p] = xp;
            for (int i = p + 1; i < n; i++) {
                x[i] -= column[i] * xp;
            }
        }
    }

    /**
     * Overwrites the vector {@code x} (holding b) with L⁻ᵀb, column by column of Lᵀ (row by row of L),
     * from the last: xₚ ← xₚ / Lₚₚ, then xᵢ ← xᵢ − Lₚᵢ xₚ for i &lt; p. Each xᵢ receives its terms in
     * decreasing order of p, the reverse of {@link #solveLowerTranspose}'s, so the last bits may differ
     * from that method's; the inner loop is a contiguous, vectorisable axpy over row p of L.
     *
     * @param lowerRows the rows of L (entries right of the diagonal are not read), each of length
     *        n = {@code x.length}
     */
    public static void solveLowerTransposeByColumns(double[][] lowerRows, double[] x) {
        int p = x.length - 1;
        // four rows of L at a time, as in solveLowerByColumns: each xᵢ takes their terms in decreasing p
        for (; p >= 3; p -= 4) {
            double[] r0 = lowerRows[p];
            double[] r1 = lowerRows[p - 1];
            double[] r2 = lowerRows[p - 2];
            double[] r3 = lowerRows[p - 3];
            double x0 = x[p] / r0[p];
            double x1 = (x[p - 1] - r0[p - 1] * x0) / r1[p - 1];
            double x2 = (x[p - 2] - r0[p - 2] * x0 - r1[p - 2] * x1) / r2[p - 2];
            double x3 = (x[p - 3] - r0[p - 3] * x0 - r1[p - 3] * x1 - r2[p - 3] * x2) / r3[p - 3];
            x[p] = x0;
            x[p - 1] = x1;
            x[p - 2] = x2;
            x[p - 3] = x3;
            for (int i = 0; i < p - 3; i++) {
                x[i] = x[i] - r0[i] * x0 - r1[i] * x1 - r2[i] * x2 - r3[i] * x3;
            }
        }
        for (; p >= 0; p--) {
            double[] row = lowerRows[p];
            double xp = x[p] / row[p];
            x[p] = xp;
            for (int i = 0; i < p; i++) {
                x[i] -= row[i] * xp;
            }
        }
    }

    /** log det L = Σ log Lᵢᵢ for a lower-triangular L with a positive diagonal (NaN if one is negative). */
    public static double logDeterminant(double[] l, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return s;
    }
}
