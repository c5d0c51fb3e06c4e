package dev.hamiltorch.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.model.ParameterBlock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Initial parameters drawn as PyTorch's defaults: every block of Linear and Conv2d uniform on
 * ±1/√fan_in (kaiming_uniform with a = √5 for the weight), the same vector for the same seed.
 */
class InitialisationTest {

    /**
     * Asserts that {@code v} looks uniform on [−b, b): inside the bounds, reaching near both, mean and
     * mean square within 4.5 standard errors of 0 and b²/3, and the Kolmogorov–Smirnov distance below
     * its 0.1 % critical value 1.95/√n.
     */
    static void assertUniform(String what, double[] v, double b) {
        int n = v.length;
        double mean = 0;
        double meanSquare = 0;
        for (double x : v) {
            assertTrue(x >= -b && x < b, what + ": " + x + " outside ±" + b);
            mean += x / n;
            meanSquare += x * x / n;
        }
        // Var(X) = b²/3, Var(X²) = b⁴/5 − b⁴/9 = 4b⁴/45
        assertEquals(0, mean, 4.5 * b / Math.sqrt(3.0 * n), what + ": mean");
        assertEquals(b * b / 3, meanSquare, 4.5 * Math.sqrt(4 * Math.pow(b, 4) / 45 / n), what + ": mean square");
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double ks = 0;
        for (int i = 0; i < n; i++) {
            double cdf = (sorted[i] + b) / (2 * b);
            ks = Math.max(ks, Math.max((i + 1.0) / n - cdf, cdf - (double) i / n));
        }
        assertTrue(ks < 1.95 / Math.sqrt(n), what + ": Kolmogorov–Smirnov distance " + ks);
        // the bound itself, not a smaller one: with 200 draws or more, one beyond 0.9·b on each side is all
        // but certain (each side missed with probability 0.95ⁿ < 4·10⁻⁵)
        assertTrue(n < 200 || sorted[0] < -0.9 * b && sorted[n - 1] > 0.9 * b, what + ": range [" + sorted[0]
                + ", " + sorted[n - 1] + "] for ±" + b);
    }

    @Test
    void theMnistCnnIsInitialisedAsPyTorchDoes() {
        Sequential net = ParameterLayoutTest.mnistCnn();
        double[] theta = net.initialParameters(2024).toArray();
        List<ParameterBlock> blocks = net.parameterBlocks();
        int[] fanIn = {25, 25, 500, 500, 800, 800, 500, 500};
        int offset = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int n = blocks.get(b).size();
            assertUniform(blocks.get(b).name(), Arrays.copyOfRange(theta, offset, offset + n), 1 / Math.sqrt(fanIn[b]));
            offset += n;
        }
    }

    @Test
    void theSameSeedGivesTheSameParametersAndChildrenDrawInThetasOrder() {
        Sequential net = ParameterLayoutTest.mnistCnn();
        assertArrayEquals(net.initialParameters(7).toArray(), net.initialParameters(7).toArray(), 0.0);
        assertFalse(Arrays.equals(net.initialParameters(7).toArray(), net.initialParameters(8).toArray()));
        // one stream, drawn block after block: the first child's values are those it draws alone
        Linear first = Linear.of(4, 3);
        double[] alone = first.initialParameters(5).toArray();
        double[] inNet = Sequential.of(first, ReLU.of(), Linear.of(3, 2)).initialParameters(5).toArray();
        assertArrayEquals(alone, Arrays.copyOf(inNet, alone.length), 0.0);
    }

    @Test
    void aHandWrittenModuleChoosesItsOwnInitialisation() {
        ElmanCell cell = new ElmanCell(30, 40);
        double[] theta = cell.initialParameters(1).toArray();
        // every block on ±1/√hidden, as PyTorch's RNNCell, whatever the block's fan-in
        assertUniform("RNN cell", theta, 1 / Math.sqrt(40));
    }
}
