package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = −log π(θ) + ½|p|², the Euclidean Hamiltonian with unit mass, so that integrator and sampler
 * tests need no engine for a separable Hamiltonian.
 */
public final class UnitMassHamiltonian implements Hamiltonian {

    private final Target target;

    /** The unit-mass Hamiltonian of {@code target}. */
    public UnitMassHamiltonian(Target target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public Target target() {
        return target;
    }

    /** ½|p|². */
    @Override
    public double kineticEnergy(double[] theta, double[] momentum) {
        double k = 0;
        for (double v : momentum) {
            k += 0.5 * v * v;
        }
        return k;
    }

    /** p. */
    @Override
    public void velocity(double[] theta, double[] momentum, double[] out) {
        System.arraycopy(momentum, 0, out, 0, momentum.length);
    }

    /** p ~ N(0, I). */
    @Override
    public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = rng.nextGaussian();
        }
    }
}
