package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.LogSoftmax;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A convolutional network on ND4J storage (im2col, col2im, permute, the products, max pooling with −∞
 * padding) gives the JVM storage's log-likelihood and gradient, to rounding.
 */
class Nd4jNetworkTest {

    private static final Sequential NET = Sequential.of(Conv2d.of(2, 4, 3, 1, 1), MaxPool2d.of(2), ReLU.of(),
            Conv2d.of(4, 6, 3, 2, 1), ReLU.of(), MaxPool2d.of(3, 1, 1), Flatten.of(), Linear.of(6 * 4 * 4, 5));

    private static double[] uniform(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble();
        }
        return v;
    }

    private record Result(double value, double[] gradient) {
    }

    private static Result logLikelihood(double[] theta) {
        int n = 6;
        JvmTensor x = JvmTensor.constant(uniform(3, n * 2 * 16 * 16), n, 2, 16, 16);
        double[] labels = new double[n * 5];
        for (int i = 0; i < n; i++) {
            labels[i * 5 + i % 5] = 1.0;
        }
        JvmTensor variable = JvmTensor.variable(theta);
        Tensor y = LogSoftmax.of().apply(NET.forward(variable, x)).mul(Tensor.of(labels, n, 5)).sum();
        return new Result(y.item(), Autodiff.grad(y, variable, false).toArray());
    }

    @Test
    void aConvolutionalNetworkOnNd4jGivesTheJvmLikelihoodAndGradient() throws Exception {
        double[] theta = NET.initialParameters(5).toArray();
        Result jvm;
        try (AutoCloseable p = StoragePolicy.override(false, false, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            jvm = logLikelihood(theta);
        }
        Result nd;
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 64)) {
            JvmTensor x = JvmTensor.constant(uniform(3, 6 * 2 * 16 * 16), 6, 2, 16, 16);
            JvmTensor conv = (JvmTensor) Conv2d.of(2, 4, 3, 1, 1).forward(Conv2d.of(2, 4, 3, 1, 1).initialParameters(1), x);
            assertNotNull(conv.nd4j, "the convolution ran on ND4J");
            assertNull(conv.data, "and its output stayed there");
            nd = logLikelihood(theta);
        }
        assertEquals(jvm.value(), nd.value(), 1e-11 * Math.abs(jvm.value()));
        for (int i = 0; i < theta.length; i++) {
            assertEquals(jvm.gradient()[i], nd.gradient()[i], 1e-10 * (1 + Math.abs(jvm.gradient()[i])), "gradient " + i);
        }
    }
}
