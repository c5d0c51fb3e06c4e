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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.integrators.TestHamiltonians.Banana;
import dev.hamiltorch.integrators.TestHamiltonians.NonSeparable;
import dev.hamiltorch.integrators.TestHamiltonians.QuadraticTerms;
import dev.hamiltorch.integrators.TestHamiltonians.SplitBanana;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SplittingTest {

    private static final double[] THETA0 = {0.5, 0.8};
    private static final double[] P0 = {0.7, -1.3};

    /** The three split integrators, the randomised one with a drawn order. */
    static Stream<Arguments> integrators() {
        return Stream.of(
                Arguments.of(Integrator.SPLITTING, new SymmetricSplitting()),
                Arguments.of(Integrator.SPLITTING_RAND, new RandomisedSplitting().forTrajectory(new SplittableRandom(3))),
                Arguments.of(Integrator.SPLITTING_KMID, new KineticMiddleSplitting()));
    }

    private static PhasePoint quadraticStart(SplitTarget target) {
        return pointAt(target, new double[] {1.0}, new double[] {0.5});
    }

    /**
     * Terms L₀ = −θ²/2, L₁ = −3θ²/2, unit mass, θ = 1, p = 0.5, ε = 0.2, so every half-kick by term m is
     * p ← p − 0.1·λₘθ. By hand:
     * <pre>
     *   symmetric (drift ε/2 = 0.1):  K₀ p = 0.4;  D θ = 1.04;  K₁ p = 0.4 − 0.312 = 0.088;  K₁ p = −0.224;
     *                                 D θ = 1.04 − 0.0224 = 1.0176;  K₀ p = −0.224 − 0.10176 = −0.32576
     *   kinetic in the middle:        K₀K₁ p = 0.5 − 0.1 − 0.3 = 0.1;  D θ = 1.02;  K₁K₀ p = 0.1 − 0.306 − 0.102 = −0.308
     *   random order (0, 1), drift ε/2: K₀ p = 0.4, D θ = 1.04, K₀ p = 0.296;
     *                                 K₁ p = −0.016, D θ = 1.0384, K₁ p = −0.016 − 0.31152 = −0.32752
     *   random order (1, 0):          K₁ p = 0.2, D θ = 1.02, K₁ p = −0.106;
     *                                 K₀ p = −0.208, D θ = 0.9992, K₀ p = −0.208 − 0.09992 = −0.30792
     * </pre>
     */
    @Test
    void oneStepOfEachMatchesAHandComputedStep() {
        SplitTarget target = new QuadraticTerms(1.0, 3.0);
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0);
        assertStep(1.0176, -0.32576, new SymmetricSplitting().integrate(h, quadraticStart(target), 0.2, 1));
        assertStep(1.02, -0.308, new KineticMiddleSplitting().integrate(h, quadraticStart(target), 0.2, 1));
        assertStep(1.0384, -0.32752, RandomisedSplitting.withOrder(0, 1).integrate(h, quadraticStart(target), 0.2, 1));
        assertStep(0.9992, -0.30792, RandomisedSplitting.withOrder(1, 0).integrate(h, quadraticStart(target), 0.2, 1));
    }

    private static void assertStep(double theta, double p, IntegrationResult r) {
        assertNull(r.failure());
        assertEquals(1, r.steps());
        assertEquals(theta, r.end().position()[0], 1e-15);
        assertEquals(p, r.end().momentum()[0], 1e-15);
        // the end carries log π = Σ terms = −2θ² and its gradient −4θ
        assertEquals(-2 * theta * theta, r.end().logDensity(), 1e-15);
        assertEquals(-4 * theta, r.end().gradient()[0], 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void theEndCarriesTheLogDensityAndGradientOfTheWholeTarget(String name, Integrator integrator) {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        IntegrationResult r = integrator.integrate(h, pointAt(target, THETA0, P0), 0.05, 13);
        assertNull(r.failure());
        double[] g = new double[2];
        double lp = new Banana().logDensityAndGradient(r.end().position(), g);
        double[] theta = r.end().position();
        double weak = -0.05 * (theta[0] * theta[0] + theta[1] * theta[1]);
        assertEquals(lp + weak, r.end().logDensity(), 1e-14);
        assertArrayEquals(new double[] {g[0] - 0.1 * theta[0], g[1] - 0.1 * theta[1]}, r.end().gradient(), 1e-14);
    }

    /** Symmetric and kinetic-in-the-middle splittings are palindromes: flip p and they come back. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void forwardThenBackwardReturnsToTheStart(String name, Integrator integrator) {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        PhasePoint start = pointAt(target, THETA0, P0);
        IntegrationResult forward = integrator.integrate(h, start, 0.05, 40);
        assertNull(forward.failure());
        assertTrue(distance(THETA0, forward.end().position()) > 0.3, "the trajectory must go somewhere");
        // the randomised splitting comes back along the reversed order (see the next test)
        Integrator back = integrator instanceof RandomisedSplitting r ? reversed(r, target.terms()) : integrator;
        IntegrationResult backward = back.integrate(h, flipped(forward.end()), 0.05, 40);
        assertNull(backward.failure());
        assertEquals(0.0, distanceToFlipped(start, backward.end()), 1e-10);
    }

    private static RandomisedSplitting reversed(RandomisedSplitting integrator, int terms) {
        int[] order = integrator.order(terms);
        int[] reverse = new int[terms];
        for (int k = 0; k < terms; k++) {
            reverse[k] = order[terms - 1 - k];
        }
        return RandomisedSplitting.withOrder(reverse);
    }

    /**
     * With a fixed order the randomised splitting is not reversible: the same order does not bring
     * the flipped end back. That is why the order is random, and a reversed order as likely as any.
     */
    @Test
    void theRandomisedSplittingInOneFixedOrderIsNotReversible() {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        PhasePoint start = pointAt(target, THETA0, P0);
        RandomisedSplitting fixed = RandomisedSplitting.withOrder(0, 1, 2);
        IntegrationResult forward = fixed.integrate(h, start, 0.05, 40);
        IntegrationResult sameOrder = fixed.integrate(h, flipped(forward.end()), 0.05, 40);
        assertTrue(distanceToFlipped(start, sameOrder.end()) > 1e-4);
        IntegrationResult reversedOrder = RandomisedSplitting.withOrder(2, 1, 0).integrate(h, flipped(forward.end()),
                0.05, 40);
        assertEquals(0.0, distanceToFlipped(start, reversedOrder.end()), 1e-10);
    }

    static Stream<Arguments> orders() {
        SplitTarget banana = new SplitBanana();
        // the banana cut into three equal thirds: the randomised composition is then symmetric
        SplitTarget thirds = new SplitTarget() {
            @Override
            public SplitTarget copy() {
                return this; // stateless: one instance serves every thread
            }

            private final Target whole = new Banana();

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public int terms() {
                return 3;
            }

            @Override
            public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
                double value = whole.logDensityAndGradient(theta, gradient);
                for (int i = 0; i < 2; i++) {
                    gradient[i] /= 3;
                }
                return value / 3;
            }
        };
        return Stream.of(
                Arguments.of("symmetric", new SymmetricSplitting(), banana, 4.0),
                Arguments.of("kinetic in the middle", new KineticMiddleSplitting(), banana, 4.0),
                // for distinct terms a fixed order is a non-symmetric composition: first order
                Arguments.of("randomised (0, 1, 2)", RandomisedSplitting.withOrder(0, 1, 2), banana, 2.0),
                Arguments.of("randomised (2, 0, 1)", RandomisedSplitting.withOrder(2, 0, 1), banana, 2.0),
                Arguments.of("randomised, equal terms", RandomisedSplitting.withOrder(1, 2, 0), thirds, 4.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void energyErrorAtFixedTimeHasTheExpectedOrder(String name, Integrator integrator, SplitTarget target,
                                                   double expectedRatio) {
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        PhasePoint start = pointAt(target, THETA0, P0);
        double h0 = h.energy(start);
        double[] eps = {0.04, 0.02, 0.01, 0.005};
        double[] error = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            IntegrationResult r = integrator.integrate(h, start, eps[k], (int) Math.round(1.0 / eps[k]));
            assertNull(r.failure());
            error[k] = Math.abs(h.energy(r.end()) - h0);
        }
        for (int k = 0; k + 1 < eps.length; k++) {
            double ratio = error[k] / error[k + 1];
            assertEquals(expectedRatio, ratio, 0.15 * expectedRatio, name + ": error " + error[k] + " at ε = "
                    + eps[k] + " vs " + error[k + 1] + " at ε/2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void theStepMapPreservesVolume(String name, Integrator integrator) {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        for (int steps : new int[] {1, 5}) {
            double[][] jac = jacobian(z -> {
                PhasePoint end = integrator.integrate(h, pointAt(target, slice(z, 0, 2), slice(z, 2, 2)), 0.1, steps)
                        .end();
                return concat(end.position(), end.momentum());
            }, concat(THETA0, P0), 1e-5);
            assertEquals(1.0, determinant(jac), 1e-6, steps + " steps");
        }
    }

    @Test
    void gradientEvaluationsCountTheTermEvaluations() {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        PhasePoint start = pointAt(target, THETA0, P0);
        int m = 3;
        int steps = 7;
        Map<Integrator, Integer> expected = Map.of(
                new SymmetricSplitting(), 2 * m - 1 + (steps - 1) * (2 * m - 2) + m - 1,
                RandomisedSplitting.withOrder(1, 0, 2), 2 * m * steps + m - 1,
                new KineticMiddleSplitting(), m * steps);
        expected.forEach((integrator, count) -> {
            target.termCalls = 0;
            IntegrationResult r = integrator.integrate(h, start, 0.05, steps);
            assertEquals(count, r.gradientEvaluations(), integrator.name());
            assertEquals(count, target.termCalls, integrator.name());
        });

        // one term: the randomised splitting's steps share the kick at their common position
        QuadraticTerms one = new QuadraticTerms(2.0);
        IntegrationResult r = new RandomisedSplitting().forTrajectory(new SplittableRandom(1))
                .integrate(new DiagonalMassHamiltonian(one, 1.0), quadraticStart(one), 0.1, steps);
        assertEquals(steps + 1, r.gradientEvaluations());
    }

    /** Kinetic in the middle is the leapfrog with the gradient summed over the terms. */
    @Test
    void kineticInTheMiddleIsTheLeapfrog() {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        PhasePoint start = pointAt(target, THETA0, P0);
        IntegrationResult kmid = new KineticMiddleSplitting().integrate(h, start, 0.05, 30);
        IntegrationResult leapfrog = new Leapfrog().integrate(h, start, 0.05, 30);
        assertArrayEquals(leapfrog.end().position(), kmid.end().position(), 1e-13);
        assertArrayEquals(leapfrog.end().momentum(), kmid.end().momentum(), 1e-13);
        assertEquals(leapfrog.end().logDensity(), kmid.end().logDensity(), 1e-13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void aNonFiniteTermEndsTheTrajectoryWithoutThrowing(String name, Integrator integrator) {
        // term 1 is NaN beyond |θ| = 1.5; the trajectory starts at 0 heading out
        SplitTarget target = new QuadraticTerms(1.5, 1, 1.0, 3.0);
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0);
        PhasePoint start = pointAt(target, new double[] {0.0}, new double[] {8.0});
        IntegrationResult r = integrator.integrate(h, start, 0.1, 50);
        assertEquals(Event.INVALID_LOG_PROB, r.failure());
        // with precision 4 in all, θ(t) = 4 sin 2t passes 1.5 at t ≈ 0.19, late in the second step of 0.1;
        // the failing step is the first to evaluate term 1 beyond the edge: KMID kicks with it at the end of
        // step 2 (θ ≈ 1.56), the symmetric splitting only mid-step (θ ≈ 1.18 in step 2, 1.9 in step 3);
        // SPLITTING_RAND with term 1 first at each step's start and middle (t = 0.2 is step 3's start),
        // with term 1 second at each step's middle and end (t = 0.2 is step 2's end)
        int expected = name.equals(Integrator.SPLITTING_KMID) ? 2
                : name.equals(Integrator.SPLITTING) ? 3
                : ((RandomisedSplitting) integrator).order(2)[0] == 1 ? 3 : 2;
        assertEquals(expected, r.steps(), "stopped at step " + r.steps());
        assertSame(start, r.end(), "log π is known at the start only");

        PhasePoint invalid = new PhasePoint(new double[] {2.0}, new double[] {1.0}, Double.NaN, new double[] {-2.0});
        IntegrationResult atStart = integrator.integrate(h, invalid, 0.1, 10);
        assertEquals(Event.INVALID_LOG_PROB, atStart.failure());
        assertEquals(0, atStart.steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void unsuitableHamiltoniansAndArgumentsAreRefused(String name, Integrator integrator) {
        Target banana = new Banana();
        PhasePoint start = pointAt(banana, THETA0, P0);
        IllegalArgumentException notSplit = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(new DiagonalMassHamiltonian(banana, 1.0, 1.0), start, 0.1, 1));
        assertTrue(notSplit.getMessage().contains("SplitTarget"), notSplit.getMessage());
        IllegalArgumentException nonSeparable = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(new NonSeparable(new SplitBanana()), start, 0.1, 1));
        assertTrue(nonSeparable.getMessage().contains("separable"), nonSeparable.getMessage());
        // and before sampling, with the same messages
        assertEquals(notSplit.getMessage(), assertThrows(IllegalArgumentException.class,
                () -> integrator.checkSupports(new DiagonalMassHamiltonian(banana, 1.0, 1.0))).getMessage());
        assertEquals(nonSeparable.getMessage(), assertThrows(IllegalArgumentException.class,
                () -> integrator.checkSupports(new NonSeparable(new SplitBanana()))).getMessage());
        integrator.checkSupports(new DiagonalMassHamiltonian(new SplitBanana(), 1.0, 1.0));

        Hamiltonian h = new DiagonalMassHamiltonian(new SplitBanana(), 1.0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(h, start, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(h, start, 0.1, -1));
    }

    @Test
    void theSymmetricSplittingNeedsTwoTerms() {
        QuadraticTerms one = new QuadraticTerms(2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SymmetricSplitting().integrate(new DiagonalMassHamiltonian(one, 1.0), quadraticStart(one), 0.1, 1));
        assertTrue(e.getMessage().contains("at least 2 terms"), e.getMessage());
        assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class,
                () -> new SymmetricSplitting().checkSupports(new DiagonalMassHamiltonian(one, 1.0))).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void theStartPointIsNotModified(String name, Integrator integrator) {
        SplitBanana target = new SplitBanana();
        PhasePoint start = pointAt(target, THETA0, P0);
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        double[] g = start.gradient().clone();
        integrator.integrate(new DiagonalMassHamiltonian(target, 1.0, 0.5), start, 0.05, 10);
        assertArrayEquals(theta, start.position());
        assertArrayEquals(p, start.momentum());
        assertArrayEquals(g, start.gradient());
    }

    @Test
    void theRandomisedSplittingDrawsItsOrderPerTrajectory() {
        SplitBanana target = new SplitBanana();
        Hamiltonian h = new DiagonalMassHamiltonian(target, 1.0, 0.5);
        PhasePoint start = pointAt(target, THETA0, P0);
        RandomisedSplitting undrawn = new RandomisedSplitting();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> undrawn.integrate(h, start, 0.1, 1));
        assertTrue(e.getMessage().contains("forTrajectory"), e.getMessage());

        // reproducible from the generator's state, and a new instance each time
        RandomisedSplitting a = undrawn.forTrajectory(new SplittableRandom(11));
        RandomisedSplitting b = undrawn.forTrajectory(new SplittableRandom(11));
        assertArrayEquals(a.order(5), b.order(5));
        assertArrayEquals(a.order(5), a.order(5), "one order for the whole trajectory");
        assertArrayEquals(a.integrate(h, start, 0.1, 10).end().position(),
                b.integrate(h, start, 0.1, 10).end().position());

        // uniform over the 6 orders of 3 terms, so an order and its reverse are equally likely
        SplittableRandom rng = new SplittableRandom(2024);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 12_000;
        for (int i = 0; i < draws; i++) {
            int[] order = undrawn.forTrajectory(rng).order(3);
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {0, 1, 2}, sorted, "a permutation");
            counts.merge(Arrays.toString(order), 1, Integer::sum);
        }
        assertEquals(6, counts.size());
        // ±5 standard deviations of a binomial(12000, 1/6) count (sd ≈ 40.8)
        counts.forEach((order, n) -> assertEquals(2000, n, 205, order));
        assertNotEquals(undrawn, a);
    }
}
