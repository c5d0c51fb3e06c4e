package dev.hamiltorch.integrators;

import static dev.hamiltorch.integrators.PhaseSpace.concat;
import static dev.hamiltorch.integrators.PhaseSpace.distance;
import static dev.hamiltorch.integrators.PhaseSpace.distanceToFlipped;
import static dev.hamiltorch.integrators.PhaseSpace.flipped;
import static dev.hamiltorch.integrators.PhaseSpace.negated;
import static dev.hamiltorch.integrators.PhaseSpace.pointAt;
import static dev.hamiltorch.integrators.PhaseSpace.slice;
import static dev.hamiltorch.testkit.FiniteDifferences.determinant;
import static dev.hamiltorch.testkit.FiniteDifferences.jacobian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.integrators.TestHamiltonians.Banana;
import dev.hamiltorch.integrators.TestHamiltonians.DiagonalGaussian;
import dev.hamiltorch.integrators.TestHamiltonians.DiagonalMetric;
import dev.hamiltorch.integrators.TestHamiltonians.Gaussian1d;
import dev.hamiltorch.integrators.TestHamiltonians.NonSeparable;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExplicitBindingIntegratorTest {

    private static final Target GAUSSIAN = new DiagonalGaussian(1.0, 2.0);
    private static final double[] THETA0 = {0.8, -0.6};
    private static final double[] P0 = {0.9, 1.1};

    private static PhasePoint start() {
        return pointAt(GAUSSIAN, THETA0, P0);
    }

    /**
     * 1-D N(0, 1), unit mass, θ = x = 1, p = y = 0.5, ε = 0.2 and ω = π/(4ε), so 2ωε = π/2: c = 0, s = 1.
     * By hand, with δ = ε/2 = 0.1 and ∂H/∂θ(θ, ·) = θ, ∂H/∂p(·, y) = y:
     * <pre>
     *   φ_A: p = 0.5 − 0.1·1 = 0.4;          x = 1 + 0.1·0.5 = 1.05
     *   φ_B: θ = 1 + 0.1·0.4 = 1.04;         y = 0.5 − 0.1·1.05 = 0.395
     *   φ_C: θ+x = 2.09, θ−x = −0.01, p+y = 0.795, p−y = 0.005
     *        θ = ½(2.09 + 0.005) = 1.0475,   p = ½(0.795 + 0.01) = 0.4025
     *        x = ½(2.09 − 0.005) = 1.0425,   y = ½(0.795 − 0.01) = 0.3925
     *   φ_B: θ = 1.0475 + 0.1·0.4025 = 1.08775;   y = 0.3925 − 0.1·1.0425 = 0.28825
     *   φ_A: p = 0.4025 − 0.1·1.08775 = 0.293725; x = 1.0425 + 0.1·0.28825 = 1.071325
     * </pre>
     * hamiltorch's sequential φ_C would give p = ½(0.795 + 0.0025) = 0.39875 instead of 0.4025.
     */
    @Test
    void oneStepMatchesAHandComputedStep() {
        Target target = new Gaussian1d(1.0);
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0);
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator(Math.PI / 0.8);
        IntegrationResult r = integrator.integrate(h, pointAt(target, new double[] {1.0}, new double[] {0.5}), 0.2, 1);
        assertNull(r.failure());
        // cos(π/2) is 6e-17, not 0: tolerances of a few ulps
        assertEquals(1.08775, r.end().position()[0], 1e-15);
        assertEquals(0.293725, r.end().momentum()[0], 1e-15);
        assertEquals(-0.5 * 1.08775 * 1.08775, r.end().logDensity(), 1e-15);
        assertEquals(-1.08775, r.end().gradient()[0], 1e-15);

        double[] theta = {1.0};
        double[] p = {0.5};
        double[] x = {1.0};
        double[] y = {0.5};
        integrator.integrateAugmented(h, theta, p, x, y, 0.2, 1);
        assertEquals(1.08775, theta[0], 1e-15);
        assertEquals(0.293725, p[0], 1e-15);
        assertEquals(1.071325, x[0], 1e-15);
        assertEquals(0.28825, y[0], 1e-15);
    }

    /** φ_C as hamiltorch writes it: each line sees the lines before it already updated. */
    private static void sequentialRotation(double[] q, double[] p, double[] x, double[] y, double c, double s) {
        for (int i = 0; i < q.length; i++) {
            q[i] = 0.5 * ((q[i] + x[i]) + c * (q[i] - x[i]) + s * (p[i] - y[i]));
            p[i] = 0.5 * ((p[i] + y[i]) - s * (q[i] - x[i]) + c * (p[i] - y[i]));
            x[i] = 0.5 * ((q[i] + x[i]) - c * (q[i] - x[i]) - s * (p[i] - y[i]));
            y[i] = 0.5 * ((p[i] + y[i]) + s * (q[i] - x[i]) - c * (p[i] - y[i]));
        }
    }

    @Test
    void theRotationIsTheSimultaneousExactFlowOfTheBindingTerm() {
        double[] theta = {0.3, -1.2};
        double[] p = {0.7, 0.4};
        double[] x = {-0.5, 0.9};
        double[] y = {1.1, -0.2};
        double angle = 0.9;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] t1 = theta.clone();
        double[] p1 = p.clone();
        double[] x1 = x.clone();
        double[] y1 = y.clone();
        ExplicitBindingIntegrator.rotate(t1, p1, x1, y1, c, s);

        for (int i = 0; i < 2; i++) {
            // by hand: sums stay, (θ − x, p − y) turns by the angle
            double u = theta[i] - x[i];
            double v = p[i] - y[i];
            double uNew = c * u + s * v;
            double vNew = -s * u + c * v;
            assertEquals(0.5 * (theta[i] + x[i] + uNew), t1[i], 1e-15);
            assertEquals(0.5 * (theta[i] + x[i] - uNew), x1[i], 1e-15);
            assertEquals(0.5 * (p[i] + y[i] + vNew), p1[i], 1e-15);
            assertEquals(0.5 * (p[i] + y[i] - vNew), y1[i], 1e-15);
        }
        // an isometry of (θ, p, x, y)
        double[] before = concat(theta, p, x, y);
        double[] after = concat(t1, p1, x1, y1);
        assertEquals(norm(before), norm(after), 1e-15);
        // a flow: two rotations by 0.4 and 0.5 make one by 0.9
        double[] t2 = theta.clone();
        double[] p2 = p.clone();
        double[] x2 = x.clone();
        double[] y2 = y.clone();
        ExplicitBindingIntegrator.rotate(t2, p2, x2, y2, Math.cos(0.4), Math.sin(0.4));
        ExplicitBindingIntegrator.rotate(t2, p2, x2, y2, Math.cos(0.5), Math.sin(0.5));
        assertArrayEquals(after, concat(t2, p2, x2, y2), 1e-15);

        // the sequential update is a different map, which shrinks volume by ((1 + c)/2)⁴ per coordinate
        double[] ts = theta.clone();
        double[] ps = p.clone();
        double[] xs = x.clone();
        double[] ys = y.clone();
        sequentialRotation(ts, ps, xs, ys, c, s);
        assertTrue(distance(after, concat(ts, ps, xs, ys)) > 0.1);
        double[][] simultaneous = jacobian(z -> rotated(z, c, s, false), new double[] {0.3, 0.7, -0.5, 1.1}, 1e-6);
        double[][] sequential = jacobian(z -> rotated(z, c, s, true), new double[] {0.3, 0.7, -0.5, 1.1}, 1e-6);
        assertEquals(1.0, determinant(simultaneous), 1e-9);
        assertEquals(Math.pow((1 + c) / 2, 4), determinant(sequential), 1e-9);
    }

    /** (θ, p, x, y) in 1-D after the simultaneous or the sequential φ_C. */
    private static double[] rotated(double[] z, double c, double s, boolean sequentially) {
        double[] q = {z[0]};
        double[] p = {z[1]};
        double[] x = {z[2]};
        double[] y = {z[3]};
        if (sequentially) {
            sequentialRotation(q, p, x, y, c, s);
        } else {
            ExplicitBindingIntegrator.rotate(q, p, x, y, c, s);
        }
        return new double[] {q[0], p[0], x[0], y[0]};
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    static Stream<Arguments> hamiltonians() {
        Target banana = new Banana();
        return Stream.of(
                Arguments.of("Riemannian, ω = 100", new DiagonalMetric(GAUSSIAN, 1.0), 100.0, THETA0, P0),
                Arguments.of("Riemannian, ω = 10", new DiagonalMetric(GAUSSIAN, 1.0), 10.0, THETA0, P0),
                Arguments.of("separable banana, ω = 100", new DiagonalMassHamiltonian(banana, 1.0, 0.5), 100.0,
                        new double[] {0.5, 0.8}, new double[] {0.7, -1.3}));
    }

    /** The augmented map is reversible when p and its copy y are both flipped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hamiltonians")
    void theAugmentedMapIsReversible(String name, Hamiltonian h, double omega, double[] theta0, double[] p0) {
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator(omega);
        double[] theta = theta0.clone();
        double[] p = p0.clone();
        double[] x = theta0.clone();
        double[] y = p0.clone();
        assertNull(integrator.integrateAugmented(h, theta, p, x, y, 0.05, 20).failure());
        assertTrue(distance(theta0, theta) > 0.3, "the trajectory must go somewhere");
        double[] pBack = negated(p);
        double[] yBack = negated(y);
        assertNull(integrator.integrateAugmented(h, theta, pBack, x, yBack, 0.05, 20).failure());
        assertArrayEquals(theta0, theta, 1e-10);
        assertArrayEquals(theta0, x, 1e-10);
        assertArrayEquals(p0, negated(pBack), 1e-10);
        assertArrayEquals(p0, negated(yBack), 1e-10);
    }

    /**
     * The copies restart equal to (θ, p) at every trajectory, so (θ, p) alone returns only up to the
     * copies' drift, O(ε²): about 100 times closer at a ten times smaller step.
     */
    @ParameterizedTest(name = "ω = {0}")
    @ValueSource(doubles = {1.0, 10.0, 100.0})
    void onThePhasePointAloneReversibilityHoldsToSecondOrder(double omega) {
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator(omega);
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0);
        double[] error = new double[2];
        double[] eps = {0.1, 0.01};
        for (int k = 0; k < 2; k++) {
            int steps = (int) Math.round(1.0 / eps[k]);
            IntegrationResult forward = integrator.integrate(h, start(), eps[k], steps);
            IntegrationResult back = integrator.integrate(h, flipped(forward.end()), eps[k], steps);
            error[k] = distanceToFlipped(start(), back.end());
        }
        assertTrue(error[0] < 1e-2 && error[1] < 1e-4, "errors " + error[0] + ", " + error[1]);
        double ratio = error[0] / error[1];
        assertTrue(ratio > 50 && ratio < 200, "error ratio " + ratio + " for a ten times smaller step");
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                // hamiltorch's default ω: second order shows from ε ≈ 0.02 down
                Arguments.of(100.0, new double[] {0.02, 0.01, 0.005, 0.0025}),
                Arguments.of(10.0, new double[] {0.05, 0.025, 0.0125}),
                Arguments.of(1.0, new double[] {0.1, 0.05, 0.025}));
    }

    @ParameterizedTest(name = "ω = {0}")
    @MethodSource("orders")
    void energyErrorAtFixedTimeIsSecondOrder(double omega, double[] eps) {
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator(omega);
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0);
        PhasePoint start = start();
        double h0 = h.energy(start);
        double[] error = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            IntegrationResult r = integrator.integrate(h, start, eps[k], (int) Math.round(1.0 / eps[k]));
            assertNull(r.failure());
            error[k] = Math.abs(h.energy(r.end()) - h0);
        }
        for (int k = 0; k + 1 < eps.length; k++) {
            double ratio = error[k] / error[k + 1];
            assertTrue(ratio > 3.5 && ratio < 4.5, "error " + error[k] + " at ε = " + eps[k] + " vs " + error[k + 1]
                    + " at ε/2: ratio " + ratio + " is not ≈ 4");
        }
    }

    /** The augmented one-step map (θ, p, x, y) → (θ', p', x', y') has unit Jacobian determinant. */
    @ParameterizedTest(name = "ω = {0}")
    @ValueSource(doubles = {10.0, 100.0})
    void theAugmentedStepMapPreservesVolume(double omega) {
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator(omega);
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0);
        double[][] jac = jacobian(z -> {
            double[] theta = slice(z, 0, 2);
            double[] p = slice(z, 2, 2);
            double[] x = slice(z, 4, 2);
            double[] y = slice(z, 6, 2);
            integrator.integrateAugmented(h, theta, p, x, y, 0.05, 1);
            return concat(theta, p, x, y);
        }, concat(THETA0, P0, new double[] {0.7, -0.5}, new double[] {1.0, 1.2}), 1e-5);
        assertEquals(1.0, determinant(jac), 1e-6);
    }

    /** On (θ, p) with the copies reset, the determinant is 1 only to O(ε²), like reversibility. */
    @Test
    void onThePhasePointAloneVolumeIsPreservedToSecondOrder() {
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator();
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0);
        double[] defect = new double[2];
        double[] eps = {0.1, 0.01};
        for (int k = 0; k < 2; k++) {
            double e = eps[k];
            double[][] jac = jacobian(z -> {
                PhasePoint end = integrator.integrate(h, pointAt(GAUSSIAN, slice(z, 0, 2), slice(z, 2, 2)), e,
                        (int) Math.round(1.0 / e)).end();
                return concat(end.position(), end.momentum());
            }, concat(THETA0, P0), 1e-5);
            defect[k] = Math.abs(determinant(jac) - 1);
        }
        assertTrue(defect[0] < 1e-2 && defect[1] < 1e-4, "defects " + defect[0] + ", " + defect[1]);
        assertTrue(defect[0] / defect[1] > 30, "defects " + defect[0] + ", " + defect[1]);
    }

    @Test
    void eachStepRequestsThreeGeometries() {
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0);
        PhasePoint start = start();
        h.geometries = 0;
        IntegrationResult r = new ExplicitBindingIntegrator().integrate(h, start, 0.01, 25);
        assertNull(r.failure());
        assertEquals(75, r.gradientEvaluations());
        assertEquals(76, h.geometries, "and one at the start");
    }

    @Test
    void aGeometryFailureIsPropagatedAndTheFailedGeometryIsNeverUsed() {
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0, theta -> theta[0] > 1.2, Event.NON_SPD_METRIC);
        PhasePoint start = pointAt(GAUSSIAN, new double[] {0.5, 0.0}, new double[] {3.0, 0.0});
        IntegrationResult r = new ExplicitBindingIntegrator().integrate(h, start, 0.01, 500);
        assertEquals(Event.NON_SPD_METRIC, r.failure());
        // θ₁ stays 0, so θ₀ moves in the potential θ²/2 + ½ log(1 + θ²) and (integrated to 1e-9 by RK4)
        // passes 1.2 at t = 0.2454, in step 25 of 0.01; at t = 0.24 it is at 1.18546
        assertEquals(25, r.steps(), "failed at step " + r.steps());
        assertEquals(1.18546, r.end().position()[0], 1e-3, "the last completed step");

        PhasePoint inside = pointAt(GAUSSIAN, new double[] {1.5, 0.0}, new double[] {1.0, 0.0});
        IntegrationResult atStart = new ExplicitBindingIntegrator().integrate(h, inside, 0.01, 10);
        assertEquals(Event.NON_SPD_METRIC, atStart.failure());
        assertEquals(0, atStart.steps());
    }

    @Test
    void aNonFiniteLogDensityEndsTheTrajectoryWithoutThrowing() {
        // log π = NaN beyond θ = 1.5 on a separable Hamiltonian
        Target cliff = new Target() {
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
                return logDensityAndGradient(theta, new double[1]);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                gradient[0] = -theta[0];
                return theta[0] > 1.5 ? Double.NaN : -0.5 * theta[0] * theta[0];
            }
        };
        Hamiltonian h = new DiagonalMassHamiltonian(cliff, 1.0);
        IntegrationResult r = new ExplicitBindingIntegrator().integrate(h,
                pointAt(cliff, new double[] {0.0}, new double[] {3.0}), 0.01, 200);
        assertEquals(Event.INVALID_LOG_PROB, r.failure());
        // θ(t) = 3 sin t passes 1.5 at t = π/6 ≈ 0.5236, in step 53 of 0.01
        assertEquals(53, r.steps());
        assertEquals(3 * Math.sin(0.52), r.end().position()[0], 1e-3, "the end is the last completed step");
        assertTrue(Double.isFinite(r.end().logDensity()), "the end is the last completed step");
    }

    @Test
    void configureReadsTheBindingConstant() {
        ExplicitBindingIntegrator defaults = new ExplicitBindingIntegrator();
        assertEquals(100.0, defaults.explicitBindingConst());
        ExplicitBindingIntegrator configured = defaults.configure(
                PluginOptions.of(ExplicitBindingIntegrator.EXPLICIT_BINDING_CONST, 25.0));
        assertNotSame(defaults, configured);
        assertEquals(25.0, configured.explicitBindingConst());
        assertEquals(100.0, defaults.explicitBindingConst());
        assertThrows(IllegalArgumentException.class, () -> new ExplicitBindingIntegrator(0.0));
        assertThrows(IllegalArgumentException.class, () -> new ExplicitBindingIntegrator(Double.POSITIVE_INFINITY));
    }

    @Test
    void theStartPointIsNotModifiedAndBadArgumentsAreRefused() {
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0);
        PhasePoint start = start();
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        ExplicitBindingIntegrator integrator = new ExplicitBindingIntegrator();
        integrator.integrate(h, start, 0.01, 10);
        assertArrayEquals(theta, start.position());
        assertArrayEquals(p, start.momentum());

        IntegrationResult none = integrator.integrate(h, start, 0.01, 0);
        assertEquals(0, none.steps());
        assertArrayEquals(theta, none.end().position());
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(h, start, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(h, start, 0.01, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(new NonSeparable(GAUSSIAN), start, 0.01, 1));
        assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class,
                () -> integrator.checkSupports(new NonSeparable(GAUSSIAN))).getMessage());
        integrator.checkSupports(h);
    }

    @Test
    void everyRunIsToldOnceThatItsResultsAreBiasedAndToUseTheImplicitIntegrator() {
        PluginOptions options = PluginOptions.of(ExplicitBindingIntegrator.EXPLICIT_BINDING_CONST, 10.0);
        StepParameters tuning = StepParameters.DEFAULTS.withStepSize(0.3);
        Map<Event, Long> none = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            none.put(e, 0L);
        }
        assertEquals(List.of("the explicit integrator (ω = 10.0, ε = 0.3: 2ωε = 6.00 rad) is not exactly"
                        + " reversible or volume-preserving, and its high acceptance rate hides a bias that follows 2ωε"
                        + " (on a 1-D quartic with Var 0.468, ω 10 gave Var 0.344 at ε 0.3 and 0.390 at ε 0.15 with"
                        + " 96-98 % acceptance); use integrator \"implicit\" for final results"),
                new ExplicitBindingIntegrator().warnings(options, tuning, none, 100));
        assertEquals(List.of(), new GeneralizedLeapfrog().warnings(options, tuning, none, 100));
        assertEquals(List.of(), new Leapfrog().warnings(options, tuning, none, 100));
    }
}
