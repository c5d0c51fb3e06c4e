package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * Flattens every axis after the first (the batch) into one, as PyTorch's {@code nn.Flatten()}: an
 * N × C × H × W input becomes N × (C·H·W), in row-major order.
 */
public final class Flatten extends ParameterFree {

    private static final Flatten INSTANCE = new Flatten();

    private Flatten() {
    }

    /** The flattening (it has no settings, so one instance serves). */
    public static Flatten of() {
        return INSTANCE;
    }

    @Override
    public Tensor apply(Tensor x) {
        if (x.rank() <= 2) {
            return x;
        }
        return x.reshape(x.shape()[0], -1);
    }

    @Override
    public String toString() {
        return "Flatten()";
    }
}
