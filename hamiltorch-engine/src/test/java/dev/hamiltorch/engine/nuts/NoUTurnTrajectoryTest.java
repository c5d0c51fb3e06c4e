package dev.hamiltorch.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Exact tests of the tree: Stan's values for one tree, the U-turn criterion, depth limits, divergences. */
class NoUTurnTrajectoryTest {

    /** Stan's values are single-precision ({@code EXPECT_FLOAT_EQ}): compare to a float's relative precision. */
    private static void assertFloat(double expected, double actual) {
        assertEquals(expected, actual, 4 * Math.ulp((float) expected), "expected " + expected + ", got " + actual);
    }

    /** log π(q) = −½|q|², no constant. */
    private static final class StandardNormal implements Target {
        private final int d;

        StandardNormal(int d) {
            this.d = d;
        }

        @Override
        public int dimension() {
            return d;
        }

        @Override
        public double logDensity(double[] q) {
            double s = 0;
            for (double x : q) {
                s += x * x;
            }
            return -0.5 * s;
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] gradient) {
            for (int i = 0; i < d; i++) {
                gradient[i] = -q[i];
            }
            return logDensity(q);
        }

        @Override
        public Target copy() {
            return this;
        }
    }

    /** A stream whose every uniform draw is {@code u}: 0.75 always extends forward, 0.25 backward. */
    private static RandomGenerator constant(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    private static Hamiltonian unitMetric(int d) {
        return new EuclideanMetric().hamiltonian(new StandardNormal(d), PluginOptions.defaults());
    }

    private static PhasePoint point(double[] q, double[] p) {
        double[] g = new double[q.length];
        double lp = new StandardNormal(q.length).logDensityAndGradient(q, g);
        return new PhasePoint(q, p, lp, g);
    }

    /** Stan's unit_e_nuts test of build_tree: the same tree, the same numbers. */
    @Test
    void aForwardTreeOfDepthThreeGivesStansValues() {
        Hamiltonian h = unitMetric(3);
        double[] p0 = {-1, 1, -1};
        PhasePoint start = point(new double[] {1, -1, 1}, p0);
        NoUTurnTrajectory tree = new NoUTurnTrajectory(h, new Leapfrog(), 0.1, -0.1, new SplittableRandom(1));
        NoUTurnTrajectory.State origin = new NoUTurnTrajectory.State(start, p0.clone(), -0.1);

        NoUTurnTrajectory.Subtree subtree = tree.build(3, origin, 1);

        assertNotNull(subtree, "the tree is valid");
        assertEquals(8, tree.steps());
        double[] first = subtree.first().point().momentum();
        double[] last = subtree.last().point().momentum();
        double[] lastPosition = subtree.last().point().position();
        for (int i = 0; i < 3; i++) {
            double sign = i == 1 ? 1 : -1;
            assertFloat(sign * 11.401228, p0[i] + subtree.rho()[i]);
            assertFloat(sign * 1.09475, first[i]);
            assertFloat(sign * 1.4131583, last[i]);
            assertFloat(sign * 0.022019938, lastPosition[i]);
            // the unit metric's velocity is the momentum
            assertFloat(sign * 1.09475, subtree.first().velocity()[i]);
        }
        assertFloat(0.36134657, tree.sumAcceptProbability());
        assertFloat(Math.log(0.36134657), subtree.logSumWeight());
        assertFalse(tree.divergent());
    }

    private static NoUTurnTrajectory.State state(double... p) {
        return new NoUTurnTrajectory.State(new PhasePoint(new double[p.length], p, 0, new double[p.length]), p, 0);
    }

    @Test
    void theCriterionNeedsBothEndsToMoveAlongTheSumOfMomenta() {
        double[] rho = {1, 1};
        assertTrue(NoUTurnTrajectory.noUTurn(new double[] {1, 0}, new double[] {0, 1}, rho));
        assertFalse(NoUTurnTrajectory.noUTurn(new double[] {1, 0}, new double[] {-2, 1}, rho)); // −1
        assertFalse(NoUTurnTrajectory.noUTurn(new double[] {-1, 2}, new double[] {0, -1}, rho)); // +1, −1
        assertFalse(NoUTurnTrajectory.noUTurn(new double[] {1, -1}, new double[] {1, 0}, rho)); // exactly 0 stops
        // symmetric in its two ends
        assertFalse(NoUTurnTrajectory.noUTurn(new double[] {-2, 1}, new double[] {1, 0}, rho));
    }

    /**
     * Two subtrees of two states each, a = (a₁, a₂) then b = (b₁, b₂), with the unit metric (velocity =
     * momentum), in 1-D. Each case fails exactly one of the three checks.
     */
    @Test
    void mergedSubtreesAreCheckedAsAWholeAndEachExtendedByTheOthersNeighbour() {
        // all pass: everything moves right
        assertTrue(persists(1, 1, 1, 1));
        // the whole fails: ρ = 1 + 1 − 1 − 2 < 0 while a's far end moves right
        assertFalse(persists(1, 1, -1, -2));
        // the whole passes, ρ = 1 + 1 − 1.5 + 3 = 3.5, but a extended by b₁: ρ = 0.5 and b₁ moves left
        assertTrue(NoUTurnTrajectory.noUTurn(new double[] {1}, new double[] {3}, new double[] {3.5}));
        assertFalse(persists(1, 1, -1.5, 3));
        // the whole passes, ρ = 3 − 1.5 + 1 + 1 = 3.5, but b extended by a₂: ρ = 0.5 and a₂ moves left
        assertFalse(persists(3, -1.5, 1, 1));
    }

    private static boolean persists(double a1, double a2, double b1, double b2) {
        return NoUTurnTrajectory.persists(state(a1), state(a2), new double[] {a1 + a2}, state(b1), state(b2),
                new double[] {b1 + b2});
    }

    /**
     * 1-D, unit metric, ε 0.1, from q = 0, p = 1: the leapfrog's momentum is positive for steps 0 to 15
     * and negative from step 16 (p₁₅ = 0.0701, p₁₆ = −0.0299). Doubling in one direction only, the
     * subtrees of depths 0 to 4 (steps 1 to 15) hold no sign change; the fifth (steps 16 to 31, all
     * negative) is valid itself but the merged trajectory has turned: depth 5, 31 steps.
     */
    @Test
    void theTrajectoryStopsAtTheDoublingThatTurnsIt() {
        for (double u : new double[] {0.75, 0.25}) {
            NoUTurnTrajectory.Result r = NoUTurnTrajectory.sample(unitMetric(1), new Leapfrog(), 0.1,
                    point(new double[] {0}, new double[] {1}), constant(u), 10);
            assertEquals(5, r.treeDepth(), "direction " + u);
            assertEquals(31, r.steps());
            assertEquals(31, r.gradientEvaluations());
            assertFalse(r.divergent());
            assertNull(r.failure());
        }
    }

    /**
     * From q = sin 1, p = cos 1 the momentum changes sign between steps 5 (0.0710) and 6 (−0.0289). The
     * third doubling (steps 4 to 7) turns inside: its halves (4, 5) and (6, 7) merged give ρ &gt; 0 and
     * p₇ &lt; 0. That subtree is discarded: depth 2, but its 4 steps count (7 in all).
     */
    @Test
    void aSubtreeThatTurnsInsideIsDiscardedButItsStepsCount() {
        PhasePoint start = point(new double[] {Math.sin(1)}, new double[] {Math.cos(1)});
        NoUTurnTrajectory.Result r = NoUTurnTrajectory.sample(unitMetric(1), new Leapfrog(), 0.1, start,
                constant(0.75), 10);
        assertEquals(2, r.treeDepth());
        assertEquals(7, r.steps());
        assertFalse(r.divergent());
        // the draw is one of the kept states 0 to 3, forward from the start: q = sin(1 + 0.1k) roughly
        double q = r.sample().position()[0];
        assertTrue(q >= Math.sin(1) - 1e-12 && q <= Math.sin(1.3) + 1e-3, "drawn q " + q);
    }

    /** With a step far too small to turn, the tree grows to the maximum depth: 2^D − 1 steps. */
    @Test
    void theTreeStopsAtTheMaximumDepth() {
        for (int max : new int[] {1, 3, 6}) {
            NoUTurnTrajectory.Result r = NoUTurnTrajectory.sample(unitMetric(2), new Leapfrog(), 1e-3,
                    point(new double[] {0.3, -0.2}, new double[] {1, 0.5}), new SplittableRandom(max), max);
            assertEquals(max, r.treeDepth());
            assertEquals((1 << max) - 1, r.steps());
            // every state's energy is within O(ε²) of H₀: accept_stat is 1 up to rounding
            assertEquals(1.0, r.acceptStat(), 1e-5);
        }
    }

    /**
     * log π = −q²/2, with a stiff wall −10⁴(q − 5)² added beyond q = 5. From q = 0, p = 6 with ε 0.5,
     * forward only: step 1 reaches q = 3 (H − H₀ = 0.28), step 2 lands at q = 5.25 inside the wall with
     * p = −1246.8 (H − H₀ ≈ 7.8·10⁵): the second doubling diverges at its first step. Depth 1, 2 steps,
     * and the draw is the start or step 1.
     */
    @Test
    void aDivergentStepEndsTheTreeAndIsReported() {
        Hamiltonian h = new EuclideanMetric().hamiltonian(new Wall(), PluginOptions.defaults());
        for (double u : new double[] {0.75, 0.76}) {
            NoUTurnTrajectory.Result r = NoUTurnTrajectory.sample(h, new Leapfrog(), 0.5,
                    wallPoint(0, 6), constant(u), 10);
            assertTrue(r.divergent());
            assertNull(r.failure(), "a finite energy error is a divergence, not a failure");
            assertEquals(1, r.treeDepth());
            assertEquals(2, r.steps());
            // step 1 replaces the start with probability min(1, w₁/w₀) = e^−0.28125 ≈ 0.7548 (biased
            // progressive sampling); the divergent half is never drawn from
            assertEquals(u < Math.exp(-0.28125) ? 3.0 : 0.0, r.sample().position()[0], "u = " + u);
        }
    }

    /** Stan's threshold, exactly: a step 1000 − 10⁻⁶ above H₀ is kept, one 1000 + 10⁻⁶ above it diverges. */
    @Test
    void aStepDivergesExactlyWhenItsEnergyIsMoreThanAThousandAboveTheStart() {
        Hamiltonian h = unitMetric(3);
        double[] p0 = {-1, 1, -1};
        PhasePoint start = point(new double[] {1, -1, 1}, p0);
        double h1 = h.energy(new Leapfrog().integrate(h, start, 0.1, 1).end());
        for (double excess : new double[] {-1e-6, 1e-6}) {
            double h0 = h1 - 1000 - excess;
            NoUTurnTrajectory tree = new NoUTurnTrajectory(h, new Leapfrog(), 0.1, h0, new SplittableRandom(1));
            NoUTurnTrajectory.Subtree leaf = tree.build(0, new NoUTurnTrajectory.State(start, p0.clone(), h0), 1);
            assertEquals(excess > 0, tree.divergent(), "H − H₀ = 1000 + " + excess);
            assertEquals(excess > 0, leaf == null, "a divergent step is no subtree");
            assertEquals(1, tree.steps());
        }
    }

    /** −q²/2 − 10⁴ (q − edge)² for q &gt; edge (edge 5 unless given). */
    static final class Wall implements Target {
        private final double edge;

        Wall() {
            this(5);
        }

        Wall(double edge) {
            this.edge = edge;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double logDensity(double[] q) {
            return logDensityAndGradient(q, new double[1]);
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] g) {
            double x = q[0];
            double over = Math.max(0, x - edge);
            g[0] = -x - 2e4 * over;
            return -0.5 * x * x - 1e4 * over * over;
        }

        @Override
        public Target copy() {
            return this;
        }
    }

    static PhasePoint wallPoint(double q, double p) {
        double[] g = new double[1];
        double lp = new Wall().logDensityAndGradient(new double[] {q}, g);
        return new PhasePoint(new double[] {q}, new double[] {p}, lp, g);
    }

    /** A density that throws outside q &gt; 0 is a failed step: divergent, with the reason. */
    @Test
    void aStepToANonFiniteDensityIsADivergenceWithItsReason() {
        Target halfLine = new Target() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] q) {
                return q[0] > 0 ? -0.5 * q[0] * q[0] : Double.NEGATIVE_INFINITY;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                g[0] = -q[0];
                return logDensity(q);
            }

            @Override
            public Target copy() {
                return this;
            }
        };
        Hamiltonian h = new EuclideanMetric().hamiltonian(halfLine, PluginOptions.defaults());
        // from q = 0.05 moving left at speed 1 with ε 0.1: the first forward step leaves the support
        PhasePoint start = new PhasePoint(new double[] {0.05}, new double[] {-1}, -0.00125, new double[] {-0.05});
        NoUTurnTrajectory.Result r = NoUTurnTrajectory.sample(h, new Leapfrog(), 0.1, start, constant(0.75), 10);
        assertTrue(r.divergent());
        assertEquals(Event.INVALID_LOG_PROB, r.failure());
        assertEquals(0, r.treeDepth());
        assertEquals(1, r.steps());
        assertSame(start, r.sample(), "nothing was kept: the chain stays");
        assertEquals(0.0, r.acceptStat());
    }

    @Test
    void badArgumentsAreRefusedByName() {
        PhasePoint start = point(new double[] {0}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoUTurnTrajectory.sample(unitMetric(1), new Leapfrog(), 0.1, start, new SplittableRandom(1), 0));
        assertTrue(e.getMessage().contains("maxTreeDepth = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NoUTurnTrajectory.sample(unitMetric(1), new Leapfrog(),
                Double.NaN, start, new SplittableRandom(1), 10));
        assertTrue(e.getMessage().contains("stepSize = NaN"), e.getMessage());
    }
}
