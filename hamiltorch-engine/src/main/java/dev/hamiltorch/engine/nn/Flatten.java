package dev.hamiltorch.engine.nn;

/**
 * Flattens every axis after the first (the batch) into one, as PyTorch's {@code nn.Flatten()}: an
 * N × C × H × W input becomes N × (C·H·W), in row-major order; an input of rank 2 or less is unchanged.
 */
public final class Flatten extends NamedFunction {

    private static final Flatten INSTANCE = new Flatten();

    private Flatten() {
        super("Flatten", x -> x.rank() <= 2 ? x : x.reshape(x.shape()[0], -1));
    }

    /** The flattening (it has no settings, so one instance serves). */
    public static Flatten of() {
        return INSTANCE;
    }
}
