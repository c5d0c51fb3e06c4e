package dev.hamiltorch.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The MNIST CNN of hamiltorch's introduction at full size: 100 images of 1 × 28 × 28 give 100 × 10
 * logits, and the gradient of a log-likelihood over them with respect to all 431,080 parameters agrees
 * with central differences at coordinates of the first and the last layer. The differences are taken
 * on the same network with Tanh in place of ReLU: of its 1.5 million ReLU inputs, hundreds lie within
 * any usable step of the kink at 0, where a difference quotient is not the derivative.
 */
class MnistCnnShapesTest {

    @Test
    void aMinibatchOf100DigitsGoesThroughAndBack() {
        Sequential net = Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), Tanh.of(), Conv2d.of(20, 50, 5),
                MaxPool2d.of(2), Tanh.of(), Flatten.of(), Linear.of(800, 500), Tanh.of(), Linear.of(500, 10));
        assertEquals(ParameterLayoutTest.mnistCnn().parameterBlocks(), net.parameterBlocks());
        int n = 100;
        Tensor x = Tensor.of(Derivatives.uniform(31, n * 28 * 28, 0, 1), n, 1, 28, 28);
        double[] labels = new double[n * 10];
        for (int i = 0; i < n; i++) {
            labels[i * 10 + (i * 7) % 10] = 1.0;
        }
        Tensor y = Tensor.of(labels, n, 10);
        java.util.function.Function<Tensor, Tensor> logLikelihood =
                theta -> LogSoftmax.of().apply(net.forward(theta, x)).mul(y).sum();
        double[] theta = net.initialParameters(1).toArray();
        assertArrayEquals(new int[] {n, 10}, net.forward(Tensor.of(theta), x).shape());

        Tensor variable = Autograd.variable(theta, theta.length);
        double[] grad = Autograd.grad(logLikelihood.apply(variable), variable, false).toArray();
        assertEquals(431_080, grad.length);
        for (double g : grad) {
            assertTrue(Double.isFinite(g));
        }
        // 0.weight[3, 0, 2, 1] (the first layer) and 9.bias[4] (the last)
        for (int i : new int[] {3 * 25 + 2 * 5 + 1, 431_080 - 10 + 4}) {
            double h = 1e-6;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (logLikelihood.apply(Tensor.of(plus)).item() - logLikelihood.apply(Tensor.of(minus)).item())
                    / (2 * h);
            assertEquals(fd, grad[i], 1e-5 * Math.max(1, Math.abs(fd)), "∂/∂θ[" + i + "]");
        }
    }
}
