package dev.hamiltorch.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * NUTS against known distributions through the facade, with every Euclidean metric: each chain set's
 * mean and sd of every coordinate must lie within {@value #Z} Monte Carlo standard errors (posterior's
 * multi-chain MCSE) of the truth, over several seeds. The coverage test with power (the count of
 * |z| &gt; 2 over 200 chains) is {@code McseCoverageTest} in the examples module.
 */
class NutsSamplingTest {

    private static final double Z = 4.0;
    private static final long[] SEEDS = {1, 2, 3};

    /** NUTS with the given ε and M⁻¹ throughout: burn-in only discards (warm-up adaptation is tested apart). */
    private static SampleBuilder nuts(Target target, double stepSize, double... start) {
        return Hamiltorch.sample(target).sampler(Sampler.NUTS).stepSize(stepSize).paramsInit(start).numSamples(1500)
                .burn(300).chains(4).adaptStepSize(false).adaptMetric("none").verbose(false);
    }

    /** Checks the mean and the sd of {@code f}(θ) against the truth within Z MCSE. */
    private static void assertMoments(Samples s, String label, ToDoubleFunction<double[]> f, double mean, double sd) {
        double[][] y = new double[s.numChains()][];
        for (int c = 0; c < s.numChains(); c++) {
            ChainSamples chain = s.chain(c);
            y[c] = new double[chain.keptCount()];
            for (int k = 0; k < y[c].length; k++) {
                y[c][k] = f.applyAsDouble(chain.draw(k));
            }
        }
        double m = 0;
        int n = 0;
        for (double[] chain : y) {
            for (double v : chain) {
                m += v;
                n++;
            }
        }
        m /= n;
        double ss = 0;
        for (double[] chain : y) {
            for (double v : chain) {
                ss += (v - m) * (v - m);
            }
        }
        double sampleSd = Math.sqrt(ss / (n - 1));
        double mcseMean = ConvergenceDiagnostics.mcseMean(y);
        double mcseSd = ConvergenceDiagnostics.mcseSd(y);
        assertTrue(Math.abs(m - mean) <= Z * mcseMean,
                String.format("%s: mean %.4f vs %.4f, MCSE %.4f", label, m, mean, mcseMean));
        assertTrue(Math.abs(sampleSd - sd) <= Z * mcseSd,
                String.format("%s: sd %.4f vs %.4f, MCSE %.4f", label, sampleSd, sd, mcseSd));
        // NUTS on these targets mixes far better than 1 effective draw in 10
        assertTrue(ConvergenceDiagnostics.essBulk(y) > n / 10.0, label + ": ESS " + ConvergenceDiagnostics.essBulk(y));
    }

    private static void assertGaussian(Samples s, GaussianTarget g, String label) {
        double[] mean = g.mean();
        for (int i = 0; i < mean.length; i++) {
            int coordinate = i;
            assertMoments(s, label + " θ" + i, x -> x[coordinate], mean[i], g.sd(i));
        }
    }

    /**
     * What users get by default: no step size or mass given, NUTS adapts both during warm-up (step size by
     * dual averaging to accept_stat 0.8, a diagonal inverse mass; a dense one on request) and samples
     * scales 100 apart and a correlation of 0.95.
     */
    @Test
    void defaultWarmUpAdaptationSamplesBadlyScaledAndCorrelatedGaussians() {
        GaussianTarget scaled = GaussianTarget.independent(new double[] {0.5, 10, -3}, 0.1, 10, 1);
        double[][] cov = {{1, 1.9}, {1.9, 4}};
        GaussianTarget correlated = new GaussianTarget(new double[] {-1, 1}, cov);
        for (long seed : SEEDS) {
            Samples s = Hamiltorch.sample(scaled).sampler(Sampler.NUTS).paramsInit(0, 0, 0).numSamples(2000).burn(1000)
                    .chains(4).seed(seed).verbose(false).run();
            assertGaussian(s, scaled, "adapted diagonal, seed " + seed);
            double accept = 0;
            int n = 0;
            for (ChainSamples c : s.chains()) {
                double[] a = c.statistic(ChainSamples.ACCEPT_STAT);
                for (int i = c.burn(); i < a.length; i++) {
                    accept += a[i];
                    n++;
                }
            }
            // dual averaging aims at 0.8 during warm-up; its final, averaged step size is a little smaller than
            // the last iterate, so accept_stat after warm-up sits above 0.8 (about 0.9 here, as Stan's on Gaussians)
            double meanAccept = accept / n;
            assertTrue(meanAccept > 0.75 && meanAccept < 0.97, "mean accept_stat after warm-up " + meanAccept
                    + ", seed " + seed);
            Samples dense = Hamiltorch.sample(correlated).sampler(Sampler.NUTS).adaptMetric("dense").paramsInit(0, 0)
                    .numSamples(2000).burn(1000).chains(4).seed(seed).verbose(false).run();
            assertGaussian(dense, correlated, "adapted dense, seed " + seed);
        }
    }

