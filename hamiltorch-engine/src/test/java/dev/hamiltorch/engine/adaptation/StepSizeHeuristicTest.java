package dev.hamiltorch.engine.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Hoffman &amp; Gelman's Algorithm 4 on a standard normal from θ = 0 with momentum r: one leapfrog step
 * of size ε ends at θ = εr, p = r(1 − ε²/2), so H₁ − H₀ = r²ε⁴/8 and the ratio exp(−r²ε⁴/8) crosses ½
 * at ε⁴ = 8 log 2 / r². The heuristic doubles (halves) ε from its start until it crosses.
 */
class StepSizeHeuristicTest {

    /** A generator whose Gaussian draws are {@code momentum}, so the trajectory is known. */
    private static RandomGenerator fixedMomentum(double momentum) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextGaussian() {
                return momentum;
            }
        };
    }

    private static double find(double r, double start, double sd) {
        Target target = GaussianTarget.independent(new double[] {0}, sd);
        Hamiltonian h = new EuclideanMetric().hamiltonian(target, PluginOptions.defaults());
        double[] gradient = new double[1];
        double lp = target.logDensityAndGradient(new double[] {0}, gradient);
        return StepSizeHeuristic.find(h, new Leapfrog(), new ChainState(new double[] {0}, lp, gradient), start,
                fixedMomentum(r)).stepSize();
    }

    @Test
    void doublesUntilOneStepIsAcceptedWithProbabilityBelowAHalf() {
        // r = 1: the crossing is at ε = (8 log 2)^¼ = 1.5345; from 0.1 the doublings reach 1.6 first
        assertEquals(1.6, find(1, 0.1, 1), 1e-15);
        assertEquals(2.0, find(1, 1.0, 1), 0.0);
        // r = 2: crossing at 1.0851; 0.3 → 0.6 → 1.2
        assertEquals(1.2, find(2, 0.3, 1), 1e-15);
    }

    @Test
    void halvesUntilOneStepIsAcceptedWithProbabilityAboveAHalf() {
        assertEquals(1.0, find(1, 4.0, 1), 0.0);
        assertEquals(1.5, find(1, 12.0, 1), 0.0); // 12 → 6 → 3 → 1.5
    }

    @Test
    void scalesWithTheTarget() {
        // sd σ: H₁ − H₀ = r²ε⁴/(8σ⁴) under the unit metric, so every ε scales by σ
        assertEquals(0.16, find(1, 0.01, 0.1), 1e-15);
    }

    @Test
    void countsTheTrialStepsGradients() {
        Target target = GaussianTarget.independent(new double[] {0}, 1);
        Hamiltonian h = new EuclideanMetric().hamiltonian(target,
                PluginOptions.defaults());
        double[] gradient = {0};
        StepSizeHeuristic.Result r = StepSizeHeuristic.find(h, new Leapfrog(),
                new ChainState(new double[] {0}, 0, gradient), 0.1, fixedMomentum(1));
        // 0.1, 0.2, 0.4, 0.8, 1.6: five one-step trajectories of one gradient each
        assertEquals(5, r.gradientEvaluations());
    }
}
