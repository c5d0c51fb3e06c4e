package dev.hamiltorch.likelihoods;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code regression}: every output independent Normal with precision τ_out around the model's output,
 * log p = −½ τ_out Σ (y − f)² + (K/2) log τ_out − (K/2) log 2π over the K values of the batch (any number of
 * outputs per row). hamiltorch keeps the first term only; the others are constant for a fixed τ_out and
 * give a sampled τ_out its posterior.
 */
@AutoService(Likelihood.class)
public final class Regression implements Likelihood {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    @Override
    public String name() {
        return REGRESSION;
    }

    @Override
    public Tensor logLikelihood(LikelihoodInput in) {
        Tensor f = in.output();
        Tensor y = in.targets().reshape(f.shape());
        double k = f.size();
        Tensor tau = in.tauOut();
        return y.sub(f).square().sum().mul(tau).mul(-0.5).add(tau.log().mul(0.5 * k)).sub(0.5 * k * LOG_2PI);
    }

    @Override
    public void checkTargets(Tensor targets, int[] outputShape) {
        int size = 1;
        for (int d : outputShape) {
            size *= d;
        }
        int[] shape = targets.shape();
        boolean sameRows = shape.length > 0 && outputShape.length > 0 && shape[0] == outputShape[0];
        if (!sameRows || targets.size() != size) {
            throw new IllegalArgumentException("targets of shape " + Arrays.toString(shape) + ": " + name()
                    + " needs one value per output, shape " + Arrays.toString(outputShape));
        }
    }
}
