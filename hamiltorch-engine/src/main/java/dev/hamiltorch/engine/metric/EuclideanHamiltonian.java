package dev.hamiltorch.engine.metric;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.linalg.Cholesky;
import java.util.Arrays;
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

    /**
     * One dense symmetric positive-definite block A of M⁻¹ acting on coordinates [offset, offset + n).
     * A is exactly symmetric (the metric averages the two triangles), so row j of A is also its column j:
     * the products below are sums of A's columns, contiguous axpy loops over separate row arrays that the
     * JIT vectorises, and they still add each output's terms in order of j, as a row-by-row dot product
     * would, so their values are that product's bit for bit.
     */
    static final class Block {
        private final int offset;
        private final int n;
        /** A's rows (= its columns). */
        private final double[][] rows;
        /** A = L Lᵀ. */
        private final Cholesky cholesky;
        /** A work array of n per thread (chains share a Hamiltonian), so the products allocate nothing. */
        private final ThreadLocal<double[]> scratch;

        /** @throws IllegalArgumentException if {@code a} is not exactly symmetric */
        Block(int offset, double[][] a, Cholesky cholesky) {
            this.offset = offset;
            this.n = a.length;
            this.rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = a[i].clone();
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (Double.doubleToRawLongBits(rows[i][j]) != Double.doubleToRawLongBits(rows[j][i])) {
                        throw new IllegalArgumentException("block [" + i + "][" + j + "] = " + rows[i][j] + " but ["
                                + j + "][" + i + "] = " + rows[j][i] + ": must be exactly symmetric");
                    }
                }
            }
            this.cholesky = cholesky;
            this.scratch = ThreadLocal.withInitial(() -> new double[n]);
        }

        /**
         * pᵀ A p over the block, using the symmetry of A to halve the work:
         * Σᵢ pᵢ (Aᵢᵢ pᵢ + 2 Σ_{j &lt; i} Aᵢⱼ pⱼ), each inner sum added in order of j.
         */
        double quadraticForm(double[] p) {
            // offDiagonal[i] = Σ_{j < i} Aⱼᵢ pⱼ: row j's part right of the diagonal, added in order of j
            double[] offDiagonal = scratch.get();
            Arrays.fill(offDiagonal, 0.0);
            int j = 0;
            for (; j + 3 < n - 1; j += 4) {
                // the triangle of the four rows' own columns, then the rest of their rows
                double p0 = p[offset + j];
                double p1 = p[offset + j + 1];
                double p2 = p[offset + j + 2];
                offDiagonal[j + 1] += rows[j][j + 1] * p0;
                offDiagonal[j + 2] = offDiagonal[j + 2] + rows[j][j + 2] * p0 + rows[j + 1][j + 2] * p1;
                offDiagonal[j + 3] = offDiagonal[j + 3] + rows[j][j + 3] * p0 + rows[j + 1][j + 3] * p1
                        + rows[j + 2][j + 3] * p2;
                addFourRows(offDiagonal, p, j, j + 4);
            }
            for (; j < n - 1; j++) {
                addRow(offDiagonal, p, j, j + 1);
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                double pi = p[offset + i];
                s += pi * (rows[i][i] * pi + 2 * offDiagonal[i]);
            }
            return s;
        }

        /** out = A p over the block: outᵢ = Σⱼ Aᵢⱼ pⱼ in order of j, as Σⱼ pⱼ · (column j of A). */
        void multiply(double[] p, double[] out) {
            // one index for the row and the sum, so the JIT sees the loop cannot overlap itself
            double[] sum = offset == 0 ? out : scratch.get();
            Arrays.fill(sum, 0, n, 0.0);
            int j = 0;
            for (; j + 3 < n; j += 4) {
                addFourRows(sum, p, j, 0);
            }
            for (; j < n; j++) {
                addRow(sum, p, j, 0);
            }
            if (sum != out) {
                System.arraycopy(sum, 0, out, offset, n);
            }
        }

        /**
         * sum[i] += A[j][i]·p[j] + … + A[j+3][i]·p[j+3] for i in [from, n), the four terms added in order of
         * j: one load and store of sum[i] for four rows, in a loop the JIT vectorises.
         */
        private void addFourRows(double[] sum, double[] p, int j, int from) {
            double p0 = p[offset + j];
            double p1 = p[offset + j + 1];
            double p2 = p[offset + j + 2];
            double p3 = p[offset + j + 3];
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double[] r2 = rows[j + 2];
            double[] r3 = rows[j + 3];
            for (int i = from; i < n; i++) {
                sum[i] = sum[i] + r0[i] * p0 + r1[i] * p1 + r2[i] * p2 + r3[i] * p3;
            }
        }

        /** sum[i] += A[j][i]·p[j] for i in [from, n). */
        private void addRow(double[] sum, double[] p, int j, int from) {
            double pj = p[offset + j];
            double[] row = rows[j];
            for (int i = from; i < n; i++) {
                sum[i] += row[i] * pj;
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
