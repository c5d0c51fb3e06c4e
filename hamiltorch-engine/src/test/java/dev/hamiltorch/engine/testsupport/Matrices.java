package dev.hamiltorch.engine.testsupport;

import java.util.SplittableRandom;

/** Small matrix helpers for tests. */
public final class Matrices {

    private Matrices() {
    }

    public static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /**
     * A random d×d covariance with strong correlations: Σ = S (B Bᵀ + ψ I) S with B a d×k matrix of
     * N(0,1) entries (a few shared factors correlate the coordinates) and S = diag(scales) / √diag(BBᵀ+ψI).
     */
    public static double[][] randomCovariance(long seed, int d, int factors, double psi, double[] scales) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] b = new double[d][factors];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < factors; k++) {
                b[i][k] = rng.nextGaussian();
            }
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = i == j ? psi : 0;
                for (int k = 0; k < factors; k++) {
                    s += b[i][k] * b[j][k];
                }
                c[i][j] = s;
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] = scales[i] * scales[j] * c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
            }
        }
        return cov;
    }

    /** The largest |Σᵢⱼ| / √(ΣᵢᵢΣⱼⱼ) off the diagonal. */
    public static double maxAbsCorrelation(double[][] cov) {
        double max = 0;
        for (int i = 0; i < cov.length; i++) {
            for (int j = 0; j < i; j++) {
                max = Math.max(max, Math.abs(cov[i][j]) / Math.sqrt(cov[i][i] * cov[j][j]));
            }
        }
        return max;
    }
}
