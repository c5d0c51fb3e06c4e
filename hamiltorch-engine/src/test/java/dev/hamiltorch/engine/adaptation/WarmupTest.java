package dev.hamiltorch.engine.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import org.junit.jupiter.api.Test;

/**
 * Warm-up through the facade: what is adapted, what is kept, and that a sampler written against the api
 * gets it (a sampler and a metric from a third-party jar: {@code plugin.AdaptationWithPluginsTest}).
 */
public class WarmupTest {

    /** Scales 0.05 to 20: no single step size suits the unit metric here. */
    public static final GaussianTarget BADLY_SCALED = GaussianTarget.independent(new double[] {1, -2, 5}, 0.05, 1, 20);

    private static SampleBuilder hmc(Target target) {
        return Hamiltorch.sample(target).paramsInit(new double[target.dimension()]).numStepsPerSample(10)
                .verbose(false);
    }

    private static double[] diagonal(ChainSamples chain) {
        return ((InverseMass.Diagonal) chain.stepParameters().inverseMass()).values();
    }

    @Test
    void hmcAdaptStepTunesTheStepSizeOnlyToTheTargetAcceptance() {
        for (double target : new double[] {0.6, 0.9}) {
            Samples s = hmc(GaussianTarget.independent(new double[] {0, 0}, 1, 1)).sampler(Sampler.HMC_ADAPT_STEP)
                    .numSamples(1500).burn(500).chains(4).desiredAcceptRate(target).seed(3).run();
            for (ChainSamples c : s.chains()) {
                assertEquals(InverseMass.identity(), c.stepParameters().inverseMass());
                assertNotEquals(0.1, c.stepSize());
                assertEquals(1000, c.keptCount(), "kept draws exclude the warm-up");
                assertEquals(1500, c.iterations());
            }
            // the mean acceptance statistic of the kept draws is what dual averaging aimed at
            double mean = 0;
            for (ChainSamples c : s.chains()) {
                double[] a = c.acceptanceProbability();
                for (int i = 500; i < 1500; i++) {
                    mean += a[i] / 4000;
                }
            }
            assertEquals(target, mean, 0.05, "δ = " + target);
        }
    }

    @Test
    void diagonalAdaptationFindsTheVariancesOfABadlyScaledGaussian() {
        Samples s = hmc(BADLY_SCALED).adaptMetric("diag").numSamples(1500).burn(1000).chains(3).seed(5).run();
        for (ChainSamples c : s.chains()) {
            double[] m = diagonal(c);
            for (int i = 0; i < 3; i++) {
                double ratio = m[i] / (BADLY_SCALED.sd(i) * BADLY_SCALED.sd(i));
                assertTrue(ratio > 0.6 && ratio < 1.6, "chain " + c.chain() + " M⁻¹[" + i + "] / σ² = " + ratio);
            }
            assertTrue(c.stepSize() > 0.3 && c.stepSize() < 1.5, "whitened, ε is of order 1: " + c.stepSize());
        }
    }

    @Test
    void denseAdaptationFindsTheCovariance() {
        double[][] cov = {{4, 1.9}, {1.9, 1}};
        GaussianTarget g = new GaussianTarget(new double[] {1, 1}, cov);
        Samples s = hmc(g).adaptMetric("dense").numSamples(1200).burn(1000).chains(2).seed(8).run();
        for (ChainSamples c : s.chains()) {
            double[][] m = ((InverseMass.Dense) c.stepParameters().inverseMass()).matrix();
            double error = 0;
            double norm = 0;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    error += (m[i][j] - cov[i][j]) * (m[i][j] - cov[i][j]);
                    norm += cov[i][j] * cov[i][j];
                }
            }
            assertTrue(Math.sqrt(error / norm) < 0.3, "relative Frobenius error " + Math.sqrt(error / norm));
        }
    }

    @Test
    void fisherDiagonalIsExactOnAGaussianWhateverTheDraws() {
        // ∇ log π = −(θ − μ)/σ², so √(var θ / var ∇) = σ² from any two distinct draws
        Samples s = hmc(BADLY_SCALED).adaptMetric("fisher-diag").numSamples(400).burn(300).seed(2).run();
        double[] m = diagonal(s.chain(0));
        for (int i = 0; i < 3; i++) {
            double variance = BADLY_SCALED.sd(i) * BADLY_SCALED.sd(i);
            assertEquals(variance, m[i], 1e-9 * variance, "M⁻¹[" + i + "]");
        }
    }

    @Test
    void eventsOfAnAdaptingWarmUpAreNotCountedButTheirColumnsRemain() {
        // dual averaging starts at 10 ε₀, which diverges on the 0.05-wide coordinate
        Samples s = hmc(BADLY_SCALED).adaptMetric("diag").numSamples(600).burn(300).seed(5).run();
        ChainSamples c = s.chain(0);
        double[] divergent = c.statistic(ChainSamples.DIVERGENT);
        long warmUp = 0;
        long kept = 0;
        for (int i = 0; i < divergent.length; i++) {
            if (i < 300) {
                warmUp += (long) divergent[i];
            } else {
                kept += (long) divergent[i];
            }
        }
        assertTrue(warmUp > 0, "the warm-up diverged");
        assertEquals(kept, (long) c.eventCounts().get(dev.hamiltorch.api.kernel.Event.DIVERGENT));
        // a run that does not adapt counts every iteration's events, as before
        Samples plain = hmc(BADLY_SCALED).stepSize(0.2).numSamples(60).burn(30).seed(5).run();
        double total = 0;
        for (double v : plain.chain(0).statistic(ChainSamples.DIVERGENT)) {
            total += v;
        }
        assertTrue(total > 0);
        assertEquals((long) total, (long) plain.chain(0).eventCounts().get(dev.hamiltorch.api.kernel.Event.DIVERGENT));
    }

    @Test
    void warmUpIsBitIdenticalWhateverTheThreads() {
        SampleBuilder b = hmc(BADLY_SCALED).adaptMetric("diag").numSamples(400).burn(300).chains(3).seed(11);
        Samples one = b.threads(1).run();
        Samples three = b.threads(3).run();
        for (int c = 0; c < 3; c++) {
            assertEquals(one.chain(c).stepParameters(), three.chain(c).stepParameters());
            assertArrayEquals(one.chain(c).draws().toArray(), three.chain(c).draws().toArray());
        }
        assertNotEquals(one.chain(0).stepSize(), one.chain(1).stepSize(), "each chain adapts on its own stream");
    }

    @Test
    void plainHmcBurnsWithoutAdaptingAndNoBurnNoAdaptation() {
        Samples plain = hmc(BADLY_SCALED).stepSize(0.01).numSamples(50).burn(20).seed(1).run();
        assertEquals(StepParameters.DEFAULTS.withStepSize(0.01),
                plain.chain(0).stepParameters());
        Samples noBurn = hmc(BADLY_SCALED).sampler(Sampler.HMC_ADAPT_STEP).stepSize(0.01).numSamples(50).seed(1).run();
        assertEquals(0.01, noBurn.chain(0).stepSize());
    }

    @Test
    void badAdaptationSettingsAreRefusedByName() {
        GaussianTarget g = GaussianTarget.independent(new double[] {0, 0}, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hmc(g).adaptMetric("diagonal"));
        assertEquals("adaptMetric = diagonal: must be one of [none, diag, dense, fisher-diag]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> hmc(g).desiredAcceptRate(1.2));
        assertEquals("desiredAcceptRate = 1.2: must be in (0, 1)", e.getMessage());
    }
}
