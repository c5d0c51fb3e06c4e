package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's integrator and metric advise after the run, and their sentences end {@link Samples#warnings()}. */
class PluginAdviceTest {

    private static final GaussianTarget GAUSSIAN = GaussianTarget.independent(new double[] {1, 2, 3}, 0.5, 0.5, 0.5);

    /** The leapfrog, rejecting every third trajectory as not reversible, and saying what it saw after the run. */
    private static final class Advising implements Integrator {
        private final Leapfrog leapfrog = new Leapfrog();
        private int trajectories;

        @Override
        public String name() {
            return "advising";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            IntegrationResult r = leapfrog.integrate(hamiltonian, start, stepSize, steps);
            return ++trajectories % 3 == 0 ? new IntegrationResult(r.end(), Event.NOT_REVERSIBLE, r.steps(),
                    r.gradientEvaluations()) : r;
        }

        @Override
        public List<String> warnings(PluginOptions options, StepParameters tuning, Map<Event, Long> events, long iterations) {
            return List.of("saw " + events.get(Event.NOT_REVERSIBLE) + " of " + iterations + " at ε " + tuning.stepSize(),
                    "and a second sentence");
        }
    }

    /** The Euclidean metric whose advice fails. */
    private static final class Failing implements Metric {
        private final EuclideanMetric metric = new EuclideanMetric();

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public Hamiltonian hamiltonian(Target target, PluginOptions options) {
            return metric.hamiltonian(target, options);
        }

        @Override
        public List<String> warnings(PluginOptions options, StepParameters tuning, Map<Event, Long> events, long iterations) {
            throw new IllegalStateException("no advice today");
        }
    }

    @Test
    void theIntegratorsSentencesFollowTheEventWarningsAndAFailingMetricIsSkipped() {
        Samples s = new ChainRunner(new Hmc(), new Failing(), new Advising()).run(GAUSSIAN, new double[] {1, 2, 3},
                StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(5), RunOptions.seed(1).withSamples(30, 0));
        assertEquals(List.of("10 of 30 iterations rejected their proposal because integrating back from it did not"
                        + " return to the start (reversibilityTolerance); a smaller step size or fixedPointThreshold"
                        + " helps (not_reversible)", "saw 10 of 30 at ε 0.3", "and a second sentence"),
                s.warnings());
        assertEquals(30, s.iterations());
    }
}
