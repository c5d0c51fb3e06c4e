package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.bnn.GaussianPrior;
import dev.hamiltorch.engine.bnn.ModelPosterior;
import dev.hamiltorch.engine.bnn.TauOut;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole BNN log posterior of a tiny CNN (the introduction's layers at a small size: conv, max-pool,
 * ReLU, flatten, linear) against central differences in every parameter, τ_out sampled, per-block precisions.
 */
class TinyCnnPosteriorTest {

    @Test
    void theLogPosteriorsGradientThroughConvolutionPoolingAndLinearLayersMatchesCentralDifferences() {
        Module net = Sequential.of(Conv2d.of(1, 2, 3), MaxPool2d.of(2), ReLU.of(), Flatten.of(), Linear.of(8, 3));
        Random r = new Random(6);
        double[] pixels = new double[5 * 36];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextDouble();
        }
        Tensor x = Tensor.of(pixels, 5, 1, 6, 6);
        Tensor y = Tensor.of(0, 2, 1, 1, 0);
        ModelPosterior posterior = new ModelPosterior(net, new MultiClass(), TauOut.gamma(2, 1, 1),
                GaussianPrior.of(net.parameterBlocks(), List.of(new double[] {1}, new double[] {2}, new double[] {0.5},
                        new double[] {3})));
        double[] at = Arrays.copyOf(net.initialParameters(4).toArray(), posterior.dimension());
        at[at.length - 1] = -0.2;
        assertEquals(20 + 27 + 1, at.length);
        CentralDifferences.assertGradient(t -> posterior.logProb(t, x, y), at, new int[] {at.length}, 1e-6,
                "∂ log posterior / ∂θ");
    }
}
