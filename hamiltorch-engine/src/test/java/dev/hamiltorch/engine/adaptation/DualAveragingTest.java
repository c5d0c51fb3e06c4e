package dev.hamiltorch.engine.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dual averaging finds the step size whose acceptance statistic is δ on toy acceptance curves. */
class DualAveragingTest {

    @Test
    void oneUpdateByHand() {
        DualAveraging da = DualAveraging.withTarget(0.8);
        DualAveraging.State s = da.start(0.5);
        assertEquals(Math.log(5), s.mu(), 1e-15);
        DualAveraging.State t = da.update(s, 0.3);
        // H̄ = (0.8 − 0.3)/11, log ε = μ − √1 H̄/0.05, average weight 1^−0.75 = 1
        double meanError = 0.5 / 11;
        assertEquals(meanError, t.meanError(), 1e-15);
        assertEquals(Math.log(5) - meanError / 0.05, t.logStepSize(), 1e-14);
        assertEquals(t.logStepSize(), t.logStepSizeAverage(), 0.0);
        DualAveraging.State u = da.update(t, 1.7); // capped at 1
        double meanError2 = (1 - 1.0 / 12) * meanError + (0.8 - 1) / 12;
        double log2 = Math.log(5) - Math.sqrt(2) * meanError2 / 0.05;
        double w = Math.pow(2, -0.75);
        assertEquals(meanError2, u.meanError(), 1e-15);
        assertEquals(log2, u.logStepSize(), 1e-14);
        assertEquals(w * log2 + (1 - w) * t.logStepSize(), u.logStepSizeAverage(), 1e-14);
        assertEquals(0.0, da.update(s, Double.NaN).meanError() - 0.8 / 11, 1e-15, "NaN counts as 0");
    }

    @Test
    void convergesToTheStepSizeWhoseAcceptanceIsTheTarget() {
        // α(ε) = exp(−ε): the optimum for δ is ε* = −log δ. H̄ averages every past error, so the iterate's
        // error shrinks like 1/√t: tenfold more updates cut it by about √10
        for (double delta : new double[] {0.6, 0.8, 0.95}) {
            double optimum = -Math.log(delta);
            DualAveraging da = DualAveraging.withTarget(delta);
            DualAveraging.State s = da.start(1.0);
            double early = Double.NaN;
            for (int t = 1; t <= 200_000; t++) {
                s = da.update(s, Math.exp(-s.stepSize()));
                if (t == 20_000) {
                    early = Math.abs(s.averageStepSize() / optimum - 1);
                }
            }
            double late = Math.abs(s.averageStepSize() / optimum - 1);
            assertTrue(late < 0.01, "δ = " + delta + ": relative error " + late);
            assertTrue(late < early / 3, "δ = " + delta + ": error " + early + " then " + late);
        }
    }

    @Test
    void convergesUnderNoisyAcceptance() {
        // a Bernoulli acceptance with mean 1/(1 + ε²): ε* = √(1/δ − 1) = 0.5 for δ = 0.8
        DualAveraging da = DualAveraging.withTarget(0.8);
        for (int seed = 0; seed < 5; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            DualAveraging.State s = da.start(3.0);
            for (int i = 0; i < 20000; i++) {
                double eps = s.stepSize();
                s = da.update(s, rng.nextDouble() < 1 / (1 + eps * eps) ? 1 : 0);
            }
            assertEquals(0.5, s.averageStepSize(), 0.03, "seed " + seed);
        }
    }

    @Test
    void refusesATargetOutsideTheUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DualAveraging.withTarget(1.0));
        assertEquals("desiredAcceptRate = 1.0: must be in (0, 1)", e.getMessage());
    }
}
