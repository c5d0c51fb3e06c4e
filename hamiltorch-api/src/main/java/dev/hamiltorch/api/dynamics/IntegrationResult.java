package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.kernel.Event;

/**
 * The end of a numerically integrated trajectory.
 *
 * @param end the last phase point reached (the proposal when {@code failure} is null)
 * @param failure why the trajectory is unusable, or null when it is usable
 * @param steps integration steps taken
 * @param gradientEvaluations evaluations of ∇ log π made while integrating
 */
public record IntegrationResult(PhasePoint end, Event failure, int steps, int gradientEvaluations) {

    /** Whether the trajectory ended at a valid proposal. */
    public boolean succeeded() {
        return failure == null;
    }
}
