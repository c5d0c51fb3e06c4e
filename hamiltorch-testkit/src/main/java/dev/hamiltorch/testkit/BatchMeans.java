package dev.hamiltorch.testkit;

/**
 * The mean of a chain's values and its Monte Carlo standard error by non-overlapping batch means
 * (Flegal &amp; Jones 2010): b = ⌊√n⌋ draws per batch, MCSE = sd(batch means) / √(number of batches).
 */
final class BatchMeans {

    private BatchMeans() {
    }

    /** {mean, MCSE} of {@code x}; the trailing n mod b draws count in the mean only. */
    static double[] meanAndMcse(double[] x) {
        int n = x.length;
        int size = (int) Math.floor(Math.sqrt(n));
        int batches = n / size;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] means = new double[batches];
        double grand = 0;
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int t = b * size; t < (b + 1) * size; t++) {
                s += x[t];
            }
            means[b] = s / size;
            grand += means[b];
        }
        grand /= batches;
        double ss = 0;
        for (double m : means) {
            ss += (m - grand) * (m - grand);
        }
        double variance = ss / (batches - 1);
        return new double[] {mean, Math.sqrt(variance / batches)};
    }
}
