package dev.hamiltorch.engine.diagnostics;

import java.util.Arrays;

/** Sample quantiles as R's {@code quantile(x, p, type = 7)} (its default) computes them. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The type-7 quantile of already sorted values: with h = (n − 1)p, the linear interpolation
     * x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) between order statistics (0-based).
     *
     * @throws IllegalArgumentException if {@code sorted} is empty or p is outside [0, 1]
     */
    public static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a quantile of");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p = " + p + ": must be in [0, 1]");
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Type-7 quantiles of unsorted values (sorted in a copy) at each probability. */
    public static double[] type7Unsorted(double[] values, double... probabilities) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] q = new double[probabilities.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = type7(sorted, probabilities[k]);
        }
        return q;
    }
}
