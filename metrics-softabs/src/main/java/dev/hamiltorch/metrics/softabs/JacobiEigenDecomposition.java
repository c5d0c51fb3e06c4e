package dev.hamiltorch.metrics.softabs;

/**
 * The eigendecomposition A = Q Λ Qᵀ of a small real symmetric matrix by the cyclic Jacobi method
 * (Jacobi 1846; Rutishauser's rotation formulas, Golub &amp; Van Loan, <i>Matrix Computations</i>,
 * §8.5): sweeps of plane rotations, each zeroing one off-diagonal entry, until the off-diagonal
 * part is negligible against ‖A‖. For the metric's D ≲ 50 it is as accurate as tridiagonal QL,
 * and on plain arrays in one method it is faster, most of all before the JIT has compiled it.
 *
 * <p>A value holder filled by {@link #decompose}: {@link #values} in no particular order, and
 * {@link #vectors} with the eigenvector of {@code values[b]} in column b.
 */
final class JacobiEigenDecomposition {

    /** Sweeps after which the iteration counts as not converging (a quadratically converging sweep count is ≲ 10). */
    static final int MAX_SWEEPS = 60;

    /** Eigenvalues λ, in no particular order. */
    final double[] values;
    /** Eigenvectors as columns: vectors[i][b] = Qᵢ_b. */
    final double[][] vectors;

    private JacobiEigenDecomposition(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric {@code a}, which it overwrites (only the lower triangle is read);
     * null if the sweeps do not converge, which needs a non-finite entry in practice.
     */
    static JacobiEigenDecomposition decompose(double[][] a) {
        int n = a.length;
        double[][] v = new double[n][n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                max = Math.max(max, Math.abs(a[i][k]));
            }
        }
        if (!Double.isFinite(max)) {
            return null;
        }
        // scaled by a power of two (exact) to a largest entry in [1, 2), so that no square under- or overflows
        double scale = max == 0 ? 1.0 : Math.scalb(1.0, -Math.getExponent(max));
        double norm = 0; // ‖A‖²_F from the lower triangle
        for (int i = 0; i < n; i++) {
            v[i][i] = 1.0;
            for (int k = 0; k <= i; k++) {
                double x = a[i][k] * scale;
                a[i][k] = x;
                a[k][i] = x; // symmetric from the lower triangle, so rotations may read either
                norm += i == k ? x * x : 2 * x * x;
            }
        }
        // converged when the off-diagonal part is below rounding of ‖A‖ (2⁻⁵³ relative, squared)
        double tolerance = norm * 0x1p-106;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= tolerance) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = a[i][i] / scale;
                }
                return new JacobiEigenDecomposition(values, v);
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        return null;
    }

    /** One rotation in the (p, q) plane that zeroes a[p][q], applied to A from both sides and to V from the right. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        int n = a.length;
        double apq = a[p][q];
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        // t = tan φ, the smaller root of t² + 2θt − 1 = 0 (|φ| ≤ π/4); 1/(2θ) when θ² would overflow
        double t = Math.abs(theta) > 1e150 ? 0.5 / theta
                : Math.copySign(1.0, theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        double tau = s / (1 + c);
        a[p][p] -= t * apq;
        a[q][q] += t * apq;
        a[p][q] = 0;
        a[q][p] = 0;
        for (int r = 0; r < n; r++) {
            if (r != p && r != q) {
                double arp = a[r][p];
                double arq = a[r][q];
                double np = arp - s * (arq + tau * arp);
                double nq = arq + s * (arp - tau * arq);
                a[r][p] = np;
                a[p][r] = np;
                a[r][q] = nq;
                a[q][r] = nq;
            }
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = vrp - s * (vrq + tau * vrp);
            v[r][q] = vrq + s * (vrp - tau * vrq);
        }
    }
}
