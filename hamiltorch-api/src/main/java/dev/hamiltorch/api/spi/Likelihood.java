package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * The log likelihood of data given a model's output, for Bayesian neural networks
 * (hamiltorch's {@code model_loss}).
 */
public interface Likelihood extends Named {

    /** Bernoulli on a logit output (hamiltorch's {@code binary_class_linear_output}). */
    String BINARY_CLASS = "binary-class";
    /** Categorical on logit outputs (hamiltorch's {@code multi_class_linear_output}). */
    String MULTI_CLASS = "multi-class";
    /** Normal with precision {@code tauOut} around the output (hamiltorch's {@code regression}). */
    String REGRESSION = "regression";

    /**
     * Σ over the batch of log p(y | output), differentiable in {@code output}.
     *
     * @param output the model's output for a batch
     * @param targets the observed values for that batch
     * @param tauOut output precision (used by regression; 1 for classification)
     */
    Tensor logLikelihood(Tensor output, Tensor targets, double tauOut);
}
