package dev.hamiltorch.engine.diagnostics;

/**
 * The convergence diagnostics of one parameter over all chains, as {@link ConvergenceDiagnostics}
 * computes them (R's posterior 1.4.0); each is NaN where posterior gives NA: constant draws, too few
 * draws (split chains shorter than 3 for every ESS and MCSE), a NaN draw, or an infinite one for all
 * but R̂ and the bulk ESS.
 *
 * @param rhat R̂, the larger of the rank-normalised bulk and tail split-R̂
 * @param essBulk bulk ESS, the ESS of the rank-normalised split chains
 * @param essTail tail ESS, the smaller ESS of the 5 % and 95 % quantile indicators
 * @param essMean the ESS of the mean (split chains, not ranked)
 * @param mcseMean the Monte Carlo standard error of the mean, sd / √essMean
 * @param mcseSd the Monte Carlo standard error of the sd
 * @param essSd the ESS of the sd (of |x − x̄| on split chains)
 * @param essMedian the ESS of the median (of the indicator I(x ≤ median))
 * @param mcseMedian the Monte Carlo standard error of the median
 * @param mcseQ05 the Monte Carlo standard error of the 5 % quantile
 * @param mcseQ95 the Monte Carlo standard error of the 95 % quantile
 */
public record ParameterDiagnostics(double rhat, double essBulk, double essTail, double essMean, double mcseMean,
                                   double mcseSd, double essSd, double essMedian, double mcseMedian, double mcseQ05,
                                   double mcseQ95) {

    /** Every diagnostic undefined, for a parameter without draws. */
    public static ParameterDiagnostics undefined() {
        double nan = Double.NaN;
        return new ParameterDiagnostics(nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
}
