package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation tanh(x), PyTorch's {@code nn.Tanh}. */
public final class Tanh extends NamedFunction {

    private static final Tanh INSTANCE = new Tanh();

    private Tanh() {
        super("Tanh", Tensor::tanh);
    }

    /** The activation (it has no settings, so one instance serves). */
    public static Tanh of() {
        return INSTANCE;
    }
}
