package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation max(0, x), PyTorch's {@code nn.ReLU}; its derivative is 1 where x &gt; 0 and 0 elsewhere (0 at 0, as PyTorch). */
public final class ReLU extends NamedFunction {

    private static final ReLU INSTANCE = new ReLU();

    private ReLU() {
        super("ReLU", Tensor::relu);
    }

    /** The activation (it has no settings, so one instance serves). */
    public static ReLU of() {
        return INSTANCE;
    }
}
