package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.AvgPool2d;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.LogSoftmax;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.nn.Softplus;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A network's log posterior is a graph the sampler can record once and replay: every layer's operations
 * recompute in place, and the replayed values and gradients equal those of running the network's code,
 * bit for bit.
 */
class NetworkReplayTest {

    @Test
    void aCnnLogPosteriorReplaysBitForBit() {
        Module net = Sequential.of(Conv2d.of(1, 3, 3, 2, 1), MaxPool2d.of(3, 1, 1), ReLU.of(), Conv2d.of(3, 2, 2),
                AvgPool2d.of(2), Softplus.of(), Flatten.of(), Linear.of(2, 3));
        SplittableRandom random = new SplittableRandom(3);
        Tensor x = Tensor.of(random.doubles(4 * 8 * 8).toArray(), 4, 1, 8, 8);
        Tensor y = Tensor.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, 4, 3);
        LogDensity logPosterior = t -> LogSoftmax.of().apply(net.forward(t, x)).mul(y).sum()
                .sub(t.square().sum().mul(0.5));
        int d = net.parameterCount();
        AutodiffTarget replayed = new AutodiffTarget(logPosterior, d);
        AutodiffTarget eager = new AutodiffTarget(logPosterior, d, false);
        for (int k = 0; k < 10; k++) {
            double[] theta = net.initialParameters(k).mul(3.0).toArray();
            double[] g = new double[d];
            double[] expected = new double[d];
            assertEquals(eager.logDensityAndGradient(theta, expected), replayed.logDensityAndGradient(theta, g), 0.0);
            assertArrayEquals(expected, g, 0.0);
        }
        assertTrue(replayed.replays(), "the network's graph is replayed");
    }
}
