package dev.hamiltorch.likelihoods;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Tensor;

/**
 * {@code multi-class}: a categorical likelihood on logits z (batch × classes),
 * τ_out · Σₙ (z[n, yₙ] − log Σ_c exp z[n, c]), as hamiltorch's summed cross-entropy.
 */
@AutoService(Likelihood.class)
public final class MultiClass implements Likelihood {

    @Override
    public String name() {
        return MULTI_CLASS;
    }

    @Override
    public Tensor logLikelihood(LikelihoodInput in) {
        Tensor z = in.output();
        Tensor picked = Labels.oneHot(in.targets(), z.shape()[1]).mul(z).sum();
        return picked.sub(z.logSumExp(1).sum()).mul(in.tauOut());
    }

    @Override
    public void checkTargets(Tensor targets, int[] outputShape) {
        Labels.check(name(), targets, outputShape[0], Labels.classes(name(), outputShape));
    }
}
