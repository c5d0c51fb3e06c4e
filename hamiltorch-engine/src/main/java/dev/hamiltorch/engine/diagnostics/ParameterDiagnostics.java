package dev.hamiltorch.engine.diagnostics;

/**
 * The convergence diagnostics of one parameter over all chains, as {@link ConvergenceDiagnostics}
 * computes them; each is NaN when undefined for the draws (constant draws, too few draws).
 *
 * @param rhat R̂, the larger of the rank-normalised bulk and tail split-R̂
 * @param essBulk bulk ESS, the ESS of the rank-normalised split chains
 * @param essTail tail ESS, the smaller ESS of the 5 % and 95 % quantile indicators
 * @param essMean the ESS of the mean (split chains, not ranked)
 * @param mcseMean the Monte Carlo standard error of the mean, sd / √essMean
 * @param mcseSd the Monte Carlo standard error of the sd
 */
public record ParameterDiagnostics(double rhat, double essBulk, double essTail, double essMean, double mcseMean,
                                   double mcseSd) {
}
