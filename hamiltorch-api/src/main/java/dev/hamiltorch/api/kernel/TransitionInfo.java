package dev.hamiltorch.api.kernel;

import java.util.Objects;

/**
 * What happened in one transition.
 *
 * @param acceptanceProbability min(1, exp(H₀ − H₁)) for a Metropolis step (a sampler's own acceptance
 *        statistic otherwise, e.g. NUTS's mean over its tree); 0 for an invalid proposal
 * @param accepted whether the chain moved to the proposal
 * @param divergent whether H₁ − H₀ exceeded the divergence threshold
 * @param energy the Hamiltonian at the start of the trajectory, H₀
 * @param proposalEnergy the Hamiltonian at the proposal, H₁ (NaN or ∞ when invalid)
 * @param steps integration steps actually taken (fewer than asked when a trajectory stopped early)
 * @param gradientEvaluations evaluations of ∇ log π made
 * @param event why the proposal was rejected or flagged, or null
 * @param statistics the kernel's own per-transition statistics, in the order of
 *        {@link Kernel#statisticNames()} (empty when it declares none); owned by this record
 */
public record TransitionInfo(double acceptanceProbability, boolean accepted, boolean divergent, double energy,
                             double proposalEnergy, int steps, int gradientEvaluations, Event event,
                             double[] statistics) {

    private static final double[] NONE = new double[0];

    /** @throws NullPointerException if {@code statistics} is null */
    public TransitionInfo {
        Objects.requireNonNull(statistics, "statistics");
    }

    /** A transition of a kernel that declares no statistics of its own. */
    public TransitionInfo(double acceptanceProbability, boolean accepted, boolean divergent, double energy,
                          double proposalEnergy, int steps, int gradientEvaluations, Event event) {
        this(acceptanceProbability, accepted, divergent, energy, proposalEnergy, steps, gradientEvaluations, event,
                NONE);
    }

    /**
     * The Hamiltonian of the state the chain is in after the transition, Stan's {@code energy__}: H₁ if
     * the proposal was accepted, else H₀.
     */
    public double energyAfter() {
        return accepted ? proposalEnergy : energy;
    }
}
