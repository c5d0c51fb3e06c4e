package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.function.Function;

/** Gradients by reverse mode against central differences (step 1e-6), coordinate by coordinate. */
final class CentralDifferences {

    private CentralDifferences() {
    }

    /**
     * Asserts that ∂f/∂v at {@code at} (a tensor of {@code shape}) equals the central difference in every
     * coordinate, within {@code relative} · max(1, |difference|).
     */
    static void assertGradient(Function<Tensor, Tensor> f, double[] at, int[] shape, double relative, String what) {
        Tensor v = Autograd.variable(at, shape);
        double[] grad = Autograd.grad(f.apply(v), v, false).toArray();
        double h = 1e-6;
        for (int i = 0; i < at.length; i++) {
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (f.apply(Tensor.of(up, shape)).item() - f.apply(Tensor.of(down, shape)).item()) / (2 * h);
            assertEquals(fd, grad[i], relative * Math.max(1, Math.abs(fd)), what + "[" + i + "]");
        }
    }
}
