package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.linalg.Triangular;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The multivariate normal log density with a constant covariance Σ = L Lᵀ, as one operation of this
 * engine:
 * <pre>  log p(x) = −½ (|z|² + log det Σ + d log 2π),   z = L⁻¹ (x − μ),</pre>
 * whose gradient is ∂/∂x = −L⁻ᵀ z = −Σ⁻¹ (x − μ). L, Lᵀ and log det Σ are computed once; a gradient
 * then costs two triangular solves, the forward one (z) kept from the evaluation for the backward one.
 * The chain of tensor operations it replaces (a Cholesky solve, a product, a sum and a log determinant)
 * refactored Σ at each eager evaluation and took four triangular solves per gradient.
 *
 * <p>The solves run column by column ({@link Triangular#solveLowerByColumns},
 * {@link Triangular#solveLowerTransposeByColumns}): contiguous loops the JIT vectorises. The values
 * therefore differ from the chain's in the last bits (the sums are taken in another order), but eager
 * evaluation, replay and every order of derivative use the same kernels and agree bit for bit.
 * The backward rule is written in differentiable operations (two linear operations, z = L⁻¹b and
 * L⁻ᵀb, each the other's adjoint), so Hessians and higher derivatives go through it.
 *
 * <p>Immutable and shareable between threads: each evaluation's node holds its own z.
 */
public final class ConstantCovarianceNormal {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final int dimension;
    /** L's rows, zeros right of the diagonal. */
    private final double[][] lowerRows;
    /** Lᵀ's rows (L's columns), zeros left of the diagonal. */
    private final double[][] lowerTransposeRows;
    /** log det Σ = 2 Σᵢ log Lᵢᵢ. */
    private final double logDeterminant;
    private final Whitening whiten = new Whitening(false);
    private final Whitening unwhiten = new Whitening(true);

    private ConstantCovarianceNormal(double[] lower, int d) {
        this.dimension = d;
        this.lowerRows = new double[d][];
        this.lowerTransposeRows = new double[d][d];
        for (int i = 0; i < d; i++) {
            lowerRows[i] = new double[d];
            System.arraycopy(lower, i * d, lowerRows[i], 0, i + 1);
            for (int j = 0; j <= i; j++) {
                lowerTransposeRows[j][i] = lower[i * d + j];
            }
        }
        this.logDeterminant = 2.0 * Triangular.logDeterminant(lower, d);
    }

    /**
     * The density of N(μ, Σ) for the constant d×d {@code covariance}, factored as the engine's
     * {@link Tensor#solve} factors it: the Cholesky factor of (Σ + Σᵀ)/2.
     *
     * @throws dev.hamiltorch.api.DomainException if Σ is not symmetric positive-definite
     * @throws IllegalArgumentException if {@code covariance} requires gradients or is not square
     */
    public static ConstantCovarianceNormal ofCovariance(Tensor covariance) {
        JvmTensor c = constantSquare(covariance, "covariance");
        return new ConstantCovarianceNormal(LinearAlgebra.factor(c.data(), c.shape[0]), c.shape[0]);
    }

    /**
     * The density of N(μ, L Lᵀ) for the constant lower-triangular {@code scaleTril} L (the caller checks
     * that its diagonal is positive; entries above it are not read).
     *
     * @throws IllegalArgumentException if {@code scaleTril} requires gradients or is not square
     */
    public static ConstantCovarianceNormal ofScaleTril(Tensor scaleTril) {
        JvmTensor l = constantSquare(scaleTril, "scaleTril");
        int d = l.shape[0];
        double[] lower = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(l.data(), i * d, lower, i * d, i + 1);
        }
        return new ConstantCovarianceNormal(lower, d);
    }

    private static JvmTensor constantSquare(Tensor m, String name) {
        if (m.requiresGrad()) {
            throw new IllegalArgumentException(name + " requires gradients: only a constant one is factored once");
        }
        int[] shape = m.shape();
        if (shape.length != 2 || shape[0] != shape[1] || shape[0] == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty square matrix, got shape "
                    + Arrays.toString(shape));
        }
        return JvmTensor.of(m);
    }

    /** The dimension d. */
    public int dimension() {
        return dimension;
    }

    /**
     * log p of each vector along the last axis of {@code value} (shape [..., d], giving shape [...]), for
     * the mean {@code loc} (shape [d]); null when either belongs to another engine (the caller then
     * computes the density with tensor operations).
     *
     * @throws IllegalArgumentException if the shapes do not fit d
     */
    public Tensor logProb(Tensor value, Tensor loc) {
        if (!(value instanceof JvmTensor x && loc instanceof JvmTensor mu)) {
            return null;
        }
        int[] shape = x.shape;
        if (shape.length == 0 || shape[shape.length - 1] != dimension || mu.shape.length != 1
                || mu.shape[0] != dimension) {
            throw new IllegalArgumentException("value must have shape [..., " + dimension + "] and loc [" + dimension
                    + "], got " + Arrays.toString(shape) + " and " + Arrays.toString(mu.shape));
        }
        int batch = x.size() / dimension;
        double[] out = new double[batch];
        Density rule = new Density(new double[x.size()]);
        rule.evaluate(x.data(), mu.data(), out);
        return JvmTensor.op2(out, Arrays.copyOf(shape, shape.length - 1), rule, x, mu);
    }

    /**
     * z = L⁻¹ (x − μ) for each vector into {@code whitened}, and the densities into {@code out}:
     * ((|z|² + log det Σ) + d log 2π) · −½, the chain's order of operations.
     */
    private void density(double[] x, double[] mu, double[] whitened, double[] out) {
        int d = dimension;
        double[] z = new double[d];
        for (int b = 0; b < out.length; b++) {
            int base = b * d;
            for (int i = 0; i < d; i++) {
                z[i] = x[base + i] - mu[i];
            }
            Triangular.solveLowerByColumns(lowerTransposeRows, z);
            double q = 0;
            for (int i = 0; i < d; i++) {
                q += z[i] * z[i];
            }
            System.arraycopy(z, 0, whitened, base, d);
            out[b] = ((q + logDeterminant) + d * LOG_TWO_PI) * -0.5;
        }
    }

    /** L⁻¹ (or L⁻ᵀ if {@code transposed}) applied to each d-vector of {@code values}, into {@code out}. */
    private void solveEach(double[] values, boolean transposed, double[] out) {
        int d = dimension;
        double[] v = new double[d]; // one array per solve: its loop then indexes nothing else's offsets
        for (int base = 0; base < values.length; base += d) {
            System.arraycopy(values, base, v, 0, d);
            if (transposed) {
                Triangular.solveLowerTransposeByColumns(lowerRows, v);
            } else {
                Triangular.solveLowerByColumns(lowerTransposeRows, v);
            }
            System.arraycopy(v, 0, out, base, d);
        }
    }

    /**
     * The density's rule for one evaluation, holding that evaluation's z = L⁻¹ (x − μ) (rewritten by a
     * replay): the first-order backward pass needs only the solve by Lᵀ after it. Its graph-building
     * backward computes the same values in differentiable operations: with w = L⁻ᵀ L⁻¹ (x − μ),
     * ∂x = −(w·g) and ∂μ = Σ over the batch of w·g.
     */
    private final class Density implements Backward, Recomputable {
        private final double[] whitened;

        Density(double[] whitened) {
            this.whitened = whitened;
        }

        void evaluate(double[] x, double[] mu, double[] out) {
            density(x, mu, whitened, out);
        }

        @Override
        public void recompute(JvmTensor node) {
            evaluate(node.parents[0].data(), node.parents[1].data(), node.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor x = node.parents[0];
            JvmTensor mu = node.parents[1];
            int batch = node.size();
            JvmTensor diff = x.sub(mu).reshape(batch, dimension);
            JvmTensor w = unwhiten.of(whiten.of(diff));
            JvmTensor wg = w.mul(g.reshape(batch, 1));
            return new JvmTensor[] {x.requiresGrad ? wg.neg().reshape(x.shape) : null,
                                    mu.requiresGrad ? wg.sum(0) : null};
        }

        /** ∂x from the kept z, when μ needs no gradient; otherwise {@link #apply}'s operations. */
        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor x = node.parents[0];
            if (grads.wants(node.parents[1]) || !grads.wants(x)) {
                Backward.super.accumulate(node, g, grads);
                return;
            }
            double[] gx = new double[whitened.length];
            solveEach(whitened, true, gx);
            int d = dimension;
            for (int b = 0; b < g.length; b++) {
                double gb = g[b];
                int base = b * d;
                for (int i = 0; i < d; i++) {
                    gx[base + i] = -(gx[base + i] * gb);
                }
            }
            grads.add(x, gx);
        }
    }

    /**
     * The linear operation b ↦ L⁻¹b (or L⁻ᵀb if {@code transposed}) on each row of a [batch, d] tensor;
     * its backward is the other one, its adjoint.
     */
    private final class Whitening implements Backward, Recomputable {
        private final boolean transposed;

        Whitening(boolean transposed) {
            this.transposed = transposed;
        }

        JvmTensor of(JvmTensor b) {
            double[] out = new double[b.size()];
            solveEach(b.data(), transposed, out);
            return JvmTensor.op1(out, b.shape, this, 0.0, b);
        }

        @Override
        public void recompute(JvmTensor node) {
            solveEach(node.parents[0].data(), transposed, node.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {(transposed ? whiten : unwhiten).of(g.reshape(node.shape))};
        }
    }
}
