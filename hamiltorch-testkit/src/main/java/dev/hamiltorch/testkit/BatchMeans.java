package dev.hamiltorch.testkit;

/**
 * The batch-means estimate of the Monte Carlo standard error of a chain's mean: split the draws into
 * b consecutive batches of m, and estimate the asymptotic variance σ² of √n(x̄ − μ) by
 * m/(b − 1) Σₖ (x̄ₖ − x̄)², which stays consistent under autocorrelation as long as m is much longer
 * than the autocorrelation time (Flegal &amp; Jones 2010). The kit's Monte Carlo standard error, and the
 * project's tests' where they need one without the engine's rank-normalised diagnostics.
 *
 * <p>When m·b &lt; n the leading n − m·b draws are left out of the batches (the later draws are the
 * better mixed); the mean and variance use all draws.
 *
 * @param mean the sample mean of all draws
 * @param variance the sample variance of all draws (denominator n − 1)
 * @param asymptoticVariance the batch-means estimate of σ²
 * @param monteCarloStandardError √(σ² / n'), with n' = m·b the draws in batches
 * @param effectiveSampleSize n' · variance / σ²
 * @param batchSize m
 * @param batchCount b
 */
public record BatchMeans(double mean, double variance, double asymptoticVariance, double monteCarloStandardError,
                         double effectiveSampleSize, int batchSize, int batchCount) {

    /**
     * Batch means with batches of ⌊√n⌋ draws, the usual default.
     *
     * @throws IllegalArgumentException with fewer than 4 draws
     */
    public static BatchMeans of(double[] draws) {
        if (draws.length < 4) {
            throw new IllegalArgumentException("batch means need at least 4 draws, got " + draws.length);
        }
        int m = (int) Math.floor(Math.sqrt(draws.length));
        return of(draws, draws.length / m);
    }

    /**
     * Batch means with {@code batchCount} batches of ⌊n / batchCount⌋ draws; fewer, longer batches suit
     * slowly mixing chains.
     *
     * @throws IllegalArgumentException unless 2 ≤ batchCount ≤ n
     */
    public static BatchMeans of(double[] draws, int batchCount) {
        int n = draws.length;
        if (batchCount < 2 || batchCount > n) {
            throw new IllegalArgumentException("batchCount = " + batchCount + ": must be in [2, " + n + "]");
        }
        int m = n / batchCount;
        int used = m * batchCount;
        int skip = n - used;

        double mean = 0;
        for (double x : draws) {
            mean += x;
        }
        mean /= n;
        double sumSquares = 0;
        for (double x : draws) {
            sumSquares += (x - mean) * (x - mean);
        }
        double variance = sumSquares / (n - 1);

        double[] batchMean = new double[batchCount];
        double grand = 0;
        for (int k = 0; k < batchCount; k++) {
            double s = 0;
            for (int i = skip + k * m; i < skip + (k + 1) * m; i++) {
                s += draws[i];
            }
            batchMean[k] = s / m;
            grand += batchMean[k];
        }
        grand /= batchCount;
        double between = 0;
        for (double b : batchMean) {
            between += (b - grand) * (b - grand);
        }
        double sigma2 = m * between / (batchCount - 1);
        double mcse = Math.sqrt(sigma2 / used);
        double ess = sigma2 > 0 ? used * variance / sigma2 : Double.POSITIVE_INFINITY;
        return new BatchMeans(mean, variance, sigma2, mcse, ess, m, batchCount);
    }
}
