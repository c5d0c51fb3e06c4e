package dev.hamiltorch.examples.riemannian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.workloads.Quartic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RMHMC keeps detailed balance when the implicit integrator's fixed points fail on one way only: on the
 * 2-D quartic log π = Σ −x⁴/4 − x²/2 with the Hessian metric (G = diag(1 + 3x²)) and fixed-point
 * threshold 1e-12, trajectories at ε 0.3–0.4 fail where the particle passes the region of fast-changing
 * curvature with much momentum, and the reversibility check rejects the moves whose way back fails.
 */
class ReversibilityCheckTest {

    private static final Quartic QUARTIC = new Quartic(2);
    private static final double EXACT_VARIANCE = Quartic.EXACT_VARIANCE;

    @Test
    void theQuadratureGivesTheKnownVariance() {
        assertEquals(0.4679199, EXACT_VARIANCE, 1e-7);
    }

    /**
     * At L 4 (the runner's {@code quartic} workload) both coordinates' E[x²] lie within 4 MCSE of the exact
     * variance, the MCSE from the library's diagnostics of the x² draws; the check rejected some proposals
     * (under 1 % of the iterations).
     */
    @ParameterizedTest(name = "ε = {0}")
    @ValueSource(doubles = {0.4, 0.3})
    void quarticVarianceIsRightWithTheCheck(double stepSize) {
        Samples s = quartic(stepSize, 4, 4_000, 400, 1, Double.NaN);
        assertTrue(s.eventCounts().get(Event.NOT_REVERSIBLE) > 0, "the check had something to reject");
        assertTrue(s.eventCounts().get(Event.FIXED_POINT_NOT_CONVERGED) > 0);
        List<?> moments = (List<?>) QUARTIC.quality(s).get("second_moment");
        List<?> mcses = (List<?>) QUARTIC.quality(s).get("second_moment_mcse");
        for (int i = 0; i < 2; i++) {
            double secondMoment = (Double) moments.get(i);
            double mcse = (Double) mcses.get(i);
            assertTrue(mcse > 0 && mcse < 0.03, "x" + i + ": MCSE of E[x²] " + mcse);
            assertTrue(Math.abs(secondMoment - EXACT_VARIANCE) <= 4 * mcse,
                    "ε " + stepSize + ", x" + i + ": E[x²] " + secondMoment + ", exact " + EXACT_VARIANCE + ", MCSE " + mcse);
            double mean = s.summary(i).mean();
            double meanMcse = s.diagnostics(i).mcseMean();
            assertTrue(Math.abs(mean) <= 4 * meanMcse, "x" + i + ": mean " + mean + ", MCSE " + meanMcse);
        }
    }

    /**
     * At L 20 and ε 0.4 most trajectories from |x| near 1.7–2.4 fail forwards. Without the check a chain
     * enters such a place by a move whose way back fails, and stays: with seed 4 it is stuck far out, every
     * later proposal rejected, E[x₀²] ≈ 2.9 against 0.47. With the check, the same seed moves.
     */
    @Test
    void withoutTheCheckTheChainSticksWhereTrajectoriesFailOneWay() {
        Samples off = quartic(0.4, 20, 400, 100, 4, Double.POSITIVE_INFINITY);
        assertEquals(0L, off.eventCounts().get(Event.NOT_REVERSIBLE));
        assertTrue(off.acceptanceRate() < 0.05, "acceptance without the check " + off.acceptanceRate());
        assertTrue(off.eventCounts().get(Event.FIXED_POINT_NOT_CONVERGED) > 300,
                "fixed points " + off.eventCounts().get(Event.FIXED_POINT_NOT_CONVERGED));
        assertTrue(Math.max(secondMoment(off.parameter(0)), secondMoment(off.parameter(1))) > 2,
                "a coordinate far out: " + secondMoment(off.parameter(0)) + ", " + secondMoment(off.parameter(1)));

        Samples on = quartic(0.4, 20, 400, 100, 4, Double.NaN);
        assertTrue(on.eventCounts().get(Event.NOT_REVERSIBLE) > 0);
        assertTrue(on.acceptanceRate() > 0.6, "acceptance with the check " + on.acceptanceRate());
        for (int i = 0; i < 2; i++) {
            assertTrue(secondMoment(on.parameter(i)) < 0.8, "x" + i + ": E[x²] " + secondMoment(on.parameter(i)));
        }
    }

    private static Samples quartic(double stepSize, int steps, int numSamples, int burn, long seed,
                                   double reversibilityTolerance) {
        return Hamiltorch.sample(QUARTIC.target()).paramsInit(0.0, 0.0).sampler("rmhmc").metric("hessian")
                .integrator("implicit").stepSize(stepSize).numStepsPerSample(steps).numSamples(numSamples).burn(burn)
                .fixedPointThreshold(1e-12).reversibilityTolerance(reversibilityTolerance).seed(seed).verbose(false)
                .run();
    }

    private static double secondMoment(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum / x.length;
    }
}
