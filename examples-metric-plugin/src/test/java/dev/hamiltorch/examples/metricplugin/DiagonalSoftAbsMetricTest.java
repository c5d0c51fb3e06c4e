package dev.hamiltorch.examples.metricplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.testkit.HamiltonianCheck;
import dev.hamiltorch.testkit.IntegratorCheck;
import dev.hamiltorch.testkit.KnownTargets;
import dev.hamiltorch.testkit.SamplerCheck;
import dev.hamiltorch.testkit.SamplerUnderTest;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The example metric as its author would test it: found by ServiceLoader, checked by the kit, sampled. */
// tag::kit-test[]
class DiagonalSoftAbsMetricTest {

    static <T extends Named> T find(Class<T> kind, String name) {
        return ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    final Metric metric = find(Metric.class, "softabs-diagonal");
    final Integrator implicit = find(Integrator.class, "implicit");
    // the metric's own option and the integrator's, checked against what each declares, as a run checks them
    final PluginOptions options = PluginOptions.of(Map.of("softabsConst", 1.0, "fixedPointThreshold", 1e-10),
            List.of(metric, implicit));
    final StepParameters tuning = StepParameters.DEFAULTS.withStepSize(0.5).withNumSteps(4);

    @Test
    void itsHamiltonianHasTheDerivativesOfH() {
        HamiltonianCheck.of(metric.hamiltonian(KnownTargets.logistic(3).target(), options)).points(20)
                .assertGradientsMatchFiniteDifferences();
    }

    @Test
    void theImplicitIntegratorIsReversibleAndSymplecticOnIt() {
        IntegratorCheck.of(new dev.hamiltorch.integrators.GeneralizedLeapfrog(1e-30, 1000, Double.POSITIVE_INFINITY),
                        metric.hamiltonian(KnownTargets.correlatedGaussian().target(), options))
                .reversibilityTolerance(1e-10).assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
    }

    @Test
    void rmhmcWithItRecoversKnownTargets() {
        SamplerUnderTest rmhmc = SamplerUnderTest.ofKernel(target -> new MetropolisKernel(
                metric.hamiltonian(target, options), implicit.configure(options)), tuning);
        SamplerCheck.of(rmhmc).iterations(2000).burn(200)
                .assertRecovers(KnownTargets.correlatedGaussian()).assertRecovers(KnownTargets.logistic(2));
    }

    @Test
    void itsOptionIsTypedAndAMisspellingOrABadValueIsRefused() {
        String typo = assertThrows(IllegalArgumentException.class,
                () -> PluginOptions.of(Map.of("softabsConts", 1.0), List.of(metric))).getMessage();
        assertEquals("option softabsConts = 1.0: no plugin of this run declares it; known options: 'softabs-diagonal'"
                + " [softabsConst, jitter, jitterMaxTries]; did you mean softabsConst?", typo);
        String bad = assertThrows(IllegalArgumentException.class,
                () -> PluginOptions.of(Map.of("softabsConst", "-1"), List.of(metric))).getMessage();
        assertEquals("option softabsConst = -1: must be positive and finite", bad);
        assertEquals(1e6, PluginOptions.defaults().get(DiagonalSoftAbsMetric.ALPHA), "hamiltorch's default");
    }

    @Test
    void aTargetWithoutThirdDerivativesIsRefusedBeforeSampling() {
        var gradientOnly = new dev.hamiltorch.api.Target() {
            public int dimension() { return 1; }
            public double logDensity(double[] x) { return -x[0] * x[0] / 2; }
            public double logDensityAndGradient(double[] x, double[] g) { g[0] = -x[0]; return logDensity(x); }
            public dev.hamiltorch.api.Target copy() { return this; }
        };
        assertThrows(IllegalArgumentException.class, () -> metric.checkSupports(gradientOnly));
    }
}
// end::kit-test[]
