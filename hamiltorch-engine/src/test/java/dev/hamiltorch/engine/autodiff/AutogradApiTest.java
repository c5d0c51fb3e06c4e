package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The api's gradient entry points reach the engine's autodiff, to every order. */
class AutogradApiTest {

    @Test
    void firstSecondAndThirdDerivativesOfACubeThroughTheApi() {
        Tensor x = Autograd.variable(new double[] {2.0, -3.0}, 2);
        Tensor y = x.pow(3.0).sum();
        Tensor g = Autograd.grad(y, x, true);                       // 3x²
        assertArrayEquals(new double[] {12.0, 27.0}, g.toArray(), 0.0);
        Tensor h = Autograd.grad(g.sum(), x, true);                 // 6x
        assertArrayEquals(new double[] {12.0, -18.0}, h.toArray(), 0.0);
        Tensor t = Autograd.grad(h.sum(), x, false);                // 6
        assertArrayEquals(new double[] {6.0, 6.0}, t.toArray(), 0.0);
    }

    @Test
    void aNonScalarOutputIsRefusedNamingItsShape() {
        Tensor x = Autograd.variable(new double[] {1.0, 2.0}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Autograd.grad(x.mul(2.0), x, false));
        assertEquals("output must be a scalar, its shape is [2]", e.getMessage());
    }
}
