package dev.hamiltorch.engine.metric;

import dev.hamiltorch.api.spi.TensorRiemannianMetric;
import dev.hamiltorch.api.tensor.Tensor;

/**
 * The Fisher information of a logistic regression with design X plus a N(0, τ⁻¹I) prior's precision,
 * G(θ) = Xᵀ diag(σ(Xθ)(1 − σ(Xθ))) X + τI, written as a tensor function: ∂G/∂θ comes from autodiff.
 */
// tag::tensor-metric[]
public class FisherPlusPriorMetric extends TensorRiemannianMetric {

    static final double[][] DESIGN = {{1, 0.5}, {1, -1.5}, {1, 2}, {0.3, 1}};
    static final double PRIOR_PRECISION = 0.5;

    @Override
    public String name() {
        return "fisher-plus-prior";
    }

    @Override
    protected Tensor metricTensor(Tensor theta) {
        Tensor x = Tensor.of(DESIGN);
        Tensor s = x.matvec(theta).sigmoid();
        Tensor w = s.mul(s.neg().add(1)).reshape(DESIGN.length, 1);
        double[] prior = new double[theta.size() * theta.size()];
        for (int i = 0; i < theta.size(); i++) {
            prior[i * theta.size() + i] = PRIOR_PRECISION;
        }
        return x.mul(w).transpose().matmul(x).add(Tensor.of(prior, theta.size(), theta.size()));
    }
}
// end::tensor-metric[]
