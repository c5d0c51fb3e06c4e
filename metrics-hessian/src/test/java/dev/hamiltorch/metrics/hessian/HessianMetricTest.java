package dev.hamiltorch.metrics.hessian;

import dev.hamiltorch.testkit.HamiltonianCheck;
import dev.hamiltorch.metrics.testing.MomentumCovariance;
import dev.hamiltorch.metrics.testing.TestTargets;
import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian.Geometry;
import dev.hamiltorch.api.kernel.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class HessianMetricTest {

    private static final PluginOptions DEFAULTS = PluginOptions.defaults();
    private static final double TOLERANCE = 1e-6;

    private static RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new HessianMetric().hamiltonian(target, options);
    }

    /** A funnel point where −∇² log π is positive-definite: e^v Σxᵢ² well below 2/9. */
    private static double[] funnelPointWithPositiveCurvature(SplittableRandom rng, int d) {
        double[] theta = new double[d];
        theta[0] = rng.nextDouble(-1.5, 1.5);
        for (int i = 1; i < d; i++) {
            theta[i] = 0.1 * Math.exp(-theta[0] / 2) * rng.nextGaussian();
        }
        return theta;
    }

    private static double[] gaussian(SplittableRandom rng, int d, double scale) {
        return DoubleStream.generate(() -> scale * rng.nextGaussian()).limit(d).toArray();
    }

    @Test
    void kineticEnergyIsHalfLogDetPlusHalfQuadraticFormOfTheNegativeHessian() {
        SplittableRandom rng = new SplittableRandom(1);
        assertKineticEnergyMatchesReference(TestTargets.funnel(5), funnelPointWithPositiveCurvature(rng, 5), rng);
        assertKineticEnergyMatchesReference(TestTargets.logisticRegression(), gaussian(rng, 5, 1.0), rng);
    }

    private static void assertKineticEnergyMatchesReference(Target target, double[] theta, SplittableRandom rng) {
        double[] p = gaussian(rng, theta.length, 1.0);
        double[][] g = Reference.hessianMetric(target.hessian(theta), new double[theta.length]);
        double expected = Reference.kineticEnergy(g, p);
        assertEquals(expected, hamiltonian(target, DEFAULTS).kineticEnergy(theta, p), 1e-12 * Math.abs(expected));
    }

    @Test
    void gradientsMatchFiniteDifferencesOnTheFunnel() {
        SplittableRandom rng = new SplittableRandom(2);
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), DEFAULTS);
        for (int trial = 0; trial < 6; trial++) {
            double[] theta = funnelPointWithPositiveCurvature(rng, 5);
            HamiltonianCheck.assertGradientsMatch(h, theta, gaussian(rng, 5, 1.0), TOLERANCE, "funnel trial " + trial);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesOnLogisticRegression() {
        SplittableRandom rng = new SplittableRandom(3);
        RiemannianHamiltonian h = hamiltonian(TestTargets.logisticRegression(), DEFAULTS);
        for (int trial = 0; trial < 6; trial++) {
            HamiltonianCheck.assertGradientsMatch(h, gaussian(rng, 5, 1.0), gaussian(rng, 5, 2.0), TOLERANCE,
                    "logistic trial " + trial);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesWhereJitterRescuesAnIndefiniteHessian() {
        // at v = 0, x = (0.5, 0.5, 0.5, 0.5) the funnel's −∇² log π has the eigenvalue 1/9 − ½·1 < 0
        double[] theta = {0.0, 0.5, 0.5, 0.5, 0.5};
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 0.2);
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), settings).forTrajectory(new SplittableRandom(4));
        HamiltonianCheck.assertGradientsMatch(h, theta, gaussian(new SplittableRandom(5), 5, 1.0), TOLERANCE,
                "jittered saddle");
    }

    @Test
    void oneHessianAndOneThirdDerivativeTensorPerPositionHoweverManyMomenta() {
        TestTargets.Counting target = new TestTargets.Counting(TestTargets.funnel(5));
        RiemannianHamiltonian h = hamiltonian(target, DEFAULTS);
        SplittableRandom rng = new SplittableRandom(6);
        double[] theta = funnelPointWithPositiveCurvature(rng, 5);
        double[] out = new double[5];
        for (int i = 0; i < 50; i++) {
            double[] p = gaussian(rng, 5, 1.0);
            // a fresh array with the same contents, as an integrator would pass
            h.velocity(theta.clone(), p, out);
            h.geometry(theta.clone()).positionGradient(p, out);
            h.kineticEnergy(theta.clone(), p);
        }
        assertEquals(1, target.gradientCalls);
        assertEquals(1, target.hessianCalls);
        assertEquals(1, target.thirdDerivativeCalls);
        assertEquals(0, target.logDensityCalls);
    }

    @Test
    void derivativesAreComputedOnlyWhenFirstNeeded() {
        TestTargets.Counting target = new TestTargets.Counting(TestTargets.logisticRegression());
        RiemannianHamiltonian h = hamiltonian(target, DEFAULTS);
        Geometry g = h.geometry(new double[5]);
        g.logDensity();
        g.gradient();
        assertEquals(1, target.gradientCalls);
        assertEquals(0, target.hessianCalls);
        g.kineticEnergy(new double[5]);
        g.velocity(new double[5], new double[5]);
        assertNull(g.failure());
        assertEquals(1, target.hessianCalls);
        assertEquals(0, target.thirdDerivativeCalls);
        g.positionGradient(new double[5], new double[5]);
        assertEquals(1, target.thirdDerivativeCalls);
    }

    @Test
    void anImplicitTrajectoryEvaluatesTheHessianOncePerDistinctPosition() {
        TestTargets.Counting target = new TestTargets.Counting(TestTargets.logisticRegression());
        RiemannianHamiltonian h = hamiltonian(target, DEFAULTS);
        SplittableRandom rng = new SplittableRandom(7);
        double[] theta = gaussian(rng, 5, 0.5);
        double[] p = new double[5];
        h.sampleMomentum(rng, theta, p);
        Set<List<Double>> positions = new HashSet<>();
        Set<List<Double>> positionsWithGradient = new HashSet<>();
        double epsilon = 0.1;
        double[] dTheta = new double[5];
        double[] v0 = new double[5];
        double[] v1 = new double[5];
        for (int step = 0; step < 10; step++) {
            // generalized leapfrog (Girolami & Calderhead 2011): p½ at fixed θ, then θ' at fixed p½, then p'
            double[] half = p.clone();
            for (int it = 0; it < 100; it++) {
                h.geometry(theta).positionGradient(half, dTheta);
                record(positions, theta);
                record(positionsWithGradient, theta);
                double change = 0;
                for (int i = 0; i < 5; i++) {
                    double next = p[i] - epsilon / 2 * dTheta[i];
                    change = Math.max(change, (next - half[i]) * (next - half[i]));
                    half[i] = next;
                }
                if (change < 1e-20) {
                    break;
                }
            }
            h.velocity(theta, half, v0);
            double[] next = theta.clone();
            for (int it = 0; it < 100; it++) {
                h.velocity(next, half, v1);
                record(positions, next);
                double change = 0;
                double[] guess = new double[5];
                for (int i = 0; i < 5; i++) {
                    guess[i] = theta[i] + epsilon / 2 * (v0[i] + v1[i]);
                    change = Math.max(change, (guess[i] - next[i]) * (guess[i] - next[i]));
                }
                next = guess;
                if (change < 1e-20) {
                    break;
                }
            }
            theta = next;
            h.geometry(theta).positionGradient(half, dTheta);
            record(positions, theta);
            record(positionsWithGradient, theta);
            for (int i = 0; i < 5; i++) {
                p[i] = half[i] - epsilon / 2 * dTheta[i];
            }
        }
        assertTrue(positions.size() > 20, "a real trajectory: " + positions.size());
        assertEquals(positions.size(), target.gradientCalls);
        assertEquals(positions.size(), target.hessianCalls);
        assertEquals(positionsWithGradient.size(), target.thirdDerivativeCalls);
    }

    private static void record(Set<List<Double>> positions, double[] theta) {
        positions.add(DoubleStream.of(theta).boxed().toList());
    }

    @Test
    void jitterIsDrawnOncePerTrajectoryFromTheGivenRandomSource() {
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 0.5);
        RiemannianHamiltonian base = hamiltonian(TestTargets.logisticRegression(), settings);
        double[] theta = {0.1, -0.2, 0.3, 0.0, 0.4};
        double[] p = {1, 2, -1, 0.5, 0.3};
        RiemannianHamiltonian a = base.forTrajectory(new SplittableRandom(8));
        RiemannianHamiltonian b = base.forTrajectory(new SplittableRandom(8));
        assertEquals(a.kineticEnergy(theta, p), b.kineticEnergy(theta, p));
        assertArrayEquals(((CachedRiemannianHamiltonian) a).jitter(), ((CachedRiemannianHamiltonian) b).jitter());
        // the same θ asked again within the trajectory gives the same H
        assertEquals(a.kineticEnergy(theta, p), a.kineticEnergy(theta.clone(), p));

        SplittableRandom rng = new SplittableRandom(9);
        RiemannianHamiltonian first = base.forTrajectory(rng);
        RiemannianHamiltonian second = base.forTrajectory(rng);
        assertNotEquals(first.kineticEnergy(theta, p), second.kineticEnergy(theta, p));
        for (double j : ((CachedRiemannianHamiltonian) first).jitter()) {
            assertTrue(j >= 0 && j < 0.5, "jitter · U(0,1): " + j);
        }
        double[][] g = Reference.hessianMetric(TestTargets.logisticRegression().hessian(theta),
                ((CachedRiemannianHamiltonian) first).jitter());
        assertEquals(Reference.kineticEnergy(g, p), first.kineticEnergy(theta, p), 1e-12);
    }

    @Test
    void withoutJitterATrajectoryUsesTheSameHamiltonian() {
        RiemannianHamiltonian h = hamiltonian(TestTargets.logisticRegression(), DEFAULTS);
        assertSame(h, h.forTrajectory(new SplittableRandom(10)));
    }

    @Test
    void anIndefiniteHessianIsANonSpdMetricNotAnException() {
        double[] saddle = {0.0, 0.5, 0.5, 0.5, 0.5};
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), DEFAULTS);
        Geometry g = h.geometry(saddle);
        assertEquals(Event.NON_SPD_METRIC, g.failure());
        double[] out = new double[5];
        assertTrue(Double.isNaN(h.kineticEnergy(saddle, new double[5])));
        g.positionGradient(new double[5], out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isNaN));
        g.sampleMomentum(new SplittableRandom(11), out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isNaN));
        assertTrue(Double.isFinite(g.logDensity()), "log π itself is fine");
    }

    @Test
    void jitterGrowsTenfoldPerAttemptUpToTheLimit() {
        // log π = ½θᵀAθ with A = diag(1, −1): G = diag(−1, 1) + diag(d) needs d₀ > 1
        double[][] a = {{1, 0}, {0, -1}};
        Target target = TestTargets.quadratic(a, new double[2]);
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 1e-3);
        RiemannianHamiltonian h = hamiltonian(target, settings).forTrajectory(new SplittableRandom(12));
        double[] d = ((CachedRiemannianHamiltonian) h).jitter();
        double scale = 1;
        while (-1 + scale * d[0] <= 0) {
            scale *= 10;
        }
        double expected = 0.5 * Math.log((-1 + scale * d[0]) * (1 + scale * d[1]));
        assertEquals(expected, h.kineticEnergy(new double[2], new double[2]), 1e-12);

        PluginOptions fewTries = PluginOptions.of(Jitter.SCALE, 1e-3).with(Jitter.MAX_TRIES, 2);
        RiemannianHamiltonian limited = hamiltonian(target, fewTries).forTrajectory(new SplittableRandom(12));
        assertEquals(Event.NON_SPD_METRIC, limited.geometry(new double[2]).failure());
    }

    @Test
    void nonFiniteValuesAreInvalidLogProbabilities() {
        Target funnel = TestTargets.funnel(4);
        double[] theta = {0.2, 0.1, -0.1, 0.05};
        double[] p = {1, 1, 1, 1};
        double[] out = new double[4];

        Geometry nanLogDensity = hamiltonian(TestTargets.poisoned(funnel, true, false, false), DEFAULTS).geometry(theta);
        assertEquals(Event.INVALID_LOG_PROB, nanLogDensity.failure());
        assertTrue(Double.isNaN(nanLogDensity.kineticEnergy(p)));

        Geometry nanHessian = hamiltonian(TestTargets.poisoned(funnel, false, true, false), DEFAULTS).geometry(theta);
        assertEquals(Event.INVALID_LOG_PROB, nanHessian.failure());

        Geometry nanThird = hamiltonian(TestTargets.poisoned(funnel, false, false, true), DEFAULTS).geometry(theta);
        assertNull(nanThird.failure(), "the third derivatives are not computed yet");
        assertTrue(Double.isFinite(nanThird.kineticEnergy(p)));
        nanThird.positionGradient(p, out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isNaN));
        assertEquals(Event.INVALID_LOG_PROB, nanThird.failure());

        // far up the funnel's neck e^v overflows: log π = −∞
        Geometry overflow = hamiltonian(funnel, DEFAULTS).geometry(new double[] {800, 1, 1, 1});
        assertEquals(Event.INVALID_LOG_PROB, overflow.failure());
        // far down the funnel's mouth e^v underflows: log π is finite but −∇² log π is singular
        assertEquals(Event.NON_SPD_METRIC, hamiltonian(funnel, DEFAULTS).geometry(new double[] {-800, 1, 1, 1}).failure());
    }

    @Test
    void momentumIsDistributedAsNormalWithCovarianceG() {
        Target target = TestTargets.logisticRegression();
        double[] theta = {0.3, -0.5, 0.1, 0.8, -0.2};
        double[][] g = Reference.hessianMetric(target.hessian(theta), new double[5]);
        MomentumCovariance.assertCovarianceIs(g, hamiltonian(target, DEFAULTS), theta, new SplittableRandom(13));
    }
}
