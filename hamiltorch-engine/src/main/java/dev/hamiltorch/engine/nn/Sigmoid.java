package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation 1 / (1 + e⁻ˣ), PyTorch's {@code nn.Sigmoid}. */
public final class Sigmoid extends ParameterFree {

    private static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
    }

    /** The activation (it has no settings, so one instance serves). */
    public static Sigmoid of() {
        return INSTANCE;
    }

    @Override
    public Tensor apply(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
