package dev.hamiltorch.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.testkit.Plugins.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The kit passes correct plugins and fails broken ones (a wrong gradient, a non-reversible or
 * non-symplectic integrator, a biased sampler) with a message that names the property and where it failed.
 */
class KitFindsBrokenPluginsTest {

    private static final KnownTarget LOGISTIC = KnownTargets.logistic(3);
    private static final KnownTarget GAUSSIAN = KnownTargets.correlatedGaussian();

    private static void assertFailsWith(Executable check, String... fragments) {
        AssertionError e = assertThrows(AssertionError.class, check);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "the message lacks '" + fragment + "': " + e.getMessage());
        }
    }

    @Test
    void aCorrectHamiltonianPassesAndAWrongGradientIsNamedByComponent() {
        HamiltonianCheck.of(Plugins.unitMass(LOGISTIC.target())).points(20).assertGradientsMatchFiniteDifferences();
        HamiltonianCheck.of(Plugins.unitMass(GAUSSIAN.target())).assertGradientsMatchFiniteDifferences();
        Hamiltonian wrong = Plugins.unitMass(Plugins.wrongGradient(LOGISTIC.target(), 1));
        assertFailsWith(() -> HamiltonianCheck.of(wrong).assertGradientsMatchFiniteDifferences(),
                "∂H/∂θ disagrees with finite differences of H in component 1", "point 0 of 10", "θ = [", "p = [");
    }

    @Test
    void theLeapfrogPassesEveryIntegratorCheck() {
        IntegratorCheck.of(Plugins.integrator(Step.LEAPFROG), Plugins.unitMass(GAUSSIAN.target()))
                .assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
        IntegratorCheck.of(Plugins.integrator(Step.LEAPFROG), Plugins.unitMass(LOGISTIC.target())).stepSize(0.3)
                .assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
    }

    @Test
    void symplecticEulerPreservesVolumeButIsNeitherReversibleNorOfOrderTwo() {
        IntegratorCheck check = IntegratorCheck.of(Plugins.integrator(Step.SYMPLECTIC_EULER),
                Plugins.unitMass(GAUSSIAN.target()));
        check.assertVolumePreserving().assertEnergyErrorOrder(1);
        assertFailsWith(check::assertReversible, "not reversible", "point 0 (seed 1)", "θ[0] =");
        assertFailsWith(() -> check.assertEnergyErrorOrder(2), "energy error of order 0.9", "not 2", "expected 2^2");
    }

    @Test
    void explicitEulerDoesNotPreserveVolume() {
        Integrator euler = Plugins.integrator(Step.EULER);
        assertFailsWith(() -> IntegratorCheck.of(euler, Plugins.unitMass(GAUSSIAN.target())).assertVolumePreserving(),
                "does not preserve volume: the Jacobian determinant of 10 steps of 0.1", "point 0");
    }

    @Test
    void hmcAndRandomWalkMetropolisRecoverBothTargets() {
        Integrator leapfrog = Plugins.integrator(Step.LEAPFROG);
        SamplerCheck.of(SamplerUnderTest.ofKernel(t -> new MetropolisKernel(Plugins.unitMass(t), leapfrog),
                        Plugins.parameters(0.3, 8)))
                .assertRecovers(GAUSSIAN).assertRecovers(KnownTargets.logistic(2));
        SamplerCheck.of(SamplerUnderTest.ofKernel(t -> Plugins.randomWalk(t, 2.0, 1.0), Plugins.parameters(1, 1))).iterations(10_000)
                .assertRecovers(GAUSSIAN).assertRecovers(KnownTargets.logistic(2));
    }

    @Test
    void aBiasedSamplerIsCaughtWithTheStatisticAndSeed() {
        // accepting with (π(y)/π(x))^½ samples π^½: variances twice the target's
        SamplerUnderTest tempered = SamplerUnderTest.ofKernel(t -> Plugins.randomWalk(t, 2.0, 0.5), Plugins.parameters(1, 1));
        assertFailsWith(() -> SamplerCheck.of(tempered).iterations(10_000).assertRecovers(GAUSSIAN),
                "does not recover the correlated 2-D Gaussian: E[(x[0] − μ)²]", "seed 1", "MCSE off");
        // HMC without its Metropolis correction at a large step keeps the leapfrog's energy error as a bias
        Integrator leapfrog = Plugins.integrator(Step.LEAPFROG);
        SamplerUnderTest unadjusted = SamplerUnderTest.ofKernel(t -> {
            MetropolisKernel exact = new MetropolisKernel(Plugins.unitMass(t), leapfrog);
            return new dev.hamiltorch.api.kernel.Kernel() {
                @Override
                public dev.hamiltorch.api.kernel.ChainState init(double[] position) {
                    return exact.init(position);
                }

                @Override
                public dev.hamiltorch.api.kernel.Transition step(java.util.random.RandomGenerator rng,
                                                                  dev.hamiltorch.api.kernel.ChainState state,
                                                                  dev.hamiltorch.api.kernel.StepParameters ignored) {
                    double[] p = new double[state.position().length];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = rng.nextGaussian();
                    }
                    var end = leapfrog.integrate(Plugins.unitMass(t), new dev.hamiltorch.api.dynamics.PhasePoint(
                            state.position(), p, state.logDensity(), state.gradient()), 1.2, 3).end();
                    return new dev.hamiltorch.api.kernel.Transition(new dev.hamiltorch.api.kernel.ChainState(
                            end.position(), end.logDensity(), end.gradient()),
                            new dev.hamiltorch.api.kernel.TransitionInfo(1, true, false, 0, 0, 3, 3, null));
                }
            };
        }, Plugins.parameters(1.2, 3));
        assertFailsWith(() -> SamplerCheck.of(unadjusted).assertRecovers(KnownTargets.logistic(2)),
                "does not recover the 2-D standard logistic", "MCSE off");
    }

    @Test
    void aChainThatNeverMovesFails() {
        SamplerUnderTest stuck = (target, start, n, seed) -> {
            double[][] draws = new double[n][];
            java.util.Arrays.setAll(draws, t -> start.clone());
            return draws;
        };
        assertFailsWith(() -> SamplerCheck.of(stuck).assertRecovers(GAUSSIAN), "E[x[0]] = 1.0000 is constant", "MCSE 0: the chain never moved");
    }
}
