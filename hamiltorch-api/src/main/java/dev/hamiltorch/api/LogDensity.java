package dev.hamiltorch.api;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * An unnormalised log probability density written as a tensor expression: hamiltorch's
 * {@code log_prob_func}. It receives the parameters as a vector and returns a scalar.
 */
@FunctionalInterface
public interface LogDensity {

    /** log π(θ) up to a constant, as a scalar tensor differentiable in {@code params}. */
    Tensor logProb(Tensor params);
}
