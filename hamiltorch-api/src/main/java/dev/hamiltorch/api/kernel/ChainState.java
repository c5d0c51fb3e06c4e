package dev.hamiltorch.api.kernel;

/**
 * The state of a Markov chain between transitions: the position and what the next transition
 * reuses. Arrays are owned by the state and never modified.
 *
 * @param position θ
 * @param logDensity log π(θ)
 * @param gradient ∇ log π(θ)
 */
public record ChainState(double[] position, double logDensity, double[] gradient) {
}
