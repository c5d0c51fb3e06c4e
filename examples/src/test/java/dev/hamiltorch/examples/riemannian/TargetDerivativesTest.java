package dev.hamiltorch.examples.riemannian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A Riemannian metric given a target without the derivatives it needs is refused before sampling,
 * through the facade and the real plugins, instead of failing the first trajectory with
 * UnsupportedOperationException; the same target still samples with a metric it can serve.
 */
class TargetDerivativesTest {

    /**
     * log N(θ; 0, I) in 2-D, counting every evaluation; with {@code hessian} it also writes out
     * ∇² log π = −I and declares {@link DerivativeOrder#HESSIAN}, else it has its gradient only.
     */
    private static final class AnalyticGaussian implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        final AtomicInteger evaluations = new AtomicInteger();
        private final boolean hessian;

        AnalyticGaussian(boolean hessian) {
            this.hessian = hessian;
        }

        @Override
        public DerivativeOrder derivativeOrder() {
            return hessian ? DerivativeOrder.HESSIAN : DerivativeOrder.GRADIENT;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] theta) {
            evaluations.incrementAndGet();
            return -0.5 * (theta[0] * theta[0] + theta[1] * theta[1]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            gradient[0] = -theta[0];
            gradient[1] = -theta[1];
            return logDensity(theta);
        }

        @Override
        public double[][] hessian(double[] theta) {
            if (!hessian) {
                return Target.super.hessian(theta);
            }
            evaluations.incrementAndGet();
            return new double[][] {{-1, 0}, {0, -1}};
        }
    }

    private static final String GRADIENT_ONLY = " declares derivatives up to its gradient only (derivativeOrder() = GRADIENT)";

    @Test
    void aFirstOrderTargetWithTheHessianMetricIsRefusedBeforeAnyEvaluation() {
        AnalyticGaussian target = new AnalyticGaussian(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sample(target)
                .paramsInit(0.5, -0.5).sampler("rmhmc").metric("hessian").integrator("implicit").numSamples(10)
                .seed(1).verbose(false).run());
        assertEquals("metric 'hessian' needs the target's third derivatives, but the target "
                + AnalyticGaussian.class.getName() + GRADIENT_ONLY, e.getMessage());
        assertEquals(0, target.evaluations.get(), "refused before the log density was evaluated");
    }

    @Test
    void theDiagonalFisherMetricNeedsTheHessianAndSoftAbsTheThirdDerivatives() {
        AnalyticGaussian firstOrder = new AnalyticGaussian(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sample(firstOrder)
                .paramsInit(0.5, -0.5).sampler("rmhmc").metric("jacobian-diag").numSamples(10).verbose(false).run());
        assertEquals("metric 'jacobian-diag' needs the target's Hessian, but the target "
                + AnalyticGaussian.class.getName() + GRADIENT_ONLY, e.getMessage());

        AnalyticGaussian secondOrder = new AnalyticGaussian(true);
        e = assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sample(secondOrder).paramsInit(0.5, -0.5)
                .sampler("rmhmc").metric("softabs").numSamples(10).verbose(false).run());
        assertEquals("metric 'softabs' needs the target's third derivatives, but the target "
                + AnalyticGaussian.class.getName() + " declares derivatives up to its Hessian only "
                + "(derivativeOrder() = HESSIAN)", e.getMessage());
        assertEquals(0, secondOrder.evaluations.get());

        // G = diag(g∘g) vanishes at the mean: jitter keeps it positive-definite, as in RiemannianSamplingTest
        Samples s = Hamiltorch.sample(secondOrder).paramsInit(0.5, -0.5).sampler("rmhmc").metric("jacobian-diag")
                .integrator("implicit").jitter(1.0).stepSize(0.1).numStepsPerSample(5).numSamples(20).seed(3)
                .verbose(false).run();
        assertEquals(20, s.draws().size());
        assertTrue(s.acceptanceRate() > 0, "acceptance " + s.acceptanceRate());
    }

    @Test
    void theSameFirstOrderTargetSamplesWithHmc() {
        AnalyticGaussian target = new AnalyticGaussian(false);
        Samples s = Hamiltorch.sample(target).paramsInit(0.5, -0.5).numSamples(50).stepSize(0.3)
                .numStepsPerSample(5).seed(1).verbose(false).run();
        assertEquals(50, s.draws().size());
        assertTrue(s.acceptanceRate() > 0.9, "acceptance " + s.acceptanceRate());
    }
}
