package dev.hamiltorch.engine.hmc;

import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.metric.FisherPlusPriorHandDerivative;
import dev.hamiltorch.engine.plugin.PluginRegistry;
import dev.hamiltorch.testkit.KnownTargets;
import dev.hamiltorch.testkit.SamplerCheck;
import dev.hamiltorch.testkit.SamplerUnderTest;
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
        SamplerSettings settings = SamplerSettings.builder().stepSize(0.3).numStepsPerSample(8).build();
        SamplerUnderTest hmc = SamplerUnderTest.ofPlugins(new Hmc(), new EuclideanMetric(),
                PluginRegistry.discover().integrator("leapfrog"), settings);
        SamplerCheck.of(hmc).assertRecovers(KnownTargets.correlatedGaussian()).assertRecovers(KnownTargets.logistic(2));
    }

    @Test
    void rmhmcWithATensorMetricRecoversBothKnownTargets() {
        SamplerSettings settings = SamplerSettings.builder().stepSize(0.4).numStepsPerSample(5)
                .fixedPointThreshold(1e-10).build();
        SamplerUnderTest rmhmc = SamplerUnderTest.ofPlugins(new Rmhmc(),
                new FisherPlusPriorHandDerivative(),
                PluginRegistry.discover().integrator("implicit"), settings);
        SamplerCheck.of(rmhmc).iterations(1500).burn(150).assertRecovers(KnownTargets.correlatedGaussian())
                .assertRecovers(KnownTargets.logistic(2));
    }
}
