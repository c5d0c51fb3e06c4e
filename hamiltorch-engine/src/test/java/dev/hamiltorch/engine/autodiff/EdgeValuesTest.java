package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Operations at the edges of their domains (NaN, ±∞, lengths below 0): values and derivatives agree,
 * a NaN never turns into a number, and a bad shape is an IllegalArgumentException naming it.
 */
class EdgeValuesTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    @Test
    void lgammaOfPlusInfinityIsPlusInfinityAndSoIsItsDerivative() {
        JvmTensor x = JvmTensor.variable(new double[] {INF, 2.5});
        Tensor y = x.lgamma();
        assertArrayEquals(new double[] {INF, SpecialFunctions.lgamma(2.5)}, y.toArray(), 0.0);
        Tensor g = Autodiff.grad(y.sum(), x, true);
        assertArrayEquals(new double[] {INF, SpecialFunctions.polygamma(0, 2.5)}, g.toArray(), 0.0);
        // ψ'(+∞) = 0: the second derivative through the digamma node
        assertArrayEquals(new double[] {0, 0}, Autodiff.grad(g.index(0), x, false).toArray(), 0.0);
        assertEquals(INF, Tensor.scalar(INF).lgamma().item());
    }

    @Test
    void reluKeepsNaNAndSoDoesItsDerivative() {
        JvmTensor x = JvmTensor.variable(new double[] {NAN, -1, -0.0, 0.0, 2, INF, -INF});
        Tensor y = x.relu();
        assertArrayEquals(new double[] {NAN, 0, 0, 0, 2, INF, 0}, y.toArray(), 0.0);
        assertArrayEquals(new double[] {NAN, 0, 0, 0, 1, 1, 0}, Autodiff.grad(y.sum(), x, false).toArray(), 0.0);
    }

    @Test
    void aNaNThroughReluGivesANaNDensityEagerlyAndReplayed() {
        AutodiffTarget replayed = new AutodiffTarget(x -> x.relu().square().sum().neg(), 2);
        AutodiffTarget eager = new AutodiffTarget(x -> x.relu().square().sum().neg(), 2, false);
        double[] g = new double[2];
        assertEquals(-4.0, replayed.logDensityAndGradient(new double[] {2, -1}, g), 0.0); // records the tape
        assertArrayEquals(new double[] {-4, 0}, g, 0.0);
        for (AutodiffTarget t : new AutodiffTarget[] {replayed, eager}) {
            assertEquals(NAN, t.logDensityAndGradient(new double[] {NAN, -1}, g));
            assertArrayEquals(new double[] {NAN, 0}, g, 0.0);
        }
        assertTrue(replayed.replays());
    }

    @Test
    void everyFactoryRefusesANegativeLengthNamingTheShape() {
        assertRefused("shape = [-1]: negative length", () -> Tensor.full(1.5, -1));
        assertRefused("shape = [-1, -1]: negative length", () -> Tensor.full(1.5, -1, -1));
        assertRefused("shape = [-1]: negative length", () -> Tensor.zeros(-1));
        assertRefused("shape = [2, -3]: negative length", () -> Tensor.ones(2, -3));
        assertRefused("shape = [2, -1]: negative length", () -> Tensor.of(new double[] {1, 2}, 2, -1));
        assertRefused("shape = [-2]: negative length", () -> JvmTensor.variable(new double[] {1, 2}, -2));
        assertRefused("shape = [-2, -1]: bad length", () -> Tensor.of(1, 2).reshape(-2, -1));
        assertRefused("shape = [65536, 65536]: more elements than an array holds", () -> Tensor.zeros(65536, 65536));
        assertArrayEquals(new int[] {100_000, 100_000, 0}, Tensor.zeros(100_000, 100_000, 0).shape());
    }

    private static void assertRefused(String message, Executable factory) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, factory).getMessage());
    }
}
