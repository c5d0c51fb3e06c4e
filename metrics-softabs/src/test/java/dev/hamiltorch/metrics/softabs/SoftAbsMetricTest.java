package dev.hamiltorch.metrics.softabs;

import dev.hamiltorch.testkit.HamiltonianCheck;
import dev.hamiltorch.metrics.testing.MomentumCovariance;
import dev.hamiltorch.metrics.testing.TestTargets;
import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
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
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class SoftAbsMetricTest {

    private static final PluginOptions DEFAULTS = PluginOptions.defaults();
    private static final double TOLERANCE = 1e-6;

    private static RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new SoftAbsMetric().hamiltonian(target, options);
    }

    private static PluginOptions alpha(double softabsConst) {
        return PluginOptions.of(SoftAbsMetric.SOFTABS_CONST, softabsConst);
    }

    private static double[] gaussian(SplittableRandom rng, int d, double scale) {
        return DoubleStream.generate(() -> scale * rng.nextGaussian()).limit(d).toArray();
    }

    /** A funnel point, often where −∇² log π is indefinite (e^v Σxᵢ² &gt; 2/9). */
    private static double[] funnelPoint(SplittableRandom rng, int d) {
        double[] theta = gaussian(rng, d, 0.7);
        theta[0] = rng.nextDouble(-1.5, 1.5);
        return theta;
    }

    private static boolean indefinite(double[] funnelTheta) {
        double squares = 0;
        for (int i = 1; i < funnelTheta.length; i++) {
            squares += funnelTheta[i] * funnelTheta[i];
        }
        return Math.exp(funnelTheta[0]) * squares > 2.0 / 9;
    }

    @Test
    void kineticEnergyUsesTheSoftAbsOfTheHessianOfThePotential() {
        SplittableRandom rng = new SplittableRandom(31);
        Target funnel = TestTargets.funnel(5);
        for (int trial = 0; trial < 4; trial++) {
            double[] theta = funnelPoint(rng, 5);
            double[] p = gaussian(rng, 5, 1.0);
            for (double a : new double[] {1e6, 1.0}) {
                double[][] g = Reference.softAbsMetric(funnel.hessian(theta), new double[5], a);
                double expected = Reference.kineticEnergy(g, p);
                assertEquals(expected, hamiltonian(funnel, alpha(a)).kineticEnergy(theta, p), 1e-12 * Math.abs(expected));
            }
        }
        // −∇² log π is positive-definite for the logistic regression: with α = 10⁶, G is that Hessian
        Target logistic = TestTargets.logisticRegression();
        double[] theta = gaussian(rng, 5, 1.0);
        double[] p = gaussian(rng, 5, 1.0);
        double[][] negativeHessian = logistic.hessian(theta);
        for (double[] row : negativeHessian) {
            for (int k = 0; k < row.length; k++) {
                row[k] = -row[k];
            }
        }
        assertEquals(Reference.kineticEnergy(negativeHessian, p), hamiltonian(logistic, DEFAULTS).kineticEnergy(theta, p),
                1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferencesOnTheFunnelIncludingIndefinitePoints() {
        SplittableRandom rng = new SplittableRandom(32);
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), DEFAULTS);
        int indefinite = 0;
        for (int trial = 0; trial < 8; trial++) {
            double[] theta = funnelPoint(rng, 5);
            indefinite += indefinite(theta) ? 1 : 0;
            HamiltonianCheck.assertGradientsMatch(h, theta, gaussian(rng, 5, 1.0), TOLERANCE, "funnel trial " + trial);
        }
        assertEquals(8, indefinite, "the Hessian is indefinite at every funnel point drawn");
    }

    @Test
    void gradientsMatchFiniteDifferencesOnTheFunnelWithASmallSoftAbsConstant() {
        SplittableRandom rng = new SplittableRandom(33);
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), alpha(2.0));
        for (int trial = 0; trial < 4; trial++) {
            HamiltonianCheck.assertGradientsMatch(h, funnelPoint(rng, 5), gaussian(rng, 5, 1.0), TOLERANCE,
                    "funnel α = 2, trial " + trial);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesOnLogisticRegression() {
        SplittableRandom rng = new SplittableRandom(34);
        RiemannianHamiltonian h = hamiltonian(TestTargets.logisticRegression(), DEFAULTS);
        for (int trial = 0; trial < 6; trial++) {
            HamiltonianCheck.assertGradientsMatch(h, gaussian(rng, 5, 1.0), gaussian(rng, 5, 2.0), TOLERANCE,
                    "logistic trial " + trial);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesWithJitter() {
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 0.3);
        SplittableRandom rng = new SplittableRandom(35);
        RiemannianHamiltonian h = hamiltonian(TestTargets.funnel(5), settings).forTrajectory(rng);
        HamiltonianCheck.assertGradientsMatch(h, funnelPoint(rng, 5), gaussian(rng, 5, 1.0), TOLERANCE, "jittered");
    }

    /**
     * Eigenvalues of −∇² log π placed by the rotated separable target: one with |αλ| &lt; 10⁻⁴ (the
     * series), one with |αλ| in the sinh-series range, an exactly equal pair and a negative one.
     */
    @Test
    void nearZeroAndEqualEigenvaluesFollowTheSeriesAndTheLimit() {
        double softabsConst = 10;
        double[] y = {0.3, 0.5, 0.7, 0.7, 0.2};
        double[] c = {-0.09 + 1e-6, -0.25 + 0.02, 0.51, 0.51, -1.04};
        Geometry g = checkEigenDerivativesAndGradients(y, c, softabsConst, "near zero and equal");
        double[] lambda = ((SoftAbsHamiltonian.SoftAbsGeometry) g).eigenvalues();
        assertTrue(DoubleStream.of(lambda).anyMatch(l -> Math.abs(softabsConst * l) < SoftAbs.SERIES_LIMIT),
                "an eigenvalue on the series branch");
        assertTrue(DoubleStream.of(lambda).anyMatch(l -> Math.abs(softabsConst * l) >= SoftAbs.SERIES_LIMIT
                && Math.abs(softabsConst * l) < SoftAbs.SINH_SERIES_LIMIT), "an eigenvalue on the sinh-series branch");
        assertEquals(1, countNearlyEqualPairs(lambda, softabsConst), "the equal pair 0.51, 0.51");
    }

    /** An equal pair and a pair 10⁻¹² apart, both in the sinh-series range, and a distinct neighbour. */
    @Test
    void nearlyEqualSmallEigenvaluesUseTheMidpointDerivative() {
        double softabsConst = 10;
        double[] y = {0.1, 0.1, 0.4, 0.6, -0.3};
        double[] c = {-0.01 + 0.005, -0.01 + 0.005, -0.16 + 0.005 + 1e-12, -0.36 + 0.0051, 0.1};
        Geometry g = checkEigenDerivativesAndGradients(y, c, softabsConst, "nearly equal small");
        double[] lambda = ((SoftAbsHamiltonian.SoftAbsGeometry) g).eigenvalues();
        assertEquals(3, countNearlyEqualPairs(lambda, softabsConst), "three pairs among 0.005, 0.005, 0.005 + 1e-12");
    }

    /**
     * Exactly zero eigenvalues with the default α = 10⁶: no 0/0, finite derivatives, J as in high
     * precision. No finite differences here: near λ = 0, ∂H/∂λ ≈ −(α³/3) λ (Qᵀp)², so the
     * eigen-solver's rounding of λ (~1e-16) moves ∂H/∂θ by O(1) for p of order 1, and H curves on a
     * 1e-6 scale that central differences cannot resolve in double precision; the same branches
     * are checked against finite differences with α = 10 above.
     */
    @Test
    void zeroEigenvaluesWithTheDefaultConstant() {
        double[] y = {0.5, 0.5, 0.7, 1.0, 0.2};
        double[] c = {-0.25, -0.25, 0.51, 0.3, -1.04};
        RiemannianHamiltonian h = hamiltonian(SoftAbsTargets.rotatedSeparable(c), DEFAULTS);
        Geometry g = h.geometry(SoftAbsTargets.reflect(y));
        double[] out = new double[5];
        g.positionGradient(new double[] {0.7, -1.2, 0.4, 1.5, -0.3}, out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isFinite));
        checkEigenDerivatives((SoftAbsHamiltonian.SoftAbsGeometry) g, 1e6, "zero eigenvalues");
        double[] lambda = ((SoftAbsHamiltonian.SoftAbsGeometry) g).eigenvalues();
        assertEquals(1, countNearlyEqualPairs(lambda, 1e6), "the zero pair");
    }

    private static int countNearlyEqualPairs(double[] lambda, double softabsConst) {
        int pairs = 0;
        for (int b = 0; b < lambda.length; b++) {
            for (int k = 0; k < b; k++) {
                double scale = SoftAbs.value(lambda[b], softabsConst) + SoftAbs.value(lambda[k], softabsConst);
                pairs += Math.abs(lambda[b] - lambda[k]) <= SoftAbs.EQUAL_EIGENVALUES * scale ? 1 : 0;
            }
        }
        return pairs;
    }

    private static Geometry checkEigenDerivativesAndGradients(double[] y, double[] c, double softabsConst, String where) {
        RiemannianHamiltonian h = hamiltonian(SoftAbsTargets.rotatedSeparable(c), alpha(softabsConst));
        double[] theta = SoftAbsTargets.reflect(y);
        double[] p = {0.7, -1.2, 0.4, 1.5, -0.3};
        HamiltonianCheck.assertGradientsMatch(h, theta, p, TOLERANCE, where);
        Geometry g = h.geometry(theta);
        // the differences visited other positions: make sure this geometry has its J
        g.positionGradient(p, new double[theta.length]);
        checkEigenDerivatives((SoftAbsHamiltonian.SoftAbsGeometry) g, softabsConst, where);
        return g;
    }

    private static void checkEigenDerivatives(SoftAbsHamiltonian.SoftAbsGeometry g, double softabsConst, String where) {
        double[] lambda = g.eigenvalues();
        double[][] j = g.eigenDerivatives();
        for (int b = 0; b < lambda.length; b++) {
            double expected = Reference.derivative(lambda[b], softabsConst);
            assertEquals(expected, j[b][b], 1e-13 * Math.abs(expected), where + ": J[" + b + "][" + b + "]");
            for (int k = 0; k < b; k++) {
                assertEquals(Reference.dividedDifference(lambda[b], lambda[k], softabsConst), j[b][k], 1e-10,
                        where + ": J[" + b + "][" + k + "] for λ = " + lambda[b] + ", " + lambda[k]);
                assertEquals(j[b][k], j[k][b]);
            }
        }
    }

    @Test
    void oneHessianAndOneThirdDerivativeTensorPerPositionHoweverManyMomenta() {
        TestTargets.Counting target = new TestTargets.Counting(TestTargets.funnel(5));
        RiemannianHamiltonian h = hamiltonian(target, DEFAULTS);
        SplittableRandom rng = new SplittableRandom(36);
        double[] theta = funnelPoint(rng, 5);
        double[] out = new double[5];
        for (int i = 0; i < 50; i++) {
            double[] p = gaussian(rng, 5, 1.0);
            h.velocity(theta.clone(), p, out);
            h.kineticEnergy(theta.clone(), p);
        }
        assertEquals(1, target.hessianCalls);
        assertEquals(0, target.thirdDerivativeCalls, "no third derivatives before ∂H/∂θ");
        for (int i = 0; i < 50; i++) {
            h.geometry(theta.clone()).positionGradient(gaussian(rng, 5, 1.0), out);
        }
        assertEquals(1, target.gradientCalls);
        assertEquals(1, target.hessianCalls);
        assertEquals(1, target.thirdDerivativeCalls);

        // an implicit integrator alternating between two positions costs one of each per position
        double[] other = funnelPoint(rng, 5);
        for (int i = 0; i < 20; i++) {
            h.geometry(i % 2 == 0 ? other : theta).positionGradient(gaussian(rng, 5, 1.0), out);
        }
        assertEquals(2, target.hessianCalls);
        assertEquals(2, target.thirdDerivativeCalls);
    }

    @Test
    void jitterIsDrawnOncePerTrajectory() {
        PluginOptions settings = PluginOptions.of(Jitter.SCALE, 0.5);
        RiemannianHamiltonian base = hamiltonian(TestTargets.funnel(5), settings);
        double[] theta = {0.1, -0.2, 0.3, 0.0, 0.4};
        double[] p = {1, 2, -1, 0.5, 0.3};
        RiemannianHamiltonian a = base.forTrajectory(new SplittableRandom(37));
        RiemannianHamiltonian b = base.forTrajectory(new SplittableRandom(37));
        assertEquals(a.kineticEnergy(theta, p), b.kineticEnergy(theta, p));
        SplittableRandom rng = new SplittableRandom(38);
        RiemannianHamiltonian first = base.forTrajectory(rng);
        assertNotEquals(first.kineticEnergy(theta, p), base.forTrajectory(rng).kineticEnergy(theta, p));
        double[] jitter = ((CachedRiemannianHamiltonian) first).jitter();
        double[][] g = Reference.softAbsMetric(TestTargets.funnel(5).hessian(theta), jitter, 1e6);
        assertEquals(Reference.kineticEnergy(g, p), first.kineticEnergy(theta, p), 1e-12);
        assertSame(hamiltonian(TestTargets.funnel(5), DEFAULTS).getClass(), first.getClass());
        RiemannianHamiltonian unjittered = hamiltonian(TestTargets.funnel(5), DEFAULTS);
        assertSame(unjittered, unjittered.forTrajectory(rng));
    }

    @Test
    void nonFiniteValuesAreInvalidLogProbabilities() {
        Target funnel = TestTargets.funnel(4);
        double[] theta = {0.2, 0.1, -0.1, 0.05};
        double[] p = {1, 1, 1, 1};
        double[] out = new double[4];
        assertEquals(Event.INVALID_LOG_PROB,
                hamiltonian(TestTargets.poisoned(funnel, true, false, false), DEFAULTS).geometry(theta).failure());
        assertEquals(Event.INVALID_LOG_PROB,
                hamiltonian(TestTargets.poisoned(funnel, false, true, false), DEFAULTS).geometry(theta).failure());
        Geometry nanThird = hamiltonian(TestTargets.poisoned(funnel, false, false, true), DEFAULTS).geometry(theta);
        assertNull(nanThird.failure());
        nanThird.positionGradient(p, out);
        assertTrue(DoubleStream.of(out).allMatch(Double::isNaN));
        assertEquals(Event.INVALID_LOG_PROB, nanThird.failure());
        Geometry overflow = hamiltonian(funnel, DEFAULTS).geometry(new double[] {800, 1, 1, 1});
        assertEquals(Event.INVALID_LOG_PROB, overflow.failure());
        assertTrue(Double.isNaN(overflow.kineticEnergy(p)));
    }

    @Test
    void aSingularHessianIsFineForSoftAbs() {
        // far down the funnel's mouth e^v underflows and ∇²U is singular; SoftAbs lifts it to 1/α
        Geometry g = hamiltonian(TestTargets.funnel(4), DEFAULTS).geometry(new double[] {-800, 1, 1, 1});
        assertNull(g.failure());
        assertTrue(Double.isFinite(g.kineticEnergy(new double[] {1, 1, 1, 1})));
    }

    @Test
    void momentumIsDistributedAsNormalWithCovarianceG() {
        Target funnel = TestTargets.funnel(5);
        double[] theta = {0.4, 0.8, -0.6, 0.5, 0.2};
        assertTrue(indefinite(theta));
        double[][] g = Reference.softAbsMetric(funnel.hessian(theta), new double[5], 1e6);
        MomentumCovariance.assertCovarianceIs(g, hamiltonian(funnel, DEFAULTS), theta, new SplittableRandom(39));
    }
}
