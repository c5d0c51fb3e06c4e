package dev.hamiltorch.api.dynamics;

/**
 * A point (θ, p) of phase space with what the next integration step reuses: log π(θ) and
 * ∇ log π(θ). Arrays are owned by the point and must not be modified after construction.
 *
 * @param position θ
 * @param momentum p
 * @param logDensity log π(θ)
 * @param gradient ∇ log π(θ)
 */
public record PhasePoint(double[] position, double[] momentum, double logDensity, double[] gradient) {
}