    @Test
    void independentGaussianWithTheUnitMetric() {
        GaussianTarget g = GaussianTarget.independent(new double[] {1, 2, 3}, 0.5, 1, 2);
        for (long seed : SEEDS) {
            Samples s = nuts(g, 0.4, 0, 0, 0).seed(seed).run();
            assertGaussian(s, g, "unit metric, seed " + seed);
            assertEquals(0, s.eventCounts().get(Event.DIVERGENT), "no divergence at ε 0.4");
        }
    }

    /** Scales 100 apart: a diagonal M⁻¹ = diag(σ²) makes every coordinate alike. */
    @Test
    void independentGaussianWithADiagonalMetric() {
        GaussianTarget g = GaussianTarget.independent(new double[] {0.5, 10, -3}, 0.1, 10, 1);
        for (long seed : SEEDS) {
            Samples s = nuts(g, 0.5, 0.5, 10, -3).invMass(0.01, 100, 1).seed(seed).run();
            assertGaussian(s, g, "diagonal metric, seed " + seed);
        }
    }

    /** Correlation 0.95 between the first two, 0.6 between the last two: dense M⁻¹ = Σ, and block M⁻¹. */
    @Test
    void correlatedGaussianWithDenseAndBlockMetrics() {
        double[][] cov = {
            {1, 0.95 * 2, 0, 0},
            {0.95 * 2, 4, 0, 0},
            {0, 0, 0.25, 0.6 * 0.5 * 3},
            {0, 0, 0.6 * 0.5 * 3, 9}};
        GaussianTarget g = new GaussianTarget(new double[] {-1, 1, 0, 5}, cov);
        double[][] upper = {{1, 1.9}, {1.9, 4}};
        double[][] lower = {{0.25, 0.9}, {0.9, 9}};
        for (long seed : SEEDS) {
            Samples dense = nuts(g, 0.6, 0, 0, 0, 0).invMass(cov).seed(seed).run();
            assertGaussian(dense, g, "dense metric, seed " + seed);
            Samples block = nuts(g, 0.6, 0, 0, 0, 0).invMass(new InverseMass.BlockDiagonal(new double[][][] {upper,
                lower})).seed(seed).run();
            assertGaussian(block, g, "block metric, seed " + seed);
            // the same M⁻¹ given two ways draws the same momenta and takes the same steps: the same chain up to rounding
            assertEquals(dense.chain(0).draw(0)[0], block.chain(0).draw(0)[0], 1e-9);
        }
        // with the unit metric on correlation 0.95 NUTS still samples it, with longer trees
        Samples unit = nuts(g, 0.2, 0, 0, 0, 0).seed(9).run();
        assertGaussian(unit, g, "unit metric on the correlated Gaussian");
    }

