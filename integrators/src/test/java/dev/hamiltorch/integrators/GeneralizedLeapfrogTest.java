package dev.hamiltorch.integrators;

import static dev.hamiltorch.integrators.PhaseSpace.concat;
import static dev.hamiltorch.integrators.PhaseSpace.distance;
import static dev.hamiltorch.integrators.PhaseSpace.distanceToFlipped;
import static dev.hamiltorch.integrators.PhaseSpace.flipped;
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
import dev.hamiltorch.integrators.TestHamiltonians.ScalarMetric;
import dev.hamiltorch.integrators.TestHamiltonians.VelocityField;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralizedLeapfrogTest {

    /** Tight enough (a change below 1e-13 per iteration) that the fixed points are exact to rounding. */
    private static final double TIGHT = 1e-26;
    /** The reversibility tolerance that turns the check off. */
    private static final double OFF = Double.POSITIVE_INFINITY;

    private static final Target GAUSSIAN = new DiagonalGaussian(1.0, 2.0);
    private static final double[] THETA0 = {0.8, -0.6};
    private static final double[] P0 = {0.9, 1.1};

    private static DiagonalMetric riemannian() {
        return new DiagonalMetric(GAUSSIAN, 1.0);
    }

    private static PhasePoint start() {
        return pointAt(GAUSSIAN, THETA0, P0);
    }

    /**
     * One step on H = θ²/2 + ½ log(1 + θ²) + p²/(2(1 + θ²)) from θ = 0.7, p = 0.9, ε = 0.1, against the
     * implicit equations solved independently: (a) is a quadratic in p½, solved in closed form; (b) a
     * cubic in θ', solved by Newton's method; (c) is explicit.
     */
    @Test
    void oneStepSolvesTheImplicitEquations() {
        double theta = 0.7;
        double p = 0.9;
        double h = 0.05;
        double g = 1 + theta * theta;
        // (a) p½ = p − h(θ + θ/G − θp½²/G²)  ⇔  A p½² − p½ + C = 0, the root that tends to C as A → 0
        double a = h * theta / (g * g);
        double c = p - h * theta - h * theta / g;
        double pHalf = 2 * c / (1 + Math.sqrt(1 - 4 * a * c));
        // (b) t = θ + h p½ (1/G(θ) + 1/(1 + t²))
        double t = theta;
        for (int i = 0; i < 50; i++) {
            double f = t - theta - h * pHalf * (1 / g + 1 / (1 + t * t));
            double df = 1 + h * pHalf * 2 * t / ((1 + t * t) * (1 + t * t));
            t -= f / df;
        }
        double gNew = 1 + t * t;
        // (c)
        double pNew = pHalf - h * (t + t / gNew - t * pHalf * pHalf / (gNew * gNew));

        ScalarMetric hamiltonian = new ScalarMetric();
        PhasePoint start = pointAt(hamiltonian.target(), new double[] {theta}, new double[] {p});
        IntegrationResult r = new GeneralizedLeapfrog(1e-30, 1000).integrate(hamiltonian, start, 0.1, 1);

        assertNull(r.failure());
        assertEquals(t, r.end().position()[0], 1e-14);
        assertEquals(pNew, r.end().momentum()[0], 1e-14);
        assertEquals(-0.5 * t * t, r.end().logDensity(), 1e-14);
        assertEquals(-t, r.end().gradient()[0], 1e-14);
        // the step moved by more than the tolerance, and the metric made it differ from a leapfrog step
        assertTrue(Math.abs(t - theta) > 0.05);
        double leapfrogTheta = theta + 0.1 * (p - h * (theta + theta / g - theta * p * p / (g * g))) / g;
        assertTrue(Math.abs(t - leapfrogTheta) > 1e-3);
    }

    /** With a constant metric the generalized leapfrog is the leapfrog: the numbers of LeapfrogTest. */
    @Test
    void onASeparableHamiltonianItIsTheLeapfrog() {
        Target target = new Gaussian1d(4.0);
        Hamiltonian h = new DiagonalMassHamiltonian(target, 2.0);
        PhasePoint start = pointAt(target, new double[] {1.0}, new double[] {0.5});
        IntegrationResult two = new GeneralizedLeapfrog().integrate(h, start, 0.1, 2);
        assertNull(two.failure());
        assertEquals(1.1895125, two.end().position()[0], 1e-15);
        assertEquals(0.44519359375, two.end().momentum()[0], 1e-15);
        assertEquals(-0.297378125, two.end().gradient()[0], 1e-15);
        // loop (b) stands still at its second iteration, whose geometry serves (c): one per step
        assertEquals(2, two.gradientEvaluations());

        Target banana = new Banana();
        Hamiltonian hb = new DiagonalMassHamiltonian(banana, 1.0, 0.5);
        PhasePoint b0 = pointAt(banana, new double[] {0.5, 0.8}, new double[] {0.7, -1.3});
        IntegrationResult implicit = new GeneralizedLeapfrog(TIGHT, 1000).integrate(hb, b0, 0.05, 40);
        IntegrationResult leapfrog = new Leapfrog().integrate(hb, b0, 0.05, 40);
        assertArrayEquals(leapfrog.end().position(), implicit.end().position(), 1e-13);
        assertArrayEquals(leapfrog.end().momentum(), implicit.end().momentum(), 1e-13);
    }

    /**
     * Forwards, flip p, backwards returns to the start up to the fixed points' residuals: the
     * threshold bounds the squared change of the last iteration, so the error stays below the change
     * √threshold it allows (observed 0.02–0.08·√threshold over 40 steps) and reaches rounding for a
     * tight one.
     */
    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(doubles = {1e-5, 1e-10, 1e-16, TIGHT})
    void forwardThenBackwardReturnsToTheStartToTheFixedPointTolerance(double threshold) {
        GeneralizedLeapfrog integrator = new GeneralizedLeapfrog(threshold, 1000);
        DiagonalMetric h = riemannian();
        PhasePoint start = start();
        IntegrationResult forward = integrator.integrate(h, start, 0.1, 20);
        assertNull(forward.failure());
        assertTrue(distance(THETA0, forward.end().position()) > 0.5, "the trajectory must go somewhere");
        IntegrationResult back = integrator.integrate(h, flipped(forward.end()), 0.1, 20);
        assertNull(back.failure());
        double error = distanceToFlipped(start, back.end());
        double bound = Math.max(Math.sqrt(threshold), 1e-12);
        assertTrue(error < bound, "returned within " + error + ", expected below " + bound);
    }

    @Test
    void energyErrorAtFixedTimeIsSecondOrder() {
        GeneralizedLeapfrog integrator = new GeneralizedLeapfrog(TIGHT, 1000);
        DiagonalMetric h = riemannian();
        PhasePoint start = start();
        double h0 = h.energy(start);
        assertEquals(h.energy(THETA0, P0), h0, 1e-15, "the test Hamiltonian agrees with itself");
        double[] eps = {0.1, 0.05, 0.025, 0.0125};
        double[] error = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            IntegrationResult r = integrator.integrate(h, start, eps[k], (int) Math.round(1.0 / eps[k]));
            assertNull(r.failure());
            error[k] = Math.abs(h.energy(r.end()) - h0);
        }
        for (int k = 0; k + 1 < eps.length; k++) {
            double ratio = error[k] / error[k + 1];
            assertTrue(ratio > 3.8 && ratio < 4.2, "error " + error[k] + " at ε = " + eps[k] + " vs " + error[k + 1]
                    + " at ε/2: ratio " + ratio + " is not ≈ 4");
        }
    }

    /** det ∂(θ', p')/∂(θ, p) = 1 by central differences, for one step and for five. */
    @ParameterizedTest(name = "{0} steps")
    @ValueSource(ints = {1, 5})
    void theStepMapPreservesVolume(int steps) {
        GeneralizedLeapfrog integrator = new GeneralizedLeapfrog(TIGHT, 1000);
        DiagonalMetric h = riemannian();
        double[][] jac = jacobian(z -> {
            PhasePoint s = pointAt(GAUSSIAN, slice(z, 0, 2), slice(z, 2, 2));
            PhasePoint e = integrator.integrate(h, s, 0.1, steps).end();
            return concat(e.position(), e.momentum());
        }, concat(THETA0, P0), 1e-5);
        assertEquals(1.0, determinant(jac), 1e-6);
        assertTrue(Math.abs(jac[0][2]) > 0.01, "θ' depends on p: the map is not trivial");
    }

    @Test
    void gradientEvaluationsCountTheGeometriesMadeAfterTheStart() {
        DiagonalMetric h = riemannian();
        PhasePoint start = start();
        h.geometries = 0;
        IntegrationResult r = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, start, 0.1, 10);
        assertNull(r.failure());
        assertEquals(h.geometries - 1, r.gradientEvaluations(), "every geometry but the start's");
        assertTrue(r.gradientEvaluations() >= 2 * 10, "loop (b) iterates at least twice per step here");
    }

    @Test
    void aFixedPointThatDoesNotConvergeRejectsWithoutThrowing() {
        // a = 10 makes ∂H/∂θ strongly nonlinear; one iteration cannot settle p½
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 10.0);
        PhasePoint start = pointAt(GAUSSIAN, new double[] {1.0, -1.0}, new double[] {3.0, 2.0});
        IntegrationResult r = new GeneralizedLeapfrog(1e-5, 1).integrate(h, start, 0.1, 10);
        assertEquals(Event.FIXED_POINT_NOT_CONVERGED, r.failure());
        assertEquals(1, r.steps());
        assertArrayEquals(start.position(), r.end().position(), "no step completed: the end is the start");

        // and enough iterations do converge on the same problem
        assertNull(new GeneralizedLeapfrog(1e-5, 1000).integrate(h, start, 0.1, 10).failure());
    }

    @Test
    void aDivergingFixedPointStopsEarlyWithoutThrowing() {
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 10.0);
        PhasePoint start = pointAt(GAUSSIAN, new double[] {1.0, -1.0}, new double[] {3.0, 2.0});
        IntegrationResult r = new GeneralizedLeapfrog(1e-5, 1_000_000).integrate(h, start, 5.0, 10);
        assertEquals(Event.FIXED_POINT_NOT_CONVERGED, r.failure());
        assertTrue(h.geometries < 10_000, h.geometries + " geometries: a diverged iteration must stop at once");
    }

    @Test
    void aFixedPointThatStallsStopsAfterStallIterationsWithoutNewSmallestChange() {
        // v flips sign at θ = ½: from θ = 0, p = 1, ε = 1 loop (b) alternates 0, 1, 0, 1, … with change 1
        VelocityField h = new VelocityField((theta, p) -> theta <= 0.5 ? p : -p);
        PhasePoint start = pointAt(h.target(), new double[] {0.0}, new double[] {1.0});
        IntegrationResult r = new GeneralizedLeapfrog(1e-5, 1000).integrate(h, start, 1.0, 1);
        assertEquals(Event.FIXED_POINT_NOT_CONVERGED, r.failure());
        // iteration 0 (at the start's geometry) sets the smallest change; iterations 1 to 50 repeat it
        assertEquals(GeneralizedLeapfrog.STALL_ITERATIONS, r.gradientEvaluations());
        assertArrayEquals(start.position(), r.end().position());
    }

    @Test
    void aSlowlyContractingFixedPointRunsPastTheStallLimit() {
        // v = p − 1.9 θ makes loop (b), from θ = 0, p = 1, ε = 1, the iteration x ← 0 + ½ (1 + (1 − 1.9 x)):
        // a contraction with rate 0.95, each change a new smallest one, ending when a change is below √1e-5
        VelocityField h = new VelocityField((theta, p) -> p - 1.9 * theta);
        PhasePoint start = pointAt(h.target(), new double[] {0.0}, new double[] {1.0});
        IntegrationResult r = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, start, 1.0, 1);

        double x = 0;
        int iterations = 0;
        double change;
        do {
            double next = 0.0 + 0.5 * (1.0 + (1.0 - 1.9 * x));
            change = next - x;
            x = next;
            iterations++;
        } while (change * change >= 1e-5);
        assertTrue(iterations > 2 * GeneralizedLeapfrog.STALL_ITERATIONS, iterations + " iterations");
        assertNull(r.failure());
        assertEquals(x, r.end().position()[0], 0.0);
        // a geometry for every iteration after the first, and one at the end point for (c)
        assertEquals(iterations, r.gradientEvaluations());
    }

    @Test
    void aGeometryFailureIsPropagatedAndTheFailedGeometryIsNeverUsed() {
        // the metric "fails" beyond θ₀ = 1.2; the trajectory heads there
        DiagonalMetric h = new DiagonalMetric(GAUSSIAN, 1.0, theta -> theta[0] > 1.2, Event.NON_SPD_METRIC);
        PhasePoint start = pointAt(GAUSSIAN, new double[] {0.5, 0.0}, new double[] {3.0, 0.0});
        IntegrationResult r = new GeneralizedLeapfrog().integrate(h, start, 0.1, 50);
        assertEquals(Event.NON_SPD_METRIC, r.failure());
        // θ₁ stays 0, so θ₀ moves in the potential θ²/2 + ½ log(1 + θ²) and (integrated to 1e-9 by RK4)
        // passes 1.2 at t = 0.2454, in the third step of 0.1; at t = 0.2 it is at 1.07688
        assertEquals(3, r.steps(), "failed at step " + r.steps());
        assertEquals(1.07688, r.end().position()[0], 2e-3, "the end is the last completed step, before the failure");

        PhasePoint inside = pointAt(GAUSSIAN, new double[] {1.5, 0.0}, new double[] {1.0, 0.0});
        IntegrationResult atStart = new GeneralizedLeapfrog().integrate(h, inside, 0.1, 50);
        assertEquals(Event.NON_SPD_METRIC, atStart.failure());
        assertEquals(0, atStart.steps());
    }

    @Test
    void anInvalidStartFailsWithoutStepping() {
        PhasePoint start = new PhasePoint(THETA0.clone(), P0.clone(), Double.NEGATIVE_INFINITY, new double[] {0, 0});
        IntegrationResult r = new GeneralizedLeapfrog().integrate(riemannian(), start, 0.1, 10);
        assertEquals(Event.INVALID_LOG_PROB, r.failure());
        assertEquals(0, r.steps());
    }

    @Test
    void configureReadsTheFixedPointSettings() {
        GeneralizedLeapfrog defaults = new GeneralizedLeapfrog();
        assertEquals(1e-5, defaults.fixedPointThreshold());
        assertEquals(1000, defaults.fixedPointMaxIterations());
        PluginOptions options = PluginOptions.of(GeneralizedLeapfrog.FIXED_POINT_THRESHOLD, 1e-9)
                .with(GeneralizedLeapfrog.FIXED_POINT_MAX_ITERATIONS, 7);
        GeneralizedLeapfrog configured = defaults.configure(options);
        assertNotSame(defaults, configured);
        assertEquals(1e-9, configured.fixedPointThreshold());
        assertEquals(7, configured.fixedPointMaxIterations());
        assertEquals(1e-5, defaults.fixedPointThreshold(), "configure does not change the instance");
        assertThrows(IllegalArgumentException.class, () -> new GeneralizedLeapfrog(0.0, 10));
        assertThrows(IllegalArgumentException.class, () -> new GeneralizedLeapfrog(1e-5, 0));
    }

    @Test
    void theStartPointIsNotModifiedAndBadArgumentsAreRefused() {
        DiagonalMetric h = riemannian();
        PhasePoint start = start();
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        double[] g = start.gradient().clone();
        new GeneralizedLeapfrog().integrate(h, start, 0.1, 10);
        assertArrayEquals(theta, start.position());
        assertArrayEquals(p, start.momentum());
        assertArrayEquals(g, start.gradient());

        GeneralizedLeapfrog integrator = new GeneralizedLeapfrog();
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(h, start, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(h, start, 0.1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(new NonSeparable(GAUSSIAN), start, 0.1, 1));
        assertTrue(e.getMessage().contains("RiemannianHamiltonian"), e.getMessage());
        assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class,
                () -> integrator.checkSupports(new NonSeparable(GAUSSIAN))).getMessage());
        integrator.checkSupports(h);
    }

    @Test
    void theReversibilityCheckKeepsAProposalThatReturnsAndCountsBothWays() {
        DiagonalMetric h = riemannian();
        PhasePoint start = start();
        IntegrationResult oneWay = new GeneralizedLeapfrog(1e-10, 1000, OFF).integrate(h, start, 0.1, 10);
        IntegrationResult back = new GeneralizedLeapfrog(1e-10, 1000, OFF).integrate(h, flipped(oneWay.end()), 0.1, 10);
        double miss = GeneralizedLeapfrog.roundTripError(start, back.end());
        assertTrue(miss > 0 && miss < 1e-6, "round-trip error " + miss);

        IntegrationResult checked = new GeneralizedLeapfrog(1e-10, 1000).integrate(h, start, 0.1, 10);
        assertNull(checked.failure());
        assertArrayEquals(oneWay.end().position(), checked.end().position(), 0.0, "the proposal is the forward end");
        assertArrayEquals(oneWay.end().momentum(), checked.end().momentum(), 0.0);
        assertEquals(20, checked.steps(), "ten steps there and ten back");
        assertEquals(oneWay.gradientEvaluations() + back.gradientEvaluations(), checked.gradientEvaluations());
    }

    @Test
    void aRoundTripThatMissesTheStartByMoreThanTheToleranceIsNotReversible() {
        // v = p (1 − 1.9 θ) is odd in p, so the exact map is reversible, but each fixed point contracts at
        // rate 0.95 and stops when a change is below √1e-5: the way back misses the start by 1.8e-3
        VelocityField h = new VelocityField((theta, p) -> p * (1 - 1.9 * theta));
        PhasePoint start = pointAt(h.target(), new double[] {0.0}, new double[] {1.0});
        IntegrationResult oneWay = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, start, 1.0, 1);
        IntegrationResult back = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, flipped(oneWay.end()), 1.0, 1);
        assertNull(back.failure());
        double miss = GeneralizedLeapfrog.roundTripError(start, back.end());
        assertEquals(Math.abs(back.end().position()[0]), miss, 0.0, "θ misses, p returns exactly");
        assertEquals(1.8e-3, miss, 1e-4);

        IntegrationResult within = new GeneralizedLeapfrog(1e-5, 1000, miss).integrate(h, start, 1.0, 1);
        assertNull(within.failure(), "a miss equal to the tolerance passes");
        IntegrationResult beyond = new GeneralizedLeapfrog(1e-5, 1000, Math.nextDown(miss)).integrate(h, start, 1.0, 1);
        assertEquals(Event.NOT_REVERSIBLE, beyond.failure());
        assertArrayEquals(oneWay.end().position(), beyond.end().position(), 0.0, "the end is the rejected proposal");
        assertEquals(2, beyond.steps());
        assertEquals(oneWay.gradientEvaluations() + back.gradientEvaluations(), beyond.gradientEvaluations());
        assertNull(new GeneralizedLeapfrog().integrate(h, start, 1.0, 1).failure(),
                "the default tolerance at threshold 1e-5, 1, allows for the residuals of such fixed points");
        assertEquals(Event.NOT_REVERSIBLE, new GeneralizedLeapfrog(1e-5, 1000, 1e-3).integrate(h, start, 1.0, 1).failure());
    }

    @Test
    void aProposalWhoseWayBackDoesNotConvergeIsNotReversible() {
        // forwards (p > 0) v = p: θ' = 1 from θ = 0 at ε = 1. Backwards (p < 0) v flips sign at θ = ½, and
        // loop (b) from θ' = 1 alternates 0, 1, 0, … until it stalls: the move 0 → 1 can be made, 1 → 0 not,
        // so without the check the chain would enter {θ ≥ ½} more often than it leaves it
        VelocityField h = new VelocityField((theta, p) -> p > 0 || theta >= 0.5 ? p : -p);
        PhasePoint start = pointAt(h.target(), new double[] {0.0}, new double[] {1.0});
        IntegrationResult oneWay = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, start, 1.0, 1);
        assertNull(oneWay.failure());
        assertArrayEquals(new double[] {1.0}, oneWay.end().position(), 0.0);
        IntegrationResult back = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, flipped(oneWay.end()), 1.0, 1);
        assertEquals(Event.FIXED_POINT_NOT_CONVERGED, back.failure());

        IntegrationResult checked = new GeneralizedLeapfrog(1e-5, 1000, 1e300).integrate(h, start, 1.0, 1);
        assertEquals(Event.NOT_REVERSIBLE, checked.failure(), "however large the tolerance");
        assertArrayEquals(new double[] {1.0}, checked.end().position(), 0.0);
        assertEquals(oneWay.gradientEvaluations() + back.gradientEvaluations(), checked.gradientEvaluations());
    }

    @Test
    void aSeparableHamiltonianIsNotCheckedForItsStepsAreExplicit() {
        DiagonalMassHamiltonian h = new DiagonalMassHamiltonian(GAUSSIAN, 1.0, 1.0);
        IntegrationResult checked = new GeneralizedLeapfrog(1e-5, 1000, 1e-300).integrate(h, start(), 0.1, 10);
        IntegrationResult unchecked = new GeneralizedLeapfrog(1e-5, 1000, OFF).integrate(h, start(), 0.1, 10);
        assertNull(checked.failure());
        assertEquals(10, checked.steps());
        assertEquals(unchecked.gradientEvaluations(), checked.gradientEvaluations());
        assertArrayEquals(unchecked.end().position(), checked.end().position(), 0.0);
    }

    @Test
    void roundTripErrorIsAbsoluteUpToOneAndRelativeAbove() {
        PhasePoint start = new PhasePoint(new double[] {0.5, -4.0}, new double[] {2.0, 0.25}, 0, new double[2]);
        PhasePoint exact = new PhasePoint(new double[] {0.5, -4.0}, new double[] {-2.0, -0.25}, 0, new double[2]);
        assertEquals(0.0, GeneralizedLeapfrog.roundTripError(start, exact));
        PhasePoint back = new PhasePoint(new double[] {0.5 + 0.01, -4.0 + 0.08}, new double[] {-2.0 + 0.05, -0.25 - 0.03},
                0, new double[2]);
        // θ: 0.01 / 1 and 0.08 / 4; p: 0.05 / 2 and 0.03 / 1
        assertEquals(0.03, GeneralizedLeapfrog.roundTripError(start, back), 1e-15);
    }

    @Test
    void configureReadsTheReversibilityToleranceAndBadOnesAreRefused() {
        // min(1, 1000 √threshold): 1 at the default threshold 1e-5 (1000 √1e-5 = 3.16), 1e-3 at 1e-12
        assertEquals(1.0, new GeneralizedLeapfrog().reversibilityTolerance());
        assertEquals(1e-3, new GeneralizedLeapfrog(1e-12, 10).reversibilityTolerance(), 1e-18);
        assertEquals(0.1, new GeneralizedLeapfrog(1e-8, 10).reversibilityTolerance(), 1e-16);
        PluginOptions tightFixedPoints = PluginOptions.of(GeneralizedLeapfrog.FIXED_POINT_THRESHOLD, 1e-12);
        assertEquals(1e-3, new GeneralizedLeapfrog().configure(tightFixedPoints).reversibilityTolerance(), 1e-18);
        PluginOptions off = PluginOptions.of(GeneralizedLeapfrog.REVERSIBILITY_TOLERANCE, OFF);
        assertEquals(OFF, new GeneralizedLeapfrog().configure(off).reversibilityTolerance());
        PluginOptions tight = PluginOptions.of(GeneralizedLeapfrog.REVERSIBILITY_TOLERANCE, 1e-8);
        // the default tolerance follows the threshold given with it
        assertEquals(0.1, new GeneralizedLeapfrog().configure(PluginOptions.of(GeneralizedLeapfrog.FIXED_POINT_THRESHOLD,
                1e-8).with(GeneralizedLeapfrog.REVERSIBILITY_TOLERANCE, Double.NaN)).reversibilityTolerance(), 1e-16);
        assertEquals(0.1, GeneralizedLeapfrog.defaultReversibilityTolerance(1e-8), 1e-16);
        assertEquals(1e-8, new GeneralizedLeapfrog().configure(tight).reversibilityTolerance());
        for (double bad : new double[] {0.0, -1e-3, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GeneralizedLeapfrog(1e-5, 10, bad));
            assertTrue(e.getMessage().startsWith("reversibilityTolerance = " + bad + ": "), e.getMessage());
        }
    }
}
