package dev.hamiltorch.api.tensor;

import java.util.ServiceLoader;

/**
 * Creates tensors; implemented by an engine and found with {@link ServiceLoader}. The static
 * factories of {@link Tensor} go through the first provider found.
 */
public interface TensorFactory {

    Tensor vector(double[] values);

    Tensor matrix(double[][] rows);

    Tensor array(double[] data, int[] shape);

    Tensor scalar(double value);

    Tensor full(double value, int[] shape);

    Tensor concat(int axis, Tensor[] parts);

    Tensor stack(int axis, Tensor[] parts);

    Tensor where(Tensor condition, Tensor a, Tensor b);

    /** A tensor over {@code data} (a copy) that derivatives can be taken with respect to. */
    Tensor variable(double[] data, int[] shape);

    /**
     * ∂output/∂inputs for a scalar {@code output}, one tensor per input in its shape; with
     * {@code createGraph} the results are themselves differentiable (higher orders).
     */
    Tensor[] grad(Tensor output, Tensor[] inputs, boolean createGraph);

    /** The engine's factory, found once. */
    static TensorFactory provider() {
        return Holder.INSTANCE;
    }

    /** Lazy, thread-safe lookup (class initialisation runs once). */
    final class Holder {
        private Holder() {
        }

        static final TensorFactory INSTANCE = ServiceLoader.load(TensorFactory.class)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no tensor engine found: add dev.hamiltorch:hamiltorch-engine to the class or module path"));
    }
}
