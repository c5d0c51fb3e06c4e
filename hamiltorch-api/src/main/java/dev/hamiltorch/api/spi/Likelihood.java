package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * The log likelihood of data given a model, for Bayesian neural networks (hamiltorch's
 * {@code model_loss}). It sees the whole {@link LikelihoodInput}: the model, θ, the inputs, the targets,
 * the model's output and the output precision τ_out, so a likelihood may differentiate the model with
 * respect to its inputs (a physics-informed network's ∂output/∂x, with
 * {@link dev.hamiltorch.api.tensor.Autograd}), not only compare output and target.
 *
 * <p>The built-in likelihoods (module {@code likelihoods}) scale the log likelihood by τ_out as
 * hamiltorch does and sum over the batch.
 */
public interface Likelihood extends Named {

    /** Bernoulli on a logit output, summed (hamiltorch's {@code binary_class_linear_output}). */
    String BINARY_CLASS = "binary-class";
    /** Categorical on logit outputs, summed (hamiltorch's {@code multi_class_linear_output}). */
    String MULTI_CLASS = "multi-class";
    /**
     * Categorical on log-probability outputs, summed (hamiltorch's {@code multi_class_log_softmax_output},
     * which averages instead and so weakens the likelihood N-fold).
     */
    String MULTI_CLASS_LOG_SOFTMAX = "multi-class-log-softmax";
    /** Normal with precision τ_out around each output (hamiltorch's {@code regression}). */
    String REGRESSION = "regression";

    /**
     * log p(targets | θ, inputs), a scalar differentiable in θ (through {@link LikelihoodInput#output()}
     * or by calling the model itself) and in {@link LikelihoodInput#tauOut()}.
     */
    Tensor logLikelihood(LikelihoodInput input);

    /**
     * Checks, before sampling, that {@code targets} can be data of this likelihood for a model whose
     * output has shape {@code outputShape} (first axis: the batch): labels inside the classes, matching
     * shapes. The default accepts anything.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    default void checkTargets(Tensor targets, int[] outputShape) {
    }
}
