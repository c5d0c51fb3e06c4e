package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Another engine's tensor enters this engine by value when it is a constant, and is refused when it needs gradients. */
class ForeignTensorTest {

    private static Tensor foreign(double[] values, int[] shape, boolean requiresGrad) {
        return (Tensor) Proxy.newProxyInstance(Tensor.class.getClassLoader(), new Class<?>[] {Tensor.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toArray" -> values.clone();
                    case "shape" -> shape.clone();
                    case "requiresGrad" -> requiresGrad;
                    case "toString" -> "foreign";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aForeignConstantIsUsedByValueAndGradientsFlowToOurVariable() {
        JvmTensor x = JvmTensor.variable(new double[] {1, 2, 3});
        Tensor c = foreign(new double[] {2, 3, 4}, new int[] {3}, false);
        Tensor y = x.mul(c).sum();
        assertArrayEquals(new double[] {20}, y.toArray());
        assertArrayEquals(new double[] {2, 3, 4}, Autodiff.grad(y, x, false).toArray());
    }

    @Test
    void aForeignTensorThatNeedsGradientsIsRefused() {
        JvmTensor x = JvmTensor.variable(new double[] {1, 2, 3});
        Tensor v = foreign(new double[] {2, 3, 4}, new int[] {3}, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.mul(v));
        assertTrue(e.getMessage().contains("requires gradients") && e.getMessage().contains("Autograd.variable"),
                e.getMessage());
    }
}
