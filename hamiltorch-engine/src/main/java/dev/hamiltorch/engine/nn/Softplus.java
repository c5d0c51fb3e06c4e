package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation log(1 + eˣ), PyTorch's {@code nn.Softplus} with β = 1, computed stably for every x (PyTorch switches to x above 20, a difference below 2·10⁻⁹). */
public final class Softplus extends NamedFunction {

    private static final Softplus INSTANCE = new Softplus();

    private Softplus() {
        super("Softplus", Tensor::softplus);
    }

    /** The activation (it has no settings, so one instance serves). */
    public static Softplus of() {
        return INSTANCE;
    }
}
