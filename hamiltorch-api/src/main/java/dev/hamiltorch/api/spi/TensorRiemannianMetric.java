package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.api.tensor.TensorFactory;
import java.util.ServiceLoader;

/**
 * A {@link RiemannianMetric} whose G(θ) is written as a differentiable tensor function of θ, for a metric
 * known in closed form (a Fisher information plus a prior's precision, say): ∂G/∂θ comes from reverse-mode
 * automatic differentiation ({@link Autograd}), one backward pass per entry of G's lower triangle, unless
 * the subclass overrides {@link #metricDerivative} with its own. G depends on θ alone, so the target need
 * only give its gradient. Needs a tensor engine (hamiltorch-engine) at run time.
 */
public abstract class TensorRiemannianMetric extends RiemannianMetric {

    /** For subclasses, which {@link java.util.ServiceLoader} creates with their no-argument constructor. */
    protected TensorRiemannianMetric() {
    }

    /**
     * Also refuses, before sampling, to run without a tensor engine, which evaluates G and its derivative.
     *
     * @throws IllegalArgumentException if the target lacks declared derivatives or no {@link TensorFactory}
     *     is on the class or module path
     */
    @Override
    public void checkSupports(Target target) {
        super.checkSupports(target);
        if (ServiceLoader.load(TensorFactory.class).findFirst().isEmpty()) {
            throw new IllegalArgumentException("metric '" + name() + "' is a tensor function of θ and needs a tensor"
                    + " engine at run time: add dev.hamiltorch:hamiltorch-engine to the class or module path");
        }
    }

    /** G(θ) as a D×D tensor, symmetric positive-definite, computed from {@code theta} by tensor operations. */
    protected abstract Tensor metricTensor(Tensor theta);

    /** Evaluates {@link #metricTensor} at θ, without derivatives. */
    @Override
    protected void metric(Point at, double[][] g) {
        double[] theta = at.position();
        double[] values = checkedShape(metricTensor(Tensor.of(theta)), theta.length).toArray();
        int n = theta.length;
        for (int j = 0; j < n; j++) {
            System.arraycopy(values, j * n, g[j], 0, n);
        }
    }

    /** ∂Gⱼₖ/∂θ by automatic differentiation of each entry of the lower triangle, mirrored to the upper. */
    @Override
    protected void metricDerivative(Point at, double[][][] dg) {
        double[] theta = at.position();
        int n = theta.length;
        Tensor variable = Autograd.variable(theta, n);
        Tensor g = checkedShape(metricTensor(variable), n);
        for (int j = 0; j < n; j++) {
            Tensor row = g.index(j);
            for (int k = 0; k <= j; k++) {
                Tensor entry = row.index(k);
                if (!entry.requiresGrad()) {
                    continue; // a constant entry: its derivative is the zero dg starts with
                }
                double[] d = Autograd.grad(entry, variable, false).toArray();
                for (int i = 0; i < n; i++) {
                    dg[i][j][k] = d[i];
                    dg[i][k][j] = d[i];
                }
            }
        }
    }

    private Tensor checkedShape(Tensor g, int n) {
        int[] shape = g.shape();
        if (shape.length != 2 || shape[0] != n || shape[1] != n) {
            throw new IllegalStateException("metric '" + name() + "': metricTensor returned shape "
                    + java.util.Arrays.toString(shape) + ", expected [" + n + ", " + n + "]");
        }
        return g;
    }
}
