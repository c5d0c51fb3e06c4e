package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * What a {@link Likelihood} sees for one batch of data.
 *
 * @param model the model f(θ, x)
 * @param theta the model's parameters, a vector of length {@link Model#parameterCount()}
 * @param inputs the batch's inputs x (first axis: the batch); a constant
 * @param targets the batch's observed values y (first axis: the batch); a constant
 * @param output {@code model.forward(theta, inputs)}, computed once by the caller
 * @param tauOut the output precision τ_out, a scalar: a constant, or a function of the sampled
 *        parameters when τ_out is sampled
 */
public record LikelihoodInput(Model model, Tensor theta, Tensor inputs, Tensor targets, Tensor output,
                              Tensor tauOut) {

    /** Checks that nothing is null. */
    public LikelihoodInput {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(tauOut, "tauOut");
    }
}
