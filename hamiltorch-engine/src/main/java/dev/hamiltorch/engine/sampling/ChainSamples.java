package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.Event;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one chain produced: its kept (post-burn-in) draws and, for every iteration including
 * burn-in, the log density of the state it moved to, the Hamiltonian at the start of the trajectory
 * (H₀) and at the proposal (H₁), the acceptance probability and whether the proposal was accepted.
 * Immutable; every accessor returns a copy. A chain cut short by a failure holds fewer iterations
 * than were asked for.
 */
public final class ChainSamples {

    private final int chain;
    private final int burn;
    private final int dimension;
    private final double[][] draws;
    private final double[] logDensity;
    private final double[] energy;
    private final double[] proposalEnergy;
    private final double[] acceptanceProbability;
    private final boolean[] accepted;
    private final Map<Event, Long> eventCounts;
    private final long gradientEvaluations;
    private final double wallTimeSeconds;

    /** Takes ownership of the arrays (the runner hands over fresh ones). */
    ChainSamples(int chain, int burn, int dimension, double[][] draws, double[] logDensity, double[] energy,
                 double[] proposalEnergy, double[] acceptanceProbability, boolean[] accepted,
                 EnumMap<Event, Long> eventCounts, long gradientEvaluations, double wallTimeSeconds) {
        this.chain = chain;
        this.burn = burn;
        this.dimension = dimension;
        this.draws = draws;
        this.logDensity = logDensity;
        this.energy = energy;
        this.proposalEnergy = proposalEnergy;
        this.acceptanceProbability = acceptanceProbability;
        this.accepted = accepted;
        this.eventCounts = Collections.unmodifiableMap(new EnumMap<>(eventCounts));
        this.gradientEvaluations = gradientEvaluations;
        this.wallTimeSeconds = wallTimeSeconds;
    }

    /** This chain's index, from 0. */
    public int chain() {
        return chain;
    }

    /** Leading iterations discarded as burn-in. */
    public int burn() {
        return burn;
    }

    /** Number of parameters D. */
    public int dimension() {
        return dimension;
    }

    /** Iterations completed, burn-in included. */
    public int iterations() {
        return logDensity.length;
    }

    /** Number of kept draws. */
    public int keptCount() {
        return draws.length;
    }

    /** The kept draws, keptCount × D (a copy). */
    public double[][] draws() {
        double[][] copy = new double[draws.length][];
        for (int k = 0; k < draws.length; k++) {
            copy[k] = draws[k].clone();
        }
        return copy;
    }

    /** Kept draw {@code k} (a copy). */
    public double[] draw(int k) {
        return draws[k].clone();
    }

    /** The kept draws of parameter {@code parameter}, in order. */
    public double[] parameter(int parameter) {
        double[] values = new double[draws.length];
        for (int k = 0; k < draws.length; k++) {
            values[k] = draws[k][parameter];
        }
        return values;
    }

    /** Per iteration: log π of the state after the transition. */
    public double[] logDensity() {
        return logDensity.clone();
    }

    /** Per iteration: H₀, the Hamiltonian at the start of the trajectory. */
    public double[] energy() {
        return energy.clone();
    }

    /** Per iteration: H₁, the Hamiltonian at the proposal (NaN when the trajectory failed). */
    public double[] proposalEnergy() {
        return proposalEnergy.clone();
    }

    /** Per iteration: the Metropolis acceptance probability (0 for an invalid proposal). */
    public double[] acceptanceProbability() {
        return acceptanceProbability.clone();
    }

    /** Per iteration: whether the proposal was accepted. */
    public boolean[] accepted() {
        return accepted.clone();
    }

    /** How often each event happened, every event present (0 if never). */
    public Map<Event, Long> eventCounts() {
        return eventCounts;
    }

    /** Evaluations of ∇ log π, the initial position's included. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Wall time of this chain's iteration loop. */
    public double wallTimeSeconds() {
        return wallTimeSeconds;
    }

    /** Accepted proposals among kept iterations (NaN when none is kept). */
    public double acceptanceRate() {
        return keptIterations() == 0 ? Double.NaN : (double) keptAccepted() / keptIterations();
    }

    int keptIterations() {
        return Math.max(0, iterations() - burn);
    }

    int keptAccepted() {
        int n = 0;
        for (int i = burn; i < accepted.length; i++) {
            if (accepted[i]) {
                n++;
            }
        }
        return n;
    }

    /** The value of parameter {@code parameter} in kept draw {@code k}, without copying. */
    double value(int k, int parameter) {
        return draws[k][parameter];
    }
}
