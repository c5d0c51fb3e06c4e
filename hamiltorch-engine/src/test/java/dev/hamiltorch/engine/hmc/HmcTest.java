package dev.hamiltorch.engine.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.testsupport.CountingTarget;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HmcTest {

    private static final PluginOptions OPTIONS = PluginOptions.defaults();
    private static final StepParameters TUNING = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(5);
    private final Target target = GaussianTarget.independent(new double[] {0.0}, 1.0);
    private final Hamiltonian hamiltonian = new EuclideanMetric().hamiltonian(target, OPTIONS);

    /** An integrator that jumps to an end point chosen from the start, recording what it was asked. */
    private static final class Scripted implements Integrator {
        private final Function<PhasePoint, IntegrationResult> script;
        PhasePoint start;
        double stepSize;
        int steps;

        Scripted(Function<PhasePoint, IntegrationResult> script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian h, PhasePoint start, double stepSize, int steps) {
            this.start = start;
            this.stepSize = stepSize;
            this.steps = steps;
            return script.apply(start);
        }
    }

    private static IntegrationResult endAt(double theta, double logDensity) {
        return new IntegrationResult(new PhasePoint(new double[] {theta}, new double[] {0.0}, logDensity,
                new double[] {-theta}), null, 5, 5);
    }

    private static double energy(PhasePoint p) {
        return -p.logDensity() + 0.5 * p.momentum()[0] * p.momentum()[0];
    }

    @Test
    void acceptsWithProbabilityMinOneExpOfTheEnergyDrop() {
        double[] ends = {0.1, 0.8, 1.5, 2.5, -3.0};
        int accepted = 0;
        for (int k = 0; k < 200; k++) {
            double end = ends[k % ends.length];
            Scripted integrator = new Scripted(s -> endAt(end, -0.5 * end * end));
            Kernel kernel = new Hmc().kernel(hamiltonian, integrator, OPTIONS);
            ChainState state = kernel.init(new double[] {0.7});
            Transition t = kernel.step(new SplittableRandom(k), state, TUNING);

            double h0 = energy(integrator.start);
            double h1 = 0.5 * end * end;
            double expected = Math.min(1, Math.exp(h0 - h1));
            // replay the stream: the kernel draws p, then one uniform for the Metropolis test
            SplittableRandom replay = new SplittableRandom(k);
            assertEquals(replay.nextGaussian(), integrator.start.momentum()[0]);
            boolean expectedAccept = replay.nextDouble() < expected;

            assertEquals(expected, t.info().acceptanceProbability(), 1e-15);
            assertEquals(h0, t.info().energy(), 1e-15);
            assertEquals(h1, t.info().proposalEnergy(), 1e-15);
            assertEquals(expectedAccept, t.info().accepted());
            assertEquals(expectedAccept ? end : 0.7, t.state().position()[0]);
            assertFalse(t.info().divergent());
            assertNull(t.info().event());
            accepted += t.info().accepted() ? 1 : 0;
        }
        assertTrue(accepted > 0 && accepted < 200, "both outcomes occur: " + accepted);
    }

    @Test
    void passesTheSettingsStepSizeAndStepsToTheIntegrator() {
        Scripted integrator = new Scripted(s -> endAt(0.2, -0.02));
        Kernel kernel = new Hmc().kernel(hamiltonian, integrator, OPTIONS);
        kernel.step(new SplittableRandom(1), kernel.init(new double[] {0.5}), TUNING);
        assertEquals(0.3, integrator.stepSize);
        assertEquals(5, integrator.steps);
    }

    private Transition stepTo(IntegrationResult result) {
        Kernel kernel = new Hmc().kernel(hamiltonian, new Scripted(s -> result), OPTIONS);
        ChainState state = kernel.init(new double[] {0.7});
        Transition t = kernel.step(new SplittableRandom(3), state, TUNING);
        assertSame(state, t.state(), "rejected: the chain stays where it was");
        assertFalse(t.info().accepted());
        return t;
    }

    @Test
    void aNaNProposalIsNeverAcceptedEvenIfTheIntegratorDidNotFlagIt() {
        Transition t = stepTo(endAt(0.2, Double.NaN));
        assertEquals(0.0, t.info().acceptanceProbability());
        assertEquals(Event.INVALID_LOG_PROB, t.info().event());
        assertTrue(Double.isNaN(t.info().proposalEnergy()));
    }

    @Test
    void anInfiniteLogDensityProposalIsRejectedRatherThanAlwaysAccepted() {
        Transition t = stepTo(endAt(0.2, Double.POSITIVE_INFINITY)); // H₁ = −∞ would make exp(H₀ − H₁) = ∞
        assertEquals(0.0, t.info().acceptanceProbability());
        assertEquals(Event.INVALID_LOG_PROB, t.info().event());
    }

    @Test
    void aFailedTrajectoryIsRejectedWithTheIntegratorsReason() {
        IntegrationResult failed = new IntegrationResult(new PhasePoint(new double[] {0.2}, new double[] {0.1}, -0.02,
                new double[] {-0.2}), Event.FIXED_POINT_NOT_CONVERGED, 2, 7);
        Transition t = stepTo(failed);
        assertEquals(0.0, t.info().acceptanceProbability());
        assertEquals(Event.FIXED_POINT_NOT_CONVERGED, t.info().event());
        assertEquals(2, t.info().steps());
        assertEquals(7, t.info().gradientEvaluations());
    }

    @Test
    void anEnergyErrorAboveOneThousandIsDivergent() {
        Transition t = stepTo(endAt(0.2, -1500.0));
        assertTrue(t.info().divergent());
        assertEquals(Event.DIVERGENT, t.info().event());
        assertEquals(0.0, t.info().acceptanceProbability());
        assertTrue(t.info().proposalEnergy() - t.info().energy() > Hmc.DIVERGENCE_THRESHOLD);
    }

    @Test
    void withLeapfrogATransitionCostsLGradientEvaluationsAndInitOne() {
        CountingTarget counting = new CountingTarget(GaussianTarget.independent(new double[] {1, 2}, 0.5, 0.5));
        Hamiltonian h = new EuclideanMetric().hamiltonian(counting, OPTIONS);
        Kernel kernel = new Hmc().kernel(h, new Leapfrog(), OPTIONS);
        double[] position = {0.0, 0.0};
        ChainState state = kernel.init(position);
        assertEquals(1, counting.gradientCalls());
        position[0] = 99; // init copies
        assertEquals(0.0, state.position()[0]);
        assertEquals(-0.5 * (4 + 16), state.logDensity(), 1e-12);
        assertArrayEquals(new double[] {4, 8}, state.gradient(), 1e-12);

        Transition t = kernel.step(new SplittableRandom(5), state, TUNING);
        assertEquals(1 + 5, counting.gradientCalls());
        assertEquals(5, t.info().gradientEvaluations());
        assertEquals(5, t.info().steps());
        assertEquals(0, counting.logDensityCalls());
    }

    @Test
    void oneSeedGivesOneTransition() {
        Kernel kernel = new Hmc().kernel(hamiltonian, new Leapfrog(), OPTIONS);
        ChainState state = kernel.init(new double[] {0.7});
        Transition a = kernel.step(new SplittableRandom(11), state, TUNING);
        Transition b = kernel.step(new SplittableRandom(11), state, TUNING);
        assertArrayEquals(a.state().position(), b.state().position());
        assertEquals(a.info(), b.info());
    }

    @Test
    void initRefusesAWrongLengthOrANonFiniteStart() {
        Kernel kernel = new Hmc().kernel(hamiltonian, new Leapfrog(), OPTIONS);
        assertThrows(IllegalArgumentException.class, () -> kernel.init(new double[] {0.0, 1.0}));
        Target nan = new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] theta) {
                return Double.NaN;
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                return Double.NaN;
            }
        };
        Kernel nanKernel = new Hmc().kernel(new EuclideanMetric().hamiltonian(nan, OPTIONS), new Leapfrog(), OPTIONS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nanKernel.init(new double[] {0.0}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void isFoundAsTheHmcSamplerPlugin() {
        Sampler sampler = ServiceLoader.load(Sampler.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals(Sampler.HMC)).findFirst().orElseThrow();
        assertEquals(Hmc.class, sampler.getClass());
        assertEquals("euclidean", sampler.defaultMetric());
        assertEquals("leapfrog", sampler.defaultIntegrator());
    }
}
