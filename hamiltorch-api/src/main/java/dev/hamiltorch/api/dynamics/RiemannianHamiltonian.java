package dev.hamiltorch.api.dynamics;

import java.util.random.RandomGenerator;

/**
 * A Hamiltonian whose metric depends on position (Girolami &amp; Calderhead 2011):
 * H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p, with momentum p ~ N(0, G(θ)).
 * Everything that depends on θ alone lives in the {@link Geometry} at θ, computed once, so that
 * fixed-point iterations over p cost no further derivative evaluations.
 */
public interface RiemannianHamiltonian extends Hamiltonian {

    /** The geometry at θ (cached by implementations for the most recent positions). */
    Geometry geometry(double[] theta);

    @Override
    RiemannianHamiltonian forTrajectory(RandomGenerator rng);

    @Override
    default boolean isSeparable() {
        return false;
    }

    @Override
    default double kineticEnergy(double[] theta, double[] momentum) {
        return geometry(theta).kineticEnergy(momentum);
    }

    @Override
    default void velocity(double[] theta, double[] momentum, double[] out) {
        geometry(theta).velocity(momentum, out);
    }

    @Override
    default void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
        geometry(theta).sampleMomentum(rng, out);
    }

    /**
     * What a Riemannian Hamiltonian knows at one position θ. Values are computed on first use and
     * kept; arrays returned are owned by the geometry and must not be modified.
     */
    interface Geometry {

        double[] position();

        /** log π(θ). */
        double logDensity();

        /** ∇ log π(θ). */
        double[] gradient();

        /**
         * Null when the geometry is usable, else why not (a non-finite log density, a metric that is
         * not positive-definite even after jitter); a proposal that reaches it is rejected.
         */
        dev.hamiltorch.api.kernel.Event failure();

        /** ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p. */
        double kineticEnergy(double[] momentum);

        /** ∂H/∂p = G(θ)⁻¹p, into {@code out}. */
        void velocity(double[] momentum, double[] out);

        /** ∂H/∂θ = −∇log π + ½ tr(G⁻¹∂ᵢG) − ½ uᵀ(∂ᵢG)u with u = G⁻¹p, into {@code out}. */
        void positionGradient(double[] momentum, double[] out);

        /** Draws p ~ N(0, G(θ)) into {@code out}. */
        void sampleMomentum(RandomGenerator rng, double[] out);
    }
}
