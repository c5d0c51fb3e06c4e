package dev.hamiltorch.engine.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.metric.FisherPlusPriorHandDerivative;
import dev.hamiltorch.engine.plugin.PluginRegistry;
import dev.hamiltorch.testkit.KnownTargets;
import dev.hamiltorch.testkit.SamplerCheck;
import dev.hamiltorch.testkit.SamplerUnderTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in samplers through the conformance kit: HMC with the Euclidean metric and the leapfrog, and
 * RMHMC with a metric from G(θ) alone (the Fisher information of a logistic regression plus a prior, a
 * tensor function, here with ∂G by hand: {@code TensorRiemannianMetricTest} shows autodiff's equal, at
 * several times the cost) and the implicit integrator, each recover the correlated Gaussian and the
 * logistic within MCSE.
 */
class SamplerConformanceTest {

    @Test
    void hmcRecoversBothKnownTargets() {
        SamplerUnderTest hmc = SamplerUnderTest.ofPlugins(new Hmc(), new EuclideanMetric(),
                PluginRegistry.discover().integrator("leapfrog"), StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(8));
        SamplerCheck.of(hmc).assertRecovers(KnownTargets.correlatedGaussian()).assertRecovers(KnownTargets.logistic(2));
    }

    @Test
    void rmhmcWithATensorMetricRecoversBothKnownTargets() {
        SamplerUnderTest rmhmc = SamplerUnderTest.ofPlugins(new Rmhmc(),
                new FisherPlusPriorHandDerivative(),
                PluginRegistry.discover().integrator("implicit"), StepParameters.DEFAULTS.withStepSize(0.4).withNumSteps(5),
                Map.of("fixedPointThreshold", 1e-10));
        SamplerCheck.of(rmhmc).iterations(1500).burn(150).assertRecovers(KnownTargets.correlatedGaussian())
                .assertRecovers(KnownTargets.logistic(2));
    }

    @Test
    void theKitChecksPluginOptionsAsARunDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SamplerUnderTest.ofPlugins(
                new Rmhmc(), new FisherPlusPriorHandDerivative(), PluginRegistry.discover().integrator("implicit"),
                StepParameters.DEFAULTS, Map.of("fixedPointTreshold", 1e-10)));
        assertEquals("option fixedPointTreshold = 1.0E-10: no plugin of this run declares it; known options: 'rmhmc'"
                + " [none], 'fisher-plus-prior' [jitter, jitterMaxTries], 'implicit' [fixedPointThreshold, fixedPointMaxIterations,"
                + " reversibilityTolerance]; did you mean fixedPointThreshold?", e.getMessage());
    }
}
