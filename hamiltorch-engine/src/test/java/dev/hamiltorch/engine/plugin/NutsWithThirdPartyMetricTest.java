package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.sampling.Samples;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NUTS composes through the SPI like HMC: the third-party metric of {@link ThirdPartyPluginTest}, compiled
 * against hamiltorch-api alone into its own jar, drives NUTS unchanged, and the draws are right.
 */
class NutsWithThirdPartyMetricTest {

    @TempDir
    Path work;

    @Test
    void aThirdPartyMetricWorksWithNutsUnchanged() throws Exception {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            Metric metric = registry.metric("third-party-metric");
            assertSame(loader, metric.getClass().getClassLoader());
            // mass 4: velocity p/4, momenta of sd 2; on a standard normal ε 1.2 then moves like ε 0.6 with unit mass
            Samples s = Hamiltorch.sample(ThirdPartyPluginTest.STANDARD_NORMAL).plugins(registry)
                    .sampler(Sampler.NUTS).metric("third-party-metric").option("third-party.mass", "4")
                    .stepSize(1.2).adaptStepSize(false).paramsInit(1, -1).numSamples(2000).burn(200).chains(4).seed(21)
                    .verbose(false)
                    .run();
            assertEquals("third-party-metric", s.provenance().metric());
            assertEquals(Sampler.NUTS, s.provenance().sampler());
            for (int i = 0; i < 2; i++) {
                double[][] y = new double[4][];
                for (int c = 0; c < 4; c++) {
                    y[c] = s.chain(c).parameter(i);
                }
                double mean = s.summary(i).mean();
                double sd = s.summary(i).sd();
                double mcse = ConvergenceDiagnostics.mcseMean(y);
                double mcseSd = ConvergenceDiagnostics.mcseSd(y);
                assertTrue(Math.abs(mean) <= 4 * mcse, "mean " + mean + ", MCSE " + mcse);
                assertTrue(Math.abs(sd - 1) <= 4 * mcseSd, "sd " + sd + ", MCSE " + mcseSd);
            }
        }
    }
}
