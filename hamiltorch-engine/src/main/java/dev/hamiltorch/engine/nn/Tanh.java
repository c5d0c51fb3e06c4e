package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation tanh(x), PyTorch's {@code nn.Tanh}. */
public final class Tanh extends ParameterFree {

    private static final Tanh INSTANCE = new Tanh();

    private Tanh() {
    }

    /** The activation (it has no settings, so one instance serves). */
    public static Tanh of() {
        return INSTANCE;
    }

    @Override
    public Tensor apply(Tensor x) {
        return x.tanh();
    }

    @Override
    public String toString() {
        return "Tanh()";
    }
}
