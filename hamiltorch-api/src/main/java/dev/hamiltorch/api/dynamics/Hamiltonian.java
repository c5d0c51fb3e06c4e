package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.InverseMass;
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

    /**
     * The constant inverse mass M⁻¹ of this Hamiltonian's kinetic energy, or null (the default) when the
     * kinetic energy has none that warm-up could adapt (a position-dependent, Riemannian metric).
     */
    default InverseMass inverseMass() {
        return null;
    }

    /**
     * This Hamiltonian with the inverse mass {@code inverseMass}: what warm-up adaptation uses to retune
     * the mass matrix. The default returns {@code this} when {@link #inverseMass()} is null (there is no
     * mass to change) and otherwise throws, so a metric with a constant mass implements it to have its
     * mass adapted.
     *
     * @throws IllegalArgumentException if {@code inverseMass} does not fit (shape, positive-definiteness)
     * @throws UnsupportedOperationException if this Hamiltonian has a mass it cannot change
     */
    default Hamiltonian withInverseMass(InverseMass inverseMass) {
        if (inverseMass() == null) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getName() + " has a constant inverse mass but does not"
                + " implement withInverseMass, so its mass cannot be adapted");
    }
}
