package dev.hamiltorch.engine.diagnostics;

import java.util.Objects;

/**
 * One row of a {@link Summary}: a parameter's (or a sampler column's) posterior mean, sd and 5 %, 50 %,
 * 95 % quantiles over the draws of all chains, and its convergence diagnostics. Values follow R's
 * posterior 1.4.0 ({@code mean}, {@code sd}, {@code quantile2}, and {@link ConvergenceDiagnostics}):
 * where posterior gives NA the value here is NaN (a NaN draw makes every value NaN; an infinite one the
 * mean ±∞ and the sd NaN; one draw the sd NaN).
 *
 * @param name the parameter's or column's name
 * @param mean the mean of all draws
 * @param sd the standard deviation of all draws (denominator S − 1)
 * @param q05 the 5 % quantile (R's type 7)
 * @param q50 the median
 * @param q95 the 95 % quantile
 * @param diagnostics R̂, ESS and MCSE
 */
public record SummaryRow(String name, double mean, double sd, double q05, double q50, double q95,
                         ParameterDiagnostics diagnostics) {

    /** @throws NullPointerException if the name or the diagnostics are null */
    public SummaryRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * The row of draws {@code chains[c][i]} (draw i of chain c, chains of equal length, at least one draw).
     *
     * @throws IllegalArgumentException if there is no draw or the chains differ in length
     */
    public static SummaryRow of(String name, double[][] chains) {
        ParameterDiagnostics diagnostics = ConvergenceDiagnostics.of(chains);
        double[] all = new double[chains.length * chains[0].length];
        boolean anyNaN = false;
        int k = 0;
        for (double[] chain : chains) {
            for (double v : chain) {
                all[k++] = v;
                anyNaN |= Double.isNaN(v);
            }
        }
        double mean = 0;
        for (double v : all) {
            mean += v;
        }
        mean /= all.length;
        if (Double.isFinite(mean)) {
            // R's mean() adds the mean of the residuals, so equal draws (0.2 …) have exactly their value as
            // mean and an sd of 0, where a plain sum would leave a few ulps
            double residual = 0;
            for (double v : all) {
                residual += v - mean;
            }
            mean += residual / all.length;
        }
        double squares = 0;
        for (double v : all) {
            squares += (v - mean) * (v - mean);
        }
        double sd = all.length > 1 ? Math.sqrt(squares / (all.length - 1)) : Double.NaN;
        if (anyNaN) {
            // posterior's quantile2 gives NA for any NA draw rather than ranking it
            return new SummaryRow(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, diagnostics);
        }
        double[] q = Quantiles.type7Unsorted(all, 0.05, 0.5, 0.95);
        return new SummaryRow(name, mean, sd, q[0], q[1], q[2], diagnostics);
    }

    /** The Monte Carlo standard error of the mean (stansummary's MCSE column). */
    public double mcse() {
        return diagnostics.mcseMean();
    }

    /** Bulk ESS. */
    public double essBulk() {
        return diagnostics.essBulk();
    }

    /** Tail ESS. */
    public double essTail() {
        return diagnostics.essTail();
    }

    /** R̂. */
    public double rhat() {
        return diagnostics.rhat();
    }
}
