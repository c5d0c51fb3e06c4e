package dev.hamiltorch.engine.diagnostics;

import java.util.Arrays;

/** Sample quantiles as R's {@code quantile(x, p, type = 7)} (its default) computes them. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The type-7 quantile of already sorted values, computed as R's {@code quantile.default} does: with
     * the 1-based index i = 1 + (n − 1)p, lo = ⌊i⌋ and h = i − lo, it is x₍lo₎ where h = 0 or
     * x₍lo+1₎ = x₍lo₎, else (1 − h)·x₍lo₎ + h·x₍lo+1₎. So the median of (1, 2, ∞) is 2 (no 0·∞ is
     * formed), a quantile between a finite and an infinite value is that infinity, and one between −∞
     * and +∞ is NaN, as in R; R's form also rounds as R does (its result for (0.1, 0.7) at 0.3 is
     * 0.28000000000000003, not x₍lo₎ + h·(x₍lo+1₎ − x₍lo₎) = 0.27999999999999997). R refuses NaN values;
     * here an interpolation that involves one is NaN.
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
        double index = 1 + (sorted.length - 1) * p; // R's 1-based index: h = index − lo rounds as R's does
        int lo = (int) Math.floor(index);
        double low = sorted[lo - 1];
        if (index > lo) {
            double high = sorted[lo]; // x₍lo+1₎, 1-based
            if (!(high == low)) { // equal ends (∞ and ∞ too) are the quantile itself; NaN interpolates to NaN
                double h = index - lo;
                return (1 - h) * low + h * high;
            }
        }
        return low;
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
