package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.engine.diagnostics.Quantiles;
import java.util.Arrays;

/**
 * Posterior summary of one parameter over kept draws: mean, standard deviation (denominator n − 1) and
 * R type-7 quantiles. NaN when there are no draws (sd also with one draw).
 *
 * @param index the parameter's position in θ
 * @param name the parameter's name ({@code theta[i]} unless the user named it)
 * @param mean sample mean
 * @param sd sample standard deviation
 * @param q05 5 % quantile
 * @param q25 25 % quantile
 * @param q50 median
 * @param q75 75 % quantile
 * @param q95 95 % quantile
 */
public record ParameterSummary(int index, String name, double mean, double sd, double q05, double q25, double q50, double q75,
                               double q95) {

    /** Summarises {@code values}, the draws of parameter {@code index} named {@code name}. */
    public static ParameterSummary of(int index, String name, double[] values) {
        int n = values.length;
        if (n == 0) {
            return new ParameterSummary(index, name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new ParameterSummary(index, name, mean, sd, Quantiles.type7(sorted, 0.05), Quantiles.type7(sorted, 0.25),
                Quantiles.type7(sorted, 0.5), Quantiles.type7(sorted, 0.75), Quantiles.type7(sorted, 0.95));
    }
}
