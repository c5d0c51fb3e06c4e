package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.function.UnaryOperator;

/** A module without parameters given by its name (as PyTorch's) and a function of its input. */
abstract class NamedFunction extends ParameterFree {

    private final String name;
    private final UnaryOperator<Tensor> function;

    NamedFunction(String name, UnaryOperator<Tensor> function) {
        this.name = name;
        this.function = function;
    }

    @Override
    public final Tensor apply(Tensor x) {
        return function.apply(x);
    }

    @Override
    public final String toString() {
        return name + "()";
    }
}
