package dev.hamiltorch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchMeansTest {

    /** 1..8 in 2 batches: means 2.5 and 6.5, σ² = 4·((2.5−4.5)² + (6.5−4.5)²)/1 = 32, MCSE = √(32/8) = 2. */
    @Test
    void smallExampleByHand() {
        BatchMeans b = BatchMeans.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2);
        assertEquals(4.5, b.mean(), 1e-15);
        assertEquals(6.0, b.variance(), 1e-15);
        assertEquals(32.0, b.asymptoticVariance(), 1e-13);
        assertEquals(2.0, b.monteCarloStandardError(), 1e-14);
        assertEquals(8 * 6.0 / 32.0, b.effectiveSampleSize(), 1e-14);
        assertEquals(4, b.batchSize());
        assertEquals(2, b.batchCount());
    }

    @Test
    void leadingDrawsThatDoNotFillABatchAreLeftOutOfTheBatches() {
        // 100 is dropped from the batches (3 batches of 2 from 7 draws) but counts in mean and variance
        BatchMeans b = BatchMeans.of(new double[] {100, 1, 3, 5, 7, 9, 11}, 3);
        assertEquals(2, b.batchSize());
        assertEquals(136.0 / 7, b.mean(), 1e-13);
        // batch means 2, 6, 10: σ² = 2 · 32 / 2 = 32
        assertEquals(32.0, b.asymptoticVariance(), 1e-13);
        assertEquals(Math.sqrt(32.0 / 6), b.monteCarloStandardError(), 1e-14);
    }

    @Test
    void independentDrawsHaveAnEffectiveSampleSizeNearTheirNumber() {
        SplittableRandom rng = new SplittableRandom(2024);
        double[] x = new double[40_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        BatchMeans b = BatchMeans.of(x);
        assertEquals(200, b.batchSize());
        assertEquals(1.0, b.effectiveSampleSize() / x.length, 0.3);
    }

    /** AR(1) with φ = 0.9 has integrated autocorrelation time (1 + φ)/(1 − φ) = 19. */
    @Test
    void anAutoregressiveChainHasTheKnownEffectiveSampleSize() {
        SplittableRandom rng = new SplittableRandom(7);
        double phi = 0.9;
        double[] x = new double[200_000];
        for (int i = 1; i < x.length; i++) {
            x[i] = phi * x[i - 1] + rng.nextGaussian();
        }
        BatchMeans b = BatchMeans.of(x, 50);
        assertEquals(x.length / 19.0, b.effectiveSampleSize(), 0.3 * x.length / 19.0);
    }

    @Test
    void refusesTooFewDrawsOrBatches() {
        assertThrows(IllegalArgumentException.class, () -> BatchMeans.of(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> BatchMeans.of(new double[] {1, 2, 3, 4}, 1));
        assertThrows(IllegalArgumentException.class, () -> BatchMeans.of(new double[] {1, 2, 3, 4}, 5));
    }
}
