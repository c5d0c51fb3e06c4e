package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import org.junit.jupiter.api.Test;

/** Chain streams depend on (seed, chain) alone, and a saved state continues a chain bit for bit. */
class ChainRandomTest {

    @Test
    void aStreamIsAFunctionOfSeedAndChain() {
        ChainRandom a = ChainRandom.of(123, 2);
        ChainRandom b = ChainRandom.of(123, 2);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        assertNotEquals(ChainRandom.of(123, 0).nextLong(), ChainRandom.of(123, 1).nextLong());
        assertNotEquals(ChainRandom.of(123, 0).nextLong(), ChainRandom.of(124, 0).nextLong());
        assertThrows(IllegalArgumentException.class, () -> ChainRandom.of(1, -1));
    }

    @Test
    void chainZeroIsXoshiro256PlusPlusSeededBySplitMix64() {
        // the published algorithms (Steele et al. 2014; Blackman & Vigna 2021), written out here
        long[] sm = {123};
        long[] s = {splitMix(sm), splitMix(sm), splitMix(sm), splitMix(sm)};
        ChainRandom r = ChainRandom.of(123, 0);
        for (int i = 0; i < 1000; i++) {
            long result = Long.rotateLeft(s[0] + s[3], 23) + s[0];
            long t = s[1] << 17;
            s[2] ^= s[0];
            s[3] ^= s[1];
            s[1] ^= s[2];
            s[0] ^= s[3];
            s[2] ^= t;
            s[3] = Long.rotateLeft(s[3], 45);
            assertEquals(result, r.nextLong(), "draw " + i);
        }
    }

    private static long splitMix(long[] state) {
        long z = state[0] += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Test
    void aRestoredStateContinuesTheStreamDrawForDraw() {
        ChainRandom r = ChainRandom.of(7, 3);
        for (int i = 0; i < 17; i++) {
            r.nextGaussian();
        }
        byte[] state = r.saveState();
        double[] expected = new double[300];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i % 3 == 0 ? r.nextGaussian() : i % 3 == 1 ? r.nextDouble() : r.nextLong();
        }
        ChainRandom restored = ChainRandom.restore(state);
        for (int i = 0; i < expected.length; i++) {
            double v = i % 3 == 0 ? restored.nextGaussian() : i % 3 == 1 ? restored.nextDouble() : restored.nextLong();
            assertEquals(expected[i], v, 0.0, "draw " + i);
        }
    }

    @Test
    void aChainSavedMidwayAndRestoredContinuesBitForBit() {
        StepParameters tuning = StepParameters.DEFAULTS.withStepSize(0.4).withNumSteps(7);
        PluginOptions settings = PluginOptions.defaults();
        Target target = GaussianTarget.independent(new double[] {0.5, -1, 2}, 1.5, 1, 0.5);
        Kernel kernel = new Hmc().kernel(new EuclideanMetric().hamiltonian(target, settings), new Leapfrog(), settings);
        ChainRandom random = ChainRandom.of(42, 1);
        ChainState state = kernel.init(new double[] {0, 0, 0});
        for (int i = 0; i < 50; i++) {
            state = kernel.step(random, state, tuning).state();
        }
        byte[] saved = random.saveState();
        ChainState checkpoint = state;
        double[][] expected = new double[50][];
        for (int i = 0; i < 50; i++) {
            state = kernel.step(random, state, tuning).state();
            expected[i] = state.position();
        }
        ChainRandom resumed = ChainRandom.restore(saved);
        state = checkpoint;
        for (int i = 0; i < 50; i++) {
            state = kernel.step(resumed, state, tuning).state();
            assertArrayEquals(expected[i], state.position(), 0.0, "iteration " + (51 + i));
        }
    }
}
