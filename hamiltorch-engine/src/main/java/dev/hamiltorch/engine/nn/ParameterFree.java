package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;

/** A module without parameters: a function of its input alone. */
abstract class ParameterFree extends Module {

    @Override
    public final List<ParameterBlock> parameterBlocks() {
        return List.of();
    }

    @Override
    public final Tensor apply(List<Tensor> parameters, Tensor x) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException(this + " has no parameters, got " + parameters.size() + " tensors");
        }
        return apply(x);
    }

    /** The output for input {@code x}. */
    public abstract Tensor apply(Tensor x);
}
