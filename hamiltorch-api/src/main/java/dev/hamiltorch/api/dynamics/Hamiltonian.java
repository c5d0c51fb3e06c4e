package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.Target;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = −log π(θ) + K(θ, p): a target together with the kinetic energy a metric defines.
 * For a Euclidean metric K does not depend on θ and the Hamiltonian is separable.
 */
public interface Hamiltonian {

    /** The target whose log density is the negative potential energy. */
    Target target();

    /** Number of parameters D. */
    default int dimension() {
        return target().dimension();
    }

    /** K(θ, p). */
    double kineticEnergy(double[] theta, double[] momentum);

    /** ∂K/∂p at (θ, p), written into {@code out}: the velocity dθ/dt. */
    void velocity(double[] theta, double[] momentum, double[] out);

    /** Draws p ~ N(0, M(θ)) into {@code out}. */
    void sampleMomentum(RandomGenerator rng, double[] theta, double[] out);

    /** Whether K depends on p only (then the leapfrog integrator applies). */
    default boolean isSeparable() {
        return true;
    }

    /**
     * The Hamiltonian to use for one trajectory. A metric with random jitter draws it here, once, so
     * that H is one deterministic function inside a trajectory; others return themselves.
     */
    default Hamiltonian forTrajectory(RandomGenerator rng) {
        return this;
    }

    /** H at a phase point whose log density is already known. */
    default double energy(PhasePoint point) {
        return -point.logDensity() + kineticEnergy(point.position(), point.momentum());
    }
}
