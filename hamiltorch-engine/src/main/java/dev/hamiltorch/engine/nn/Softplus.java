package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/** The elementwise activation log(1 + eˣ), PyTorch's {@code nn.Softplus} with β = 1, computed stably for every x (PyTorch switches to x above 20, a difference below 2·10⁻⁹). */
public final class Softplus extends ParameterFree {

    private static final Softplus INSTANCE = new Softplus();

    private Softplus() {
    }

    /** The activation (it has no settings, so one instance serves). */
    public static Softplus of() {
        return INSTANCE;
    }

    @Override
    public Tensor apply(Tensor x) {
        return x.softplus();
    }

    @Override
    public String toString() {
        return "Softplus()";
    }
}
