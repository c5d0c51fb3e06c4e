package dev.hamiltorch.examples.riemannian;

import dev.hamiltorch.api.DerivativeOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.workloads.Quartic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a default cannot work, the run's warnings name the setting to change: SoftAbs's α on a banana,
 * the diagonal Fisher metric's jitter; and a run with the explicit integrator is told once to use the
 * implicit one for final results.
 */
class RunAdviceTest {

    /**
     * log π = −x₁²/2 − (x₂ − x₁²)²/2: x₁ ~ N(0, 1), x₂ | x₁ ~ N(x₁², 1), so E x₂ = 1. The Hessian of
     * −log π is singular along x₂ = x₁² + ½, inside the bulk.
     */
    static final class Banana implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] x) {
            double r = x[1] - x[0] * x[0];
            return -x[0] * x[0] / 2 - r * r / 2;
        }

        @Override
        public double logDensityAndGradient(double[] x, double[] g) {
            double r = x[1] - x[0] * x[0];
            g[0] = -x[0] + 2 * x[0] * r;
            g[1] = -r;
            return logDensity(x);
        }

        /** The Hessian and the third derivatives are written out below. */
        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        @Override
        public double[][] hessian(double[] x) {
            double r = x[1] - x[0] * x[0];
            return new double[][] {{-1 + 2 * r - 4 * x[0] * x[0], 2 * x[0]}, {2 * x[0], -1}};
        }

        @Override
        public double[][][] thirdDerivatives(double[] x) {
            double[][][] t = new double[2][2][2];
            t[0][0][0] = -12 * x[0];
            t[0][0][1] = 2;
            t[0][1][0] = 2;
            t[1][0][0] = 2;
            return t;
        }
    }

    private static SampleBuilder banana(String metric) {
        return Hamiltorch.sample(new Banana()).paramsInit(0.0, 0.0).sampler("rmhmc").metric(metric).integrator("implicit")
                .stepSize(0.1).numStepsPerSample(10).seed(1).verbose(false);
    }

    @Test
    void softAbsAtTheDefaultAlphaFailsOnTheBananaAndTheWarningNamesSoftabsConst() {
        Samples s = banana("softabs").numSamples(300).run();
        long failed = s.eventCounts().get(Event.FIXED_POINT_NOT_CONVERGED) + s.eventCounts().get(Event.NOT_REVERSIBLE);
        assertEquals(113, failed, "fixed points that did not converge and ways back that missed, 38 % of 300");
        List<String> advice = s.warnings().stream().filter(w -> w.contains("softabsConst")).toList();
        assertEquals(1, advice.size(), s.warnings().toString());
        assertTrue(advice.get(0).endsWith("set softabsConst to a smaller value such as 1"), advice.get(0));
    }

    @Test
    void softAbsWithAlphaOneSamplesTheBanana() {
        Samples s = banana("softabs").softabsConst(1).numSamples(1_000).burn(100).run();
        assertEquals(List.of(), s.warnings());
        assertTrue(s.acceptanceRate() > 0.9, "acceptance " + s.acceptanceRate());
        double[] expectedMeans = {0, 1};
        for (int i = 0; i < 2; i++) {
            double mean = s.summary(i).mean();
            double mcse = s.diagnostics(i).mcseMean();
            assertTrue(Math.abs(mean - expectedMeans[i]) <= 4 * mcse, "x" + i + ": mean " + mean + ", MCSE " + mcse);
        }
    }

    @Test
    void theDiagonalFisherMetricWithoutJitterRejectsEverythingAndTheWarningNamesJitter() {
        Samples s = banana("jacobian-diag").numSamples(50).run();
        assertEquals(50L, s.eventCounts().get(Event.NON_SPD_METRIC), "the gradient vanishes at the start, the mode");
        assertEquals("100 % of the iterations failed their trajectory with the jacobian-diag metric without jitter:"
                + " diag(g∘g) is singular wherever a component of the gradient g is 0, as at every mode; set jitter,"
                + " for example to 1", s.warnings().get(s.warnings().size() - 1));
        assertTrue(banana("jacobian-diag").jitter(1).numSamples(50).run().warnings().stream()
                .noneMatch(w -> w.contains("set jitter")));
    }

    @Test
    void aRunWithTheExplicitIntegratorIsToldOnceToUseTheImplicitOne() {
        Samples s = Hamiltorch.sample(new Quartic(1).target()).paramsInit(0.0).sampler("rmhmc").metric("hessian")
                .integrator("explicit").explicitBindingConst(10).stepSize(0.3).numStepsPerSample(5).numSamples(100)
                .seed(1).verbose(false).run();
        List<String> advice = s.warnings().stream().filter(w -> w.contains("use integrator \"implicit\"")).toList();
        assertEquals(1, advice.size(), s.warnings().toString());
        assertTrue(advice.get(0).startsWith("the explicit integrator (ω = 10.0, ε = 0.3: 2ωε = 6.00 rad)"), advice.get(0));
    }
}
