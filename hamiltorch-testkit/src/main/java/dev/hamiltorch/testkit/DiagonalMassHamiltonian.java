package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = −log π(θ) + ½ Σᵢ mᵢ⁻¹ pᵢ², the Euclidean Hamiltonian with a diagonal inverse mass (the identity
 * when none is given), so that integrator and sampler tests need no engine for a separable Hamiltonian.
 */
public final class DiagonalMassHamiltonian implements Hamiltonian {

    private final Target target;
    private final double[] inverseMass;

    /**
     * The Hamiltonian of {@code target} with inverse masses {@code inverseMass} (one per parameter), or unit
     * masses when none are given.
     *
     * @throws IllegalArgumentException if inverse masses are given but not one per parameter, or one is not
     *     positive and finite
     */
    public DiagonalMassHamiltonian(Target target, double... inverseMass) {
        this.target = Objects.requireNonNull(target, "target");
        int d = target.dimension();
        if (inverseMass.length == 0) {
            this.inverseMass = new double[d];
            Arrays.fill(this.inverseMass, 1.0);
        } else if (inverseMass.length != d) {
            throw new IllegalArgumentException("inverseMass has " + inverseMass.length + " entries for a target of"
                    + " dimension " + d);
        } else {
            for (double m : inverseMass) {
                if (!(m > 0) || Double.isInfinite(m)) {
                    throw new IllegalArgumentException("inverseMass = " + Arrays.toString(inverseMass)
                            + ": every entry must be positive and finite");
                }
            }
            this.inverseMass = inverseMass.clone();
        }
    }

    @Override
    public Target target() {
        return target;
    }

    /** ½ Σᵢ mᵢ⁻¹ pᵢ². */
    @Override
    public double kineticEnergy(double[] theta, double[] momentum) {
        double k = 0;
        for (int i = 0; i < momentum.length; i++) {
            k += inverseMass[i] * momentum[i] * momentum[i];
        }
        return 0.5 * k;
    }

    /** M⁻¹p. */
    @Override
    public void velocity(double[] theta, double[] momentum, double[] out) {
        for (int i = 0; i < momentum.length; i++) {
            out[i] = inverseMass[i] * momentum[i];
        }
    }

    /** p ~ N(0, M). */
    @Override
    public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextGaussian() / Math.sqrt(inverseMass[i]);
        }
    }
}
