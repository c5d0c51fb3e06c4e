package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = −log π(θ) + ½ Σᵢ dᵢ pᵢ², the Euclidean Hamiltonian with a diagonal inverse mass M⁻¹ = diag(d)
 * (the identity when none is given): velocity dᵢ pᵢ, momentum pᵢ = zᵢ / √dᵢ with z ~ N(0, I). The engine's
 * Euclidean metric uses it for a diagonal {@code invMass}, and plugin tests use it as a separable Hamiltonian
 * without the engine. Immutable; every operation is allocation-free.
 */
public final class DiagonalMassHamiltonian implements Hamiltonian {

    private final Target target;
    private final double[] inverseMass;
    /** 1/√dᵢ: the standard deviation of pᵢ, since Mᵢᵢ = 1/dᵢ. */
    private final double[] momentumScale;

    /**
     * The Hamiltonian of {@code target} with inverse masses {@code inverseMass} (one per parameter), or unit
     * masses when none are given.
     *
     * @throws IllegalArgumentException naming {@code invMass} if inverse masses are given but not one per
     *     parameter, or one is not positive and finite
     */
    public DiagonalMassHamiltonian(Target target, double... inverseMass) {
        this.target = Objects.requireNonNull(target, "target");
        int d = target.dimension();
        if (inverseMass.length == 0) {
            this.inverseMass = new double[d];
            Arrays.fill(this.inverseMass, 1.0);
        } else {
            if (inverseMass.length != d) {
                throw new IllegalArgumentException("invMass is a diagonal of length " + inverseMass.length
                        + " but the target has dimension " + d);
            }
            for (int i = 0; i < d; i++) {
                if (!(inverseMass[i] > 0) || Double.isInfinite(inverseMass[i])) {
                    throw new IllegalArgumentException("invMass[" + i + "] = " + inverseMass[i]
                            + ": diagonal entries must be positive and finite");
                }
            }
            this.inverseMass = inverseMass.clone();
        }
        this.momentumScale = new double[d];
        for (int i = 0; i < d; i++) {
            momentumScale[i] = 1.0 / Math.sqrt(this.inverseMass[i]);
        }
    }

    @Override
    public Target target() {
        return target;
    }

    /** ½ Σᵢ dᵢ pᵢ². */
    @Override
    public double kineticEnergy(double[] theta, double[] momentum) {
        double s = 0;
        for (int i = 0; i < momentum.length; i++) {
            s += inverseMass[i] * momentum[i] * momentum[i];
        }
        return 0.5 * s;
    }

    /** M⁻¹p = (dᵢ pᵢ). */
    @Override
    public void velocity(double[] theta, double[] momentum, double[] out) {
        for (int i = 0; i < momentum.length; i++) {
            out[i] = inverseMass[i] * momentum[i];
        }
    }

    /** p ~ N(0, M): pᵢ = zᵢ / √dᵢ. */
    @Override
    public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = momentumScale[i] * rng.nextGaussian();
        }
    }

    /** diag(d). */
    @Override
    public InverseMass inverseMass() {
        return InverseMass.diagonal(inverseMass);
    }

    /**
     * The same target with an identity or diagonal inverse mass.
     *
     * @throws IllegalArgumentException if {@code inverseMass} is dense or block-diagonal, or does not fit
     */
    @Override
    public Hamiltonian withInverseMass(InverseMass inverseMass) {
        if (inverseMass instanceof InverseMass.Identity) {
            return new DiagonalMassHamiltonian(target);
        } else if (inverseMass instanceof InverseMass.Diagonal diagonal) {
            return new DiagonalMassHamiltonian(target, diagonal.values());
        }
        throw new IllegalArgumentException("inverseMass = " + inverseMass + ": a DiagonalMassHamiltonian takes an"
                + " identity or diagonal inverse mass only");
    }
}