    /**
     * The standard Gumbel distribution, log π(x) = −x − e^{−x}: skewed, with mean γ (Euler's constant)
     * and sd π/√6; and its square's mean, E x² = γ² + π²/6.
     */
    @Test
    void aSkewedNonGaussianWithKnownMoments() {
        Target gumbel = new Target() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] x) {
                return -x[0] - Math.exp(-x[0]);
            }

            @Override
            public double logDensityAndGradient(double[] x, double[] gradient) {
                gradient[0] = -1 + Math.exp(-x[0]);
                return logDensity(x);
            }

            @Override
            public Target copy() {
                return this;
            }
        };
        double gamma = 0.5772156649015329;
        for (long seed : SEEDS) {
            Samples s = nuts(gumbel, 0.6, 0).seed(seed).run();
            assertMoments(s, "Gumbel, seed " + seed, x -> x[0], gamma, Math.PI / Math.sqrt(6));
            // E x² = γ² + π²/6, sd of x² = √(E x⁴ − (E x²)²), with E x⁴ from the Gumbel's cumulants
            double m2 = gamma * gamma + Math.PI * Math.PI / 6;
            double k2 = Math.PI * Math.PI / 6;
            double k3 = 2 * 1.2020569031595942; // 2 ζ(3)
            double k4 = Math.pow(Math.PI, 4) / 15;
            double m3 = k3 + 3 * k2 * gamma + gamma * gamma * gamma;
            double m4 = k4 + 4 * k3 * gamma + 3 * k2 * k2 + 6 * k2 * gamma * gamma + Math.pow(gamma, 4);
            assertTrue(m3 > 0);
            assertMoments(s, "Gumbel x², seed " + seed, x -> x[0] * x[0], m2, Math.sqrt(m4 - m2 * m2));
        }
    }

    /** Stan's columns: tree depth, steps within its bounds, gradients counted, accept_stat in [0, 1]. */
    @Test
    void everyDrawCarriesTheTreeStatistics() {
        GaussianTarget g = GaussianTarget.independent(new double[] {0, 0}, 1, 1);
        Samples s = nuts(g, 0.3, 1, 1).chains(1).option(Nuts.MAX_TREE_DEPTH, "3").seed(5).run();
        ChainSamples c = s.chain(0);
        assertTrue(c.statisticNames().contains(NutsKernel.TREE_DEPTH), c.statisticNames()::toString);
        double[] depth = c.statistic(NutsKernel.TREE_DEPTH);
        double[] steps = c.statistic(ChainSamples.STEPS);
        double[] gradients = c.statistic(ChainSamples.GRADIENT_EVALUATIONS);
        double[] accept = c.statistic(ChainSamples.ACCEPT_STAT);
        long total = 1; // the start
        int atMax = 0;
        for (int i = 0; i < depth.length; i++) {
            int d = (int) depth[i];
            assertTrue(d >= 1 && d <= 3, "depth " + d);
            // the kept tree's 2^d − 1 steps, plus at most one discarded subtree of 2^d
            assertTrue(steps[i] >= (1 << d) - 1 && steps[i] <= (1 << (d + 1)) - 1, "steps " + steps[i] + " at depth " + d);
            assertEquals(steps[i], gradients[i]);
            assertTrue(accept[i] >= 0 && accept[i] <= 1);
            total += (long) gradients[i];
            atMax += d == 3 ? 1 : 0;
        }
        assertEquals(total, s.gradientEvaluations());
        // ε 0.3 on a unit Gaussian turns after about π/0.3 ≈ 10 steps: depth 3 (7 steps) is often the cap
        assertTrue(atMax > depth.length / 4, "depth 3 reached in " + atMax + " of " + depth.length);
    }

    /**
     * The wall of the exact test at q = 1: a step of ε 0.5 into it makes H jump by thousands, so
     * trajectories that reach it diverge; they are counted per draw and the chain goes on.
     */
    @Test
    void divergencesAreCountedAndNeverStopTheChain() {
        Samples s = Hamiltorch.sample(new NoUTurnTrajectoryTest.Wall(1)).sampler(Sampler.NUTS).stepSize(0.5)
                .paramsInit(0).numSamples(400).chains(2).seed(3).verbose(false).run();
        long divergent = s.eventCounts().get(Event.DIVERGENT);
        long column = 0;
        for (ChainSamples c : s.chains()) {
            assertEquals(400, c.iterations());
            for (double v : c.statistic(ChainSamples.DIVERGENT)) {
                column += (long) v;
            }
        }
        assertTrue(divergent > 0, "the wall makes some trajectories diverge");
        assertEquals(divergent, column, "the event count and the per-draw column agree");
        for (double x : s.parameter(0)) {
            assertTrue(x < 1.1, "no draw deep inside the wall: " + x);
        }
    }

    @Test
    void sameSeedSameChainsWhateverTheThreads() {
        GaussianTarget g = GaussianTarget.independent(new double[] {0, 0}, 1, 2);
        Samples one = nuts(g, 0.5, 0, 0).numSamples(200).burn(0).threads(1).seed(11).run();
        Samples four = nuts(g, 0.5, 0, 0).numSamples(200).burn(0).threads(4).seed(11).run();
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(one.chain(c).parameter(1), four.chain(c).parameter(1));
            assertArrayEquals(one.chain(c).statistic(NutsKernel.TREE_DEPTH), four.chain(c).statistic(NutsKernel.TREE_DEPTH));
        }
    }

    @Test
    void aBadMaxTreeDepthIsRefusedByName() {
        GaussianTarget g = GaussianTarget.independent(new double[] {0}, 1);
        for (String bad : new String[] {"0", "31", "ten"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> nuts(g, 0.5, 0).option(Nuts.MAX_TREE_DEPTH, bad).run());
            assertTrue(e.getMessage().contains("maxTreeDepth"), e.getMessage());
        }
    }
}
