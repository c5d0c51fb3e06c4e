package dev.hamiltorch.api.kernel;

import dev.hamiltorch.api.InverseMass;
import java.util.Objects;

/**
 * The tuning of one transition, passed to {@link Kernel#step} on every call so that one kernel serves
 * every step size and mass matrix: warm-up adaptation proposes new parameters between transitions
 * without rebuilding the kernel (BlackJAX's shape). Immutable.
 *
 * @param stepSize the integrator's step size ε, positive and finite
 * @param inverseMass M⁻¹ of a Euclidean metric; ignored by a position-dependent (Riemannian) metric
 * @param numSteps integration steps per trajectory L of a fixed-length sampler (HMC)
 * @param maxTreeDepth the largest tree depth of a trajectory-doubling sampler (NUTS)
 */
public record StepParameters(double stepSize, InverseMass inverseMass, int numSteps, int maxTreeDepth) {

    /** Stan's and NumPyro's default largest tree depth. */
    public static final int DEFAULT_MAX_TREE_DEPTH = 10;

    /** @throws IllegalArgumentException naming the first bad argument and its value */
    public StepParameters {
        Objects.requireNonNull(inverseMass, "inverseMass");
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("stepSize = " + stepSize + ": must be positive and finite");
        }
        if (numSteps <= 0) {
            throw new IllegalArgumentException("numSteps = " + numSteps + ": must be positive");
        }
        if (maxTreeDepth <= 0) {
            throw new IllegalArgumentException("maxTreeDepth = " + maxTreeDepth + ": must be positive");
        }
    }

    /** hamiltorch's defaults: step size 0.1, identity inverse mass, 10 steps, and Stan's tree depth 10. */
    public static final StepParameters DEFAULTS = new StepParameters(0.1, InverseMass.identity(), 10,
            DEFAULT_MAX_TREE_DEPTH);

    /**
     * The tuning a user gives before any adaptation (hamiltorch's {@code step_size},
     * {@code num_steps_per_sample}, {@code inv_mass}), with the default tree depth.
     *
     * @throws IllegalArgumentException naming the first bad argument and its value
     */
    public static StepParameters of(double stepSize, int numSteps, InverseMass inverseMass) {
        return new StepParameters(stepSize, inverseMass, numSteps, DEFAULT_MAX_TREE_DEPTH);
    }

    /** These parameters with another step size. */
    public StepParameters withStepSize(double stepSize) {
        return new StepParameters(stepSize, inverseMass, numSteps, maxTreeDepth);
    }

    /** These parameters with another inverse mass. */
    public StepParameters withInverseMass(InverseMass inverseMass) {
        return new StepParameters(stepSize, inverseMass, numSteps, maxTreeDepth);
    }

    /** These parameters with another number of integration steps. */
    public StepParameters withNumSteps(int numSteps) {
        return new StepParameters(stepSize, inverseMass, numSteps, maxTreeDepth);
    }

    /** These parameters with another largest tree depth. */
    public StepParameters withMaxTreeDepth(int maxTreeDepth) {
        return new StepParameters(stepSize, inverseMass, numSteps, maxTreeDepth);
    }
}
