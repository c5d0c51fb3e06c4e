package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.adaptation.WarmupTest;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins of a jar compiled against the api alone ({@link ThirdPartyPluginTest}) get warm-up without
 * code of their own: its random-walk sampler has ε and a diagonal M⁻¹ adapted; its metric (K = |p|²/(2m),
 * no constant mass declared, m a typed option it declares) gets step-size adaptation, a refusal naming it
 * for a mass adaptation it cannot take, and its option checked.
 */
class AdaptationWithPluginsTest {

    @TempDir
    Path work;

    private static SampleBuilder normal(Metric metric) {
        return Hamiltorch.sample(ThirdPartyPluginTest.STANDARD_NORMAL).paramsInit(1, -1).numStepsPerSample(10)
                .metric(metric).verbose(false);
    }

    /** The jar's random-walk sampler reads ε and M⁻¹ from each step and knows nothing of warm-up. */
    @Test
    void aThirdPartySamplerGetsStepSizeAndMassAdaptationWithoutWritingAny() throws Exception {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Sampler walk = PluginRegistry.discover(loader).sampler("third-party-sampler");
            GaussianTarget g = WarmupTest.BADLY_SCALED;
            Samples s = Hamiltorch.sample(g).paramsInit(0, 0, 0).sampler(walk).adaptMetric("diag")
                    .desiredAcceptRate(0.3).numSamples(4000).burn(2000).chains(2).seed(4).verbose(false).run();
            for (ChainSamples c : s.chains()) {
                double[] m = ((InverseMass.Diagonal) c.stepParameters().inverseMass()).values();
                for (int i = 0; i < 3; i++) {
                    double ratio = m[i] / (g.sd(i) * g.sd(i));
                    assertTrue(ratio > 0.5 && ratio < 2, "chain " + c.chain() + " M⁻¹[" + i + "] / σ² = " + ratio);
                }
                assertTrue(c.stepSize() > 1, "ε grew from 0.1 once the mass whitened the target: " + c.stepSize());
            }
            // ε restarts from the (leapfrog-based) heuristic after the last window and has the 50 iterations of
            // the terminal buffer to settle, so a random walk ends near δ rather than on it
            assertTrue(s.acceptanceRate() > 0.15 && s.acceptanceRate() < 0.45, "kept acceptance " + s.acceptanceRate());
        }
    }

    @Test
    void aThirdPartyMetricGetsStepSizeAdaptationAndARefusalForAMassItLacks() throws Exception {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Metric metric = PluginRegistry.discover(loader).metric("third-party-metric");
            Samples s = normal(metric).sampler(Sampler.HMC_ADAPT_STEP).option("third-party.mass", "4")
                    .numSamples(1500).burn(500).chains(4).seed(6).run();
            // at the starting ε 0.1 nearly every proposal is accepted. The iterates of log ε swing by about
            // 20/√t (δ − α) around the optimum and ε̄ is their average, where the concave acceptance is higher
            // than its average over the swings: chains end at or above δ = 0.8, as Stan's do (0.93 here)
            assertTrue(s.acceptanceRate() > 0.75 && s.acceptanceRate() < 0.97, "kept acceptance " + s.acceptanceRate());
            for (ChainSamples c : s.chains()) {
                // mass 4 slows the flow by 2: the stable steps are twice those of the unit metric
                assertTrue(c.stepSize() > 2 && c.stepSize() < 3, "ε " + c.stepSize());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> normal(metric).adaptMetric("dense").numSamples(20).burn(10).run());
            assertEquals("adaptMetric = dense: metric 'third-party-metric' has no constant mass matrix to adapt;"
                    + " use adaptMetric(\"none\")", e.getMessage());
        }
    }

    /** HMC that adapts ε and a diagonal mass by default, as NUTS does. */
    static final class AdaptingHmc implements Sampler {
        private final Sampler hmc = Hamiltorch.plugins().sampler(Sampler.HMC);

        @Override
        public String name() {
            return "adapting-hmc";
        }

        @Override
        public dev.hamiltorch.api.kernel.Kernel kernel(dev.hamiltorch.api.dynamics.Hamiltonian h,
                                                       dev.hamiltorch.api.spi.Integrator integrator,
                                                       dev.hamiltorch.api.spi.PluginOptions settings) {
            return hmc.kernel(h, integrator, settings);
        }

        @Override
        public boolean adaptsStepSizeByDefault() {
            return true;
        }

        @Override
        public dev.hamiltorch.api.adaptation.MetricAdaptation defaultMetricAdaptation() {
            return dev.hamiltorch.api.adaptation.MetricAdaptation.DIAG;
        }
    }

    @Test
    void aSamplersDefaultMassAdaptationDoesNotApplyToAMetricWithoutMass() throws Exception {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Metric metric = PluginRegistry.discover(loader).metric("third-party-metric");
            Samples s = normal(metric).sampler(new AdaptingHmc()).numSamples(300).burn(200).chains(2).seed(3).run();
            assertEquals(dev.hamiltorch.api.adaptation.MetricAdaptation.NONE, s.provenance().adaptation().metric());
            assertEquals(Boolean.TRUE, s.provenance().adaptation().stepSize());
            assertTrue(s.chain(0).stepSize() > 1, "ε adapted: " + s.chain(0).stepSize());
            // on the Euclidean metric the same sampler adapts the mass too
            Samples e = normal(Hamiltorch.plugins().metric(Metric.EUCLIDEAN)).sampler(new AdaptingHmc())
                    .numSamples(300).burn(200).seed(3).run();
            assertEquals(dev.hamiltorch.api.adaptation.MetricAdaptation.DIAG, e.provenance().adaptation().metric());
        }
    }

    @Test
    void anUnknownOrMisspelledOptionIsRefusedNamingTheKnownOnes() throws Exception {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Metric metric = PluginRegistry.discover(loader).metric("third-party-metric");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> normal(metric).option("third-party.mas", "4").run());
            assertEquals("option third-party.mas = 4: no plugin of this run declares it; known options: 'hmc'"
                    + " [step-size-jitter], 'third-party-metric' [third-party.mass], 'leapfrog' [none]; did you mean"
                    + " third-party.mass?", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> normal(metric).option("third-party.mass", "-1").run());
            assertEquals("option third-party.mass = -1: must be positive and finite", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> normal(metric).option("third-party.mass", "big").run());
            assertEquals("option third-party.mass = big: not a Double value (must be positive and finite)",
                    e.getMessage());
        }
    }
}
