package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation 1 / (1 + e⁻ˣ), PyTorch's {@code nn.Sigmoid}. */
public final class Sigmoid extends NamedFunction {

    private static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
        super("Sigmoid", Tensor::sigmoid);
    }

    /** The activation (it has no settings, so one instance serves). */
    public static Sigmoid of() {
        return INSTANCE;
    }
}
