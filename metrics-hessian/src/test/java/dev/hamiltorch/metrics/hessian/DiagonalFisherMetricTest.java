package dev.hamiltorch.metrics.hessian;

import dev.hamiltorch.testkit.HamiltonianCheck;
import dev.hamiltorch.metrics.testing.MomentumCovariance;
import dev.hamiltorch.metrics.testing.TestTargets;
import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian.Geometry;
import dev.hamiltorch.api.kernel.Event;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class DiagonalFisherMetricTest {

    private static final PluginOptions DEFAULTS = PluginOptions.defaults();
    private static final double TOLERANCE = 1e-6;

    private static RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new DiagonalFisherMetric().hamiltonian(target, options);
    }

    private static double[] gaussian(SplittableRandom rng, int d, double scale) {
        return DoubleStream.generate(() -> scale * rng.nextGaussian()).limit(d).toArray();
    }

    /** diag(g∘g) + diag(jitter), g = ∇ log π(θ). */
    private static double[][] fisher(Target target, double[] theta, double[] jitter) {
        int d = theta.length;
        double[] g = new double[d];
        target.logDensityAndGradient(theta, g);
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = g[i] * g[i] + jitter[i];
        }
        return m;
    }

    @Test
    void kineticEnergyIsHalfLogDetPlusHalfQuadraticFormOfTheSquaredGradient() {
        SplittableRandom rng = new SplittableRandom(21);
        for (Target target : new Target[] {TestTargets.funnel(5), TestTargets.logisticRegression()}) {
            double[] theta = gaussian(rng, 5, 0.7);
            double[] p = gaussian(rng, 5, 1.0);
            double expected = Reference.kineticEnergy(fisher(target, theta, new double[5]), p);
            assertEquals(expected, hamiltonian(target, DEFAULTS).kineticEnergy(theta, p), 1e-12 * Math.abs(expected));
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesOnTheFunnel() {
        SplittableRandom rng = new SplittableRandom(22);
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), DEFAULTS);
        for (int trial = 0; trial < 6; trial++) {
            HamiltonianCheck.assertGradientsMatch(h, gaussian(rng, 5, 0.8), gaussian(rng, 5, 1.0), TOLERANCE,
                    "funnel trial " + trial);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesOnLogisticRegression() {
        SplittableRandom rng = new SplittableRandom(23);
        RiemannianHamiltonian h = hamiltonian(TestTargets.logisticRegression(), DEFAULTS);
        for (int trial = 0; trial < 6; trial++) {
            HamiltonianCheck.assertGradientsMatch(h, gaussian(rng, 5, 1.0), gaussian(rng, 5, 2.0), TOLERANCE,
                    "logistic trial " + trial);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesWithJitter() {
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 0.3);
        SplittableRandom rng = new SplittableRandom(24);
        RiemannianHamiltonian h = hamiltonian(TestTargets.logisticRegression(), settings).forTrajectory(rng);
        HamiltonianCheck.assertGradientsMatch(h, gaussian(rng, 5, 1.0), gaussian(rng, 5, 1.0), TOLERANCE, "jittered");
    }

    @Test
    void theHessianIsEvaluatedOnlyForThePositionGradientAndThirdDerivativesNever() {
        TestTargets.Counting target = new TestTargets.Counting(TestTargets.funnel(5));
        RiemannianHamiltonian h = hamiltonian(target, DEFAULTS);
        SplittableRandom rng = new SplittableRandom(25);
        double[] theta = gaussian(rng, 5, 0.5);
        double[] out = new double[5];
        for (int i = 0; i < 20; i++) {
            h.velocity(theta.clone(), gaussian(rng, 5, 1.0), out);
            h.kineticEnergy(theta.clone(), gaussian(rng, 5, 1.0));
        }
        assertEquals(0, target.hessianCalls);
        for (int i = 0; i < 20; i++) {
            h.geometry(theta.clone()).positionGradient(gaussian(rng, 5, 1.0), out);
        }
        assertEquals(1, target.gradientCalls);
        assertEquals(1, target.hessianCalls);
        assertEquals(0, target.thirdDerivativeCalls);
    }

    @Test
    void aZeroGradientComponentIsANonSpdMetricUnlessJitterHelps() {
        // the funnel's ∂/∂xᵢ log π = −xᵢe^v vanishes at xᵢ = 0
        double[] theta = {0.3, 0.0, 0.4, -0.2, 0.1};
        Geometry singular = hamiltonian(TestTargets.funnel(5), DEFAULTS).geometry(theta);
        assertEquals(Event.NON_SPD_METRIC, singular.failure());
        double[] out = new double[5];
        singular.velocity(new double[] {1, 1, 1, 1, 1}, out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isNaN));

        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 1e-2);
        RiemannianHamiltonian jittered = hamiltonian(TestTargets.funnel(5), settings).forTrajectory(new SplittableRandom(26));
        assertNull(jittered.geometry(theta).failure());
        double[] jitter = ((CachedRiemannianHamiltonian) jittered).jitter();
        double[] p = {1, 2, 3, 4, 5};
        assertEquals(Reference.kineticEnergy(fisher(TestTargets.funnel(5), theta, jitter), p),
                jittered.kineticEnergy(theta, p), 1e-12);
    }

    @Test
    void jitterIsDrawnOncePerTrajectory() {
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 0.5);
        RiemannianHamiltonian base = hamiltonian(TestTargets.logisticRegression(), settings);
        double[] theta = {0.1, -0.2, 0.3, 0.0, 0.4};
        double[] p = {1, 2, -1, 0.5, 0.3};
        assertEquals(base.forTrajectory(new SplittableRandom(27)).kineticEnergy(theta, p),
                base.forTrajectory(new SplittableRandom(27)).kineticEnergy(theta, p));
        SplittableRandom rng = new SplittableRandom(28);
        assertNotEquals(base.forTrajectory(rng).kineticEnergy(theta, p), base.forTrajectory(rng).kineticEnergy(theta, p));
    }

    @Test
    void nonFiniteValuesAreInvalidLogProbabilities() {
        Target funnel = TestTargets.funnel(4);
        double[] theta = {0.2, 0.1, -0.1, 0.05};
        assertEquals(Event.INVALID_LOG_PROB,
                hamiltonian(TestTargets.poisoned(funnel, true, false, false), DEFAULTS).geometry(theta).failure());
        Geometry nanHessian = hamiltonian(TestTargets.poisoned(funnel, false, true, false), DEFAULTS).geometry(theta);
        assertNull(nanHessian.failure(), "G needs no Hessian");
        double[] out = new double[4];
        nanHessian.positionGradient(new double[] {1, 1, 1, 1}, out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isNaN));
        assertEquals(Event.INVALID_LOG_PROB, nanHessian.failure());
    }

    @Test
    void momentumIsDistributedAsNormalWithCovarianceG() {
        Target target = TestTargets.logisticRegression();
        double[] theta = {0.3, -0.5, 0.1, 0.8, -0.2};
        MomentumCovariance.assertCovarianceIs(fisher(target, theta, new double[5]), hamiltonian(target, DEFAULTS),
                theta, new SplittableRandom(29));
    }
}
