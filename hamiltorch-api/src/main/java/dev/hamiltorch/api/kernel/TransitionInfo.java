package dev.hamiltorch.api.kernel;

/**
 * What happened in one transition.
 *
 * @param acceptanceProbability min(1, exp(H₀ − H₁)); 0 for an invalid proposal
 * @param accepted whether the chain moved to the proposal
 * @param divergent whether H₁ − H₀ exceeded the divergence threshold
 * @param energy the Hamiltonian at the start of the trajectory, H₀
 * @param proposalEnergy the Hamiltonian at the proposal, H₁ (NaN or ∞ when invalid)
 * @param steps integration steps taken
 * @param gradientEvaluations evaluations of ∇ log π made
 * @param event why the proposal was rejected or flagged, or null
 */
public record TransitionInfo(double acceptanceProbability, boolean accepted, boolean divergent, double energy,
                             double proposalEnergy, int steps, int gradientEvaluations, Event event) {
}
