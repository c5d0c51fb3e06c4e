package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link Target} whose derivatives come from automatic differentiation of a {@link LogDensity}:
 * gradients by one backward pass, Hessians row by row from a recorded gradient, third-order
 * contractions by differentiating tr(S ∇² log π).
 */
public final class AutodiffTarget implements Target {

    private final LogDensity logDensity;
    private final int dimension;
    /** The shape of θ, shared by every evaluation's variable (shapes are never modified). */
    private final int[] shape;

    /**
     * @param logDensity the log density
     * @param dimension the number of parameters it takes
     */
    public AutodiffTarget(LogDensity logDensity, int dimension) {
        this.logDensity = Objects.requireNonNull(logDensity, "logDensity");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension = " + dimension + ": must be positive");
        }
        this.dimension = dimension;
        this.shape = new int[] {dimension};
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double logDensity(double[] theta) {
        checkLength(theta);
        GradMode.pause();
        try {
            return scalar(logDensity.logProb(JvmTensor.wrap(theta.clone(), shape)));
        } finally {
            GradMode.resume();
        }
    }

    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
        checkLength(theta);
        JvmTensor x = JvmTensor.variableOfShape(theta, shape);
        JvmTensor y = scalarNode(logDensity.logProb(x));
        Autodiff.gradient(y, x, gradient);
        return y.data[0];
    }

    @Override
    public double[][] hessian(double[] theta) {
        checkLength(theta);
        JvmTensor x = JvmTensor.variable(theta);
        Tensor y = logDensity.logProb(x);
        scalar(y);
        double[][] h = new double[dimension][dimension];
        if (!y.requiresGrad()) {
            return h;
        }
        Tensor g = Autodiff.grad(y, x, true);
        for (int i = 0; i < dimension; i++) {
            if (!g.requiresGrad()) {
                break;
            }
            // eᵢᵀ ∂g/∂x is row i of the Hessian
            Tensor row = Autodiff.grad(g, unit(i), new Tensor[] {x}, false)[0];
            System.arraycopy(JvmTensor.of(row).data, 0, h[i], 0, dimension);
        }
        return h;
    }

    @Override
    public double[] thirdOrderContraction(double[] theta, double[][] s) {
        checkLength(theta);
        JvmTensor x = JvmTensor.variable(theta);
        Tensor y = logDensity.logProb(x);
        scalar(y);
        double[] c = new double[dimension];
        if (!y.requiresGrad()) {
            return c;
        }
        Tensor g = Autodiff.grad(y, x, true);
        if (!g.requiresGrad()) {
            return c;
        }
        // tr(S H) = Σⱼ (H sⱼ)ⱼ with sⱼ the columns of S; each H sⱼ is a recorded vector–Jacobian product
        Tensor trace = null;
        for (int j = 0; j < dimension; j++) {
            double[] column = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                column[i] = s[i][j];
            }
            Tensor hs = Autodiff.grad(g, JvmTensor.wrap(column, new int[] {dimension}), new Tensor[] {x}, true)[0];
            Tensor term = hs.mul(unit(j)).sum();
            trace = trace == null ? term : trace.add(term);
        }
        if (!trace.requiresGrad()) {
            return c;
        }
        return JvmTensor.of(Autodiff.grad(trace, x, false)).data.clone();
    }

    @Override
    public double[][][] thirdDerivatives(double[] theta) {
        checkLength(theta);
        JvmTensor x = JvmTensor.variable(theta);
        Tensor y = logDensity.logProb(x);
        scalar(y);
        double[][][] t = new double[dimension][dimension][dimension];
        if (!y.requiresGrad()) {
            return t;
        }
        Tensor g = Autodiff.grad(y, x, true);
        if (!g.requiresGrad()) {
            return t;
        }
        for (int i = 0; i < dimension; i++) {
            Tensor row = Autodiff.grad(g, unit(i), new Tensor[] {x}, true)[0];
            if (!row.requiresGrad()) {
                continue;
            }
            // ∂ₖ Hᵢⱼ for j ≥ i, mirrored: T is symmetric in all three indices
            for (int j = i; j < dimension; j++) {
                double[] dk = JvmTensor.of(Autodiff.grad(row, unit(j), new Tensor[] {x}, false)[0]).data;
                for (int k = 0; k < dimension; k++) {
                    t[k][i][j] = dk[k];
                    t[k][j][i] = dk[k];
                }
            }
        }
        return t;
    }

    private JvmTensor unit(int i) {
        double[] e = new double[dimension];
        e[i] = 1.0;
        return JvmTensor.wrap(e, new int[] {dimension});
    }

    private void checkLength(double[] theta) {
        if (theta.length != dimension) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + dimension);
        }
    }

    /** {@link #scalar}'s checks, keeping the engine's tensor. */
    private static JvmTensor scalarNode(Tensor y) {
        if (y instanceof JvmTensor t && t.data.length == 1) {
            return t;
        }
        scalar(y);
        return JvmTensor.of(y);
    }

    private static double scalar(Tensor y) {
        if (y == null) {
            throw new IllegalArgumentException("log density returned null");
        }
        if (y.size() != 1) {
            throw new IllegalArgumentException("log density must return a scalar, returned shape "
                    + Arrays.toString(y.shape()));
        }
        return y.item();
    }
}
