package dev.hamiltorch.likelihoods;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code binary-class}: a Bernoulli likelihood on one logit z per row (output of shape [N] or [N, 1]),
 * τ_out · Σₙ (yₙ zₙ − log(1 + exp zₙ)), as hamiltorch's summed binary cross-entropy on logits.
 */
@AutoService(Likelihood.class)
public final class BinaryClass implements Likelihood {

    @Override
    public String name() {
        return BINARY_CLASS;
    }

    @Override
    public Tensor logLikelihood(LikelihoodInput in) {
        Tensor z = in.output();
        int n = Labels.rows(z);
        Tensor logits = z.reshape(n);
        Tensor y = in.targets().reshape(n);
        return y.mul(logits).sub(logits.softplus()).sum().mul(in.tauOut());
    }

    @Override
    public void checkTargets(Tensor targets, int[] outputShape) {
        if (!(outputShape.length == 1 || outputShape.length == 2 && outputShape[1] == 1)) {
            throw new IllegalArgumentException("model output of shape " + Arrays.toString(outputShape) + ": "
                    + name() + " needs one logit per row, shape [N] or [N, 1]");
        }
        Labels.check(name(), targets, outputShape[0], 2);
    }
}
