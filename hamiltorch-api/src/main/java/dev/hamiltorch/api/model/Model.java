package dev.hamiltorch.api.model;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;

/**
 * A differentiable function f(θ, x) of one flat parameter vector θ and a batch of inputs x: a neural
 * network, or any θ → output map written in tensor operations (a recurrent cell, a physics model).
 *
 * <p>θ is the concatenation of the {@link #parameterBlocks() blocks} in their order, each flattened in
 * row-major order (for layers: registration order, weight before bias). {@link #forward} is a pure
 * function of (θ, x): a model holds no mutable state, so one instance serves every chain at once.
 */
public interface Model {

    /** The parameter tensors in the order they occupy θ. */
    List<ParameterBlock> parameterBlocks();

    /** The length of θ: the sum of the blocks' sizes. */
    default int parameterCount() {
        int n = 0;
        for (ParameterBlock b : parameterBlocks()) {
            n += b.size();
        }
        return n;
    }

    /**
     * The output for the inputs {@code x} (first axis: the batch) at parameters {@code theta} (a
     * vector of length {@link #parameterCount()}), differentiable in both.
     */
    Tensor forward(Tensor theta, Tensor x);
}
