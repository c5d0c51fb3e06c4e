package dev.hamiltorch.engine.adaptation;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.adaptation.MetricAdaptation;

/**
 * Running moments of one slow window's draws (and, for {@link MetricAdaptation#FISHER_DIAG}, of their
 * gradients), by Welford's updates, and the inverse mass they give at the window's end. Immutable: each
 * draw gives a new estimate.
 *
 * <ul>
 *   <li>{@code diag}: M⁻¹ = diag((n/(n+5))·var + 10⁻³·5/(n+5)), Stan's variances shrunk towards a small
 *       multiple of the identity, so a short window cannot give a degenerate metric;</li>
 *   <li>{@code dense}: M⁻¹ = (n/(n+5))·Cov + 10⁻³·5/(n+5)·I, likewise;</li>
 *   <li>{@code fisher-diag}: M⁻¹ = diag(√(var(θ)/var(∇ log π))), the diagonal that minimises the Fisher
 *       divergence between the target and a Gaussian in the adapted coordinates (Seyboldt et al.,
 *       nutpie); exact for a Gaussian with a diagonal covariance, where var(∇ log π) = 1/var(θ);</li>
 *   <li>{@code diag-then-dense}: {@code dense}'s M⁻¹ from at least {@value #DENSE_DRAWS_PER_PARAMETER}·D draws,
 *       else its diagonal, {@code diag}'s M⁻¹.</li>
 * </ul>
 *
 * @param kind what is estimated
 * @param count n, the draws seen
 * @param mean the draws' mean
 * @param comoment Σ (x − x̄)² per coordinate (diagonal kinds), or Σ (x − x̄)(x − x̄)ᵀ row-major (dense)
 * @param gradientMean the gradients' mean (fisher-diag; empty otherwise)
 * @param gradientComoment Σ (g − ḡ)² per coordinate (fisher-diag; empty otherwise)
 */
public record MassEstimate(MetricAdaptation kind, int count, double[] mean, double[] comoment, double[] gradientMean,
                           double[] gradientComoment) {

    /** Stan's shrinkage: n/(n + 5) of the estimate, 5/(n + 5) of 10⁻³ I. */
    static final double SHRINK_COUNT = 5;
    static final double SHRINK_TARGET = 1e-3;
    /** Fisher-diagonal entries are kept inside [10⁻¹⁰, 10¹⁰], where a draw or a gradient did not vary. */
    static final double FISHER_LOWEST = 1e-10;
    static final double FISHER_HIGHEST = 1e10;
    /**
     * diag-then-dense's draws per parameter for a dense estimate: the smallest eigenvalue of the sample
     * covariance of n white draws in D dimensions is about (1 − √(D/n))² (Marchenko–Pastur), 0.09 at n = 2D.
     */
    static final int DENSE_DRAWS_PER_PARAMETER = 2;

    /** No draws yet for a {@code dimension}-parameter target. */
    public static MassEstimate empty(MetricAdaptation kind, int dimension) {
        if (kind == MetricAdaptation.NONE) {
            throw new IllegalArgumentException("adaptMetric = none: nothing to estimate");
        }
        boolean dense = isDense(kind);
        boolean fisher = kind == MetricAdaptation.FISHER_DIAG;
        return new MassEstimate(kind, 0, new double[dimension], new double[dense ? dimension * dimension : dimension],
                new double[fisher ? dimension : 0], new double[fisher ? dimension : 0]);
    }

    /** The estimate with one more draw {@code position} whose gradient of log π is {@code gradient}. */
    public MassEstimate add(double[] position, double[] gradient) {
        int d = mean.length;
        int n = count + 1;
        double[] newMean = mean.clone();
        double[] delta = new double[d];
        for (int i = 0; i < d; i++) {
            delta[i] = position[i] - mean[i];
            newMean[i] += delta[i] / n;
        }
        double[] newComoment = comoment.clone();
        if (isDense(kind)) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    newComoment[i * d + j] += delta[i] * (position[j] - newMean[j]);
                }
            }
        } else {
            for (int i = 0; i < d; i++) {
                newComoment[i] += delta[i] * (position[i] - newMean[i]);
            }
        }
        double[] newGradientMean = gradientMean;
        double[] newGradientComoment = gradientComoment;
        if (kind == MetricAdaptation.FISHER_DIAG) {
            newGradientMean = gradientMean.clone();
            newGradientComoment = gradientComoment.clone();
            for (int i = 0; i < d; i++) {
                double g = gradient[i] - gradientMean[i];
                newGradientMean[i] += g / n;
                newGradientComoment[i] += g * (gradient[i] - newGradientMean[i]);
            }
        }
        return new MassEstimate(kind, n, newMean, newComoment, newGradientMean, newGradientComoment);
    }

    /**
     * The inverse mass these draws give, or {@code previous} where they cannot give one (fewer than two
     * draws, or a non-finite estimate from non-finite draws).
     */
    public InverseMass inverseMass(InverseMass previous) {
        int d = mean.length;
        if (count < 2) {
            return previous;
        }
        double n = count;
        double weight = n / (n + SHRINK_COUNT);
        double ridge = SHRINK_TARGET * SHRINK_COUNT / (n + SHRINK_COUNT);
        MetricAdaptation estimated = kind;
        if (kind == MetricAdaptation.DIAG_THEN_DENSE) {
            estimated = count >= DENSE_DRAWS_PER_PARAMETER * d ? MetricAdaptation.DENSE : MetricAdaptation.DIAG;
        }
        switch (estimated) {
            case DIAG -> {
                // a dense comoment's diagonal (diag-then-dense) holds the same sums as a diagonal one
                int stride = comoment.length == d ? 1 : d + 1;
                double[] v = new double[d];
                for (int i = 0; i < d; i++) {
                    v[i] = weight * comoment[i * stride] / (n - 1) + ridge;
                }
                return finite(v) ? InverseMass.diagonal(v) : previous;
            }
            case DENSE -> {
                double[][] m = new double[d][d];
                double[] all = new double[d * d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        // the comoment is symmetric up to rounding; averaging makes it exactly so
                        m[i][j] = weight * 0.5 * (comoment[i * d + j] + comoment[j * d + i]) / (n - 1);
                    }
                    m[i][i] += ridge;
                    System.arraycopy(m[i], 0, all, i * d, d);
                }
                return finite(all) ? InverseMass.dense(m) : previous;
            }
            case FISHER_DIAG -> {
                double[] v = new double[d];
                for (int i = 0; i < d; i++) {
                    double ratio = Math.sqrt(comoment[i] / gradientComoment[i]);
                    if (Double.isNaN(ratio)) {
                        return previous;
                    }
                    v[i] = Math.min(FISHER_HIGHEST, Math.max(FISHER_LOWEST, ratio));
                }
                return InverseMass.diagonal(v);
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Whether {@code kind} keeps the full comoment matrix. */
    private static boolean isDense(MetricAdaptation kind) {
        return kind == MetricAdaptation.DENSE || kind == MetricAdaptation.DIAG_THEN_DENSE;
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
