package dev.hamiltorch.api.tensor;

/**
 * Derivatives of tensor functions, for code that depends on the api alone (a metric plugin taking
 * ∂G/∂θ, a likelihood taking ∂output/∂x): reverse-mode automatic differentiation by the engine found
 * through {@link TensorFactory}.
 */
public final class Autograd {

    private Autograd() {
    }

    /** A tensor over {@code data} (a copy) that derivatives can be taken with respect to. */
    public static Tensor variable(double[] data, int... shape) {
        return TensorFactory.provider().variable(data, shape);
    }

    /**
     * ∂output/∂inputs for a scalar {@code output}, one tensor per input in its shape (zeros where the
     * output does not depend on it).
     *
     * @param createGraph whether the results are themselves differentiable, for higher derivatives
     * @throws IllegalArgumentException if {@code output} is not a scalar
     */
    public static Tensor[] grad(Tensor output, Tensor[] inputs, boolean createGraph) {
        return TensorFactory.provider().grad(output, inputs, createGraph);
    }

    /** ∂output/∂input for a scalar {@code output}; see {@link #grad(Tensor, Tensor[], boolean)}. */
    public static Tensor grad(Tensor output, Tensor input, boolean createGraph) {
        return grad(output, new Tensor[] {input}, createGraph)[0];
    }
}
