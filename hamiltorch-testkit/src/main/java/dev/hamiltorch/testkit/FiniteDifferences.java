package dev.hamiltorch.testkit;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Numerical derivatives for the checks, public for tests of their own: a fourth-order central stencil at
 * the step where successive estimates agree best, a central-difference Jacobian and its determinant.
 */
public final class FiniteDifferences {

    /** Relative steps tried: 10⁻¹ … 10⁻⁷ of max(1, |x|). */
    private static final int LARGEST_STEP_EXPONENT = 1;
    private static final int SMALLEST_STEP_EXPONENT = 7;

    private FiniteDifferences() {
    }

    /**
     * f'(0) by (−f(2h) + 8f(h) − 8f(−h) + f(−2h)) / 12h at the step h (scale · 10⁻ᵏ) after which the
     * estimate changes least: a metric may vary on scales far below 1, where a fixed step fails.
     */
    public static double derivative(DoubleUnaryOperator f, double scale) {
        double previous = stencil(f, scale * Math.pow(10, -LARGEST_STEP_EXPONENT));
        double best = previous;
        double bestChange = Double.POSITIVE_INFINITY;
        for (int k = LARGEST_STEP_EXPONENT + 1; k <= SMALLEST_STEP_EXPONENT; k++) {
            double estimate = stencil(f, scale * Math.pow(10, -k));
            double change = Math.abs(estimate - previous);
            if (change < bestChange) {
                bestChange = change;
                best = estimate;
            }
            previous = estimate;
        }
        return best;
    }

    private static double stencil(DoubleUnaryOperator f, double h) {
        return (-f.applyAsDouble(2 * h) + 8 * f.applyAsDouble(h) - 8 * f.applyAsDouble(-h) + f.applyAsDouble(-2 * h))
                / (12 * h);
    }

    /** The gradient of f at x, coordinate by coordinate with {@link #derivative}. */
    public static double[] gradient(java.util.function.ToDoubleFunction<double[]> f, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int coordinate = i;
            out[i] = derivative(s -> f.applyAsDouble(shifted(x, coordinate, s)), Math.max(1, Math.abs(x[i])));
        }
        return out;
    }

    static double[] shifted(double[] x, int i, double by) {
        double[] y = x.clone();
        y[i] += by;
        return y;
    }

    /** The Jacobian of {@code map} at z by central differences with step h. */
    public static double[][] jacobian(UnaryOperator<double[]> map, double[] z, double h) {
        int n = z.length;
        double[][] j = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] fPlus = map.apply(shifted(z, k, h));
            double[] fMinus = map.apply(shifted(z, k, -h));
            for (int i = 0; i < n; i++) {
                j[i][k] = (fPlus[i] - fMinus[i]) / (2 * h);
            }
        }
        return j;
    }

    /** det A by Gaussian elimination with partial pivoting (A is copied). */
    public static double determinant(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (pivot != col) {
                double[] swap = m[pivot];
                m[pivot] = m[col];
                m[col] = swap;
                det = -det;
            }
            det *= m[col][col];
            if (m[col][col] == 0) {
                return 0;
            }
            for (int row = col + 1; row < n; row++) {
                double f = m[row][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[row][k] -= f * m[col][k];
                }
            }
        }
        return det;
    }
}
