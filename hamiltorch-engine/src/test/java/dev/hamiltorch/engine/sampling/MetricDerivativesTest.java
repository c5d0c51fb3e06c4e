package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.testsupport.CountingTarget;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The runner refuses, before any evaluation, a target without the derivatives its metric needs. */
class MetricDerivativesTest {

    /** The Euclidean metric, declaring that it needs {@code needed} (as a Riemannian metric would). */
    private static Metric euclideanNeeding(DerivativeOrder needed) {
        EuclideanMetric euclidean = new EuclideanMetric();
        return new Metric() {
            @Override
            public String name() {
                return "needs-" + needed.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public DerivativeOrder requiredDerivatives() {
                return needed;
            }

            @Override
            public Hamiltonian hamiltonian(Target target, PluginOptions options) {
                return euclidean.hamiltonian(target, options);
            }
        };
    }

    private static final StepParameters TUNING = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(5);

    @Test
    void aFirstOrderTargetIsRefusedBeforeTheFirstEvaluation() {
        CountingTarget target = new CountingTarget(GaussianTarget.independent(new double[] {1, 2}, 0.5, 0.5));
        ChainRunner runner = new ChainRunner(new Hmc(), euclideanNeeding(DerivativeOrder.THIRD), new Leapfrog());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner.run(target, new double[] {0, 0}, TUNING, RunOptions.seed(1).withSamples(20, 0)));
        assertEquals("metric 'needs-third' needs the target's third derivatives, but the target "
                + CountingTarget.class.getName() + " declares derivatives up to its gradient only "
                + "(derivativeOrder() = GRADIENT)", e.getMessage());
        assertEquals(0, target.gradientCalls());
        assertEquals(0, target.logDensityCalls());
    }

    @Test
    void anAutodiffTargetHasEveryOrderAndIsSampled() {
        AutodiffTarget target = new AutodiffTarget(x -> x.square().sum().mul(-0.5), 2);
        assertEquals(DerivativeOrder.THIRD, target.derivativeOrder());
        assertEquals(DerivativeOrder.THIRD, target.copy().derivativeOrder());
        ChainRunner runner = new ChainRunner(new Hmc(), euclideanNeeding(DerivativeOrder.THIRD), new Leapfrog());
        Samples s = runner.run(target, new double[] {0.5, -0.5}, TUNING, RunOptions.seed(1).withSamples(20, 0));
        assertEquals(20, s.chain(0).draws().size());
    }
}
