package dev.hamiltorch.engine.diagnostics;

/**
 * What one chain's sampler statistics say about its kept transitions.
 *
 * @param chain the chain's index, from 0
 * @param draws its kept transitions
 * @param divergences kept transitions that diverged ({@code divergent__} ≠ 0); 0 without that column
 * @param ebfmi its E-BFMI ({@link ConvergenceDiagnostics#ebfmi}) from {@code energy__}; NaN without that
 *        column or where undefined
 * @param treeDepthHits kept transitions whose tree reached the maximum depth ({@code treedepth__} ≥ the
 *        run's {@code maxTreeDepth}); −1 when the sampler builds no trees or the maximum is unknown
 */
public record ChainDiagnostics(int chain, int draws, long divergences, double ebfmi, long treeDepthHits) {
}
