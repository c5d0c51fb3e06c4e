package dev.hamiltorch.examples.sampler;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.integrators.Leapfrog;
import dev.hamiltorch.testkit.KnownTargets;
import dev.hamiltorch.testkit.SamplerCheck;
import dev.hamiltorch.testkit.SamplerUnderTest;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import org.junit.jupiter.api.Test;

/** The sampler of docs/write-a-sampler.md through the kit, and a broken variant the kit catches. */
class RandomStepsHmcTest {

    // tag::sampler-test[]
    @Test
    void recoversKnownTargets() {
        Sampler sampler = new RandomStepsHmc();
        StepParameters tuning = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(10);
        SamplerUnderTest underTest = SamplerUnderTest.ofKernel(target -> sampler.kernel(
                new DiagonalMassHamiltonian(target), new Leapfrog(), PluginOptions.defaults()),
                sampler.initialParameters(tuning, PluginOptions.defaults()));
        SamplerCheck.of(underTest)
                .assertRecovers(KnownTargets.correlatedGaussian())
                .assertRecovers(KnownTargets.logistic(2));
    }
    // end::sampler-test[]

    @Test
    void drawingTheLengthFromTheStateIsBiasedAndCaught() {
        // L′ chosen from the current position (long trajectories left of 0) is no longer a mixture of
        // π-invariant kernels: the kit reports the bias
        StepParameters tuning = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(10);
        SamplerUnderTest biased = SamplerUnderTest.ofKernel(target -> {
            var h = new DiagonalMassHamiltonian(target);
            return new dev.hamiltorch.api.kernel.Kernel() {
                public dev.hamiltorch.api.kernel.ChainState init(double[] x) {
                    return new dev.hamiltorch.api.kernel.MetropolisKernel(h, new Leapfrog()).init(x);
                }

                public dev.hamiltorch.api.kernel.Transition step(java.util.random.RandomGenerator rng,
                                                                  dev.hamiltorch.api.kernel.ChainState state,
                                                                  StepParameters p) {
                    int steps = state.position()[0] < 0 ? 10 : 1;
                    return new dev.hamiltorch.api.kernel.MetropolisKernel(h, new Leapfrog())
                            .step(rng, state, p.withNumSteps(steps));
                }
            };
        }, tuning);
        assertThrows(AssertionError.class, () -> SamplerCheck.of(biased).assertRecovers(KnownTargets.logistic(2)));
        SamplerCheck.of(SamplerUnderTest.ofKernel(target -> new RandomStepsHmc().kernel(
                new DiagonalMassHamiltonian(target), new Leapfrog(), PluginOptions.defaults()), tuning))
                .assertRecovers(KnownTargets.logistic(2));
    }
}
