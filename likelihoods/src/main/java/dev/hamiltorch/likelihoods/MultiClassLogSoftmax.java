package dev.hamiltorch.likelihoods;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Tensor;

/**
 * {@code multi-class-log-softmax}: a categorical likelihood on log probabilities ℓ (batch × classes, a model
 * ending in log-softmax), τ_out · Σₙ ℓ[n, yₙ]. Summed: hamiltorch's {@code multi_class_log_softmax_output}
 * averages over the batch (its {@code NLLLoss} default), which divides the log likelihood by N and so
 * weakens the data N-fold against the prior; this one is the likelihood of the data.
 */
@AutoService(Likelihood.class)
public final class MultiClassLogSoftmax implements Likelihood {

    @Override
    public String name() {
        return MULTI_CLASS_LOG_SOFTMAX;
    }

    @Override
    public Tensor logLikelihood(LikelihoodInput in) {
        Tensor logProb = in.output();
        return Labels.oneHot(in.targets(), logProb.shape()[1]).mul(logProb).sum().mul(in.tauOut());
    }

    @Override
    public void checkTargets(Tensor targets, int[] outputShape) {
        Labels.check(name(), targets, outputShape[0], Labels.classes(name(), outputShape));
    }
}
