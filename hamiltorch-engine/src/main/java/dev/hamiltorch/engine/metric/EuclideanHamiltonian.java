package dev.hamiltorch.engine.metric;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.linalg.Cholesky;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = −log π(θ) + ½ pᵀ M⁻¹ p for a constant inverse mass M⁻¹: separable, so the leapfrog
 * integrator applies. One subclass per structure of M⁻¹; every operation is allocation-free.
 * Built (and validated) by {@link EuclideanMetric}.
 */
abstract sealed class EuclideanHamiltonian implements Hamiltonian {

    private final Target target;
    /** The inverse mass as the user or warm-up gave it (this object holds it in a prepared form). */
    private final InverseMass inverseMass;

    EuclideanHamiltonian(Target target, InverseMass inverseMass) {
        this.target = target;
        this.inverseMass = inverseMass;
    }

    @Override
    public final InverseMass inverseMass() {
        return inverseMass;
    }

    /** The same target under another inverse mass, checked as {@link EuclideanMetric} checks the user's. */
    @Override
    public final Hamiltonian withInverseMass(InverseMass inverseMass) {
        return EuclideanMetric.hamiltonian(target, inverseMass);
    }

    @Override
    public final Target target() {
        return target;
    }

    @Override
    public final boolean isSeparable() {
        return true;
    }

    /** M⁻¹ = I: K = ½|p|², velocity p, p ~ N(0, I). */
    static final class Identity extends EuclideanHamiltonian {
        Identity(Target target) {
            super(target, InverseMass.identity());
        }

        @Override
        public double kineticEnergy(double[] theta, double[] momentum) {
            double s = 0;
            for (double p : momentum) {
                s += p * p;
            }
            return 0.5 * s;
        }

        @Override
        public void velocity(double[] theta, double[] momentum, double[] out) {
            System.arraycopy(momentum, 0, out, 0, momentum.length);
        }

        @Override
        public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = rng.nextGaussian();
            }
        }
    }

    /** M⁻¹ = diag(d): the api's {@link DiagonalMassHamiltonian}, which also checks d. */
    static final class Diagonal extends EuclideanHamiltonian {
        private final DiagonalMassHamiltonian kinetic;

        Diagonal(Target target, double[] inverseMass) {
            this(target, new DiagonalMassHamiltonian(target, inverseMass));
        }

        private Diagonal(Target target, DiagonalMassHamiltonian kinetic) {
            super(target, kinetic.inverseMass());
            this.kinetic = kinetic;
        }

        @Override
        public double kineticEnergy(double[] theta, double[] momentum) {
            return kinetic.kineticEnergy(theta, momentum);
        }

        @Override
        public void velocity(double[] theta, double[] momentum, double[] out) {
            kinetic.velocity(theta, momentum, out);
        }

        @Override
        public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
            kinetic.sampleMomentum(rng, theta, out);
        }
    }

    /**
     * M⁻¹ made of dense symmetric positive-definite blocks along the diagonal; a dense M⁻¹ is one
     * block. {@code velocity} must not be given {@code out == momentum}.
     */
    static final class BlockDense extends EuclideanHamiltonian {
        private final Block[] blocks;

        BlockDense(Target target, InverseMass given, Block[] blocks) {
            super(target, given);
            this.blocks = blocks.clone();
        }

        @Override
        public double kineticEnergy(double[] theta, double[] momentum) {
            double s = 0;
            for (Block b : blocks) {
                s += b.quadraticForm(momentum);
            }
            return 0.5 * s;
        }

        @Override
        public void velocity(double[] theta, double[] momentum, double[] out) {
            for (Block b : blocks) {
                b.multiply(momentum, out);
            }
        }

        @Override
        public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
            for (Block b : blocks) {
                b.sampleMomentum(rng, out);
            }
        }
    }

    /** One dense symmetric positive-definite block A of M⁻¹ acting on coordinates [offset, offset + n). */
    static final class Block {
        private final int offset;
        private final int n;
        /** A row-major. */
        private final double[] matrix;
        /** A = L Lᵀ. */
        private final Cholesky cholesky;

        Block(int offset, double[][] a, Cholesky cholesky) {
            this.offset = offset;
            this.n = a.length;
            this.matrix = new double[n * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, matrix, i * n, n);
            }
            this.cholesky = cholesky;
        }

        /** pᵀ A p over the block, using the symmetry of A to halve the work. */
        double quadraticForm(double[] p) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double pi = p[offset + i];
                int row = i * n;
                double offDiagonal = 0;
                for (int j = 0; j < i; j++) {
                    offDiagonal += matrix[row + j] * p[offset + j];
                }
                s += pi * (matrix[row + i] * pi + 2 * offDiagonal);
            }
            return s;
        }

        /** out = A p over the block. */
        void multiply(double[] p, double[] out) {
            for (int i = 0; i < n; i++) {
                int row = i * n;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += matrix[row + j] * p[offset + j];
                }
                out[offset + i] = s;
            }
        }

        /** p = L⁻ᵀ z with z ~ N(0, I): Cov(p) = L⁻ᵀL⁻¹ = (L Lᵀ)⁻¹ = A⁻¹, the mass block. */
        void sampleMomentum(RandomGenerator rng, double[] out) {
            for (int i = 0; i < n; i++) {
                out[offset + i] = rng.nextGaussian();
            }
            cholesky.solveLowerTranspose(out, offset);
        }
    }
}
