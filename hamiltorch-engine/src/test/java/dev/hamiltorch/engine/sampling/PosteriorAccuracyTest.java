package dev.hamiltorch.engine.sampling;

import static dev.hamiltorch.engine.sampling.PosteriorChecks.assertMeanAndSd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.engine.testsupport.Matrices;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** HMC draws agree with known posteriors, within Monte Carlo error, for every kind of mass matrix. */
class PosteriorAccuracyTest {

    private static final ChainRunner RUNNER = new ChainRunner(new Hmc(), new EuclideanMetric(), new Leapfrog());

    /** HMC's tuning in these tests: ε 0.3, L 5. */
    private static final StepParameters HMC = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(5);

    private static void assertMatches(Samples samples, GaussianTarget target, String label) {
        for (int i = 0; i < target.dimension(); i++) {
            assertMeanAndSd(samples.parameter(i), target.mean()[i], target.sd(i), label + " θ" + i);
        }
        assertEquals(0L, samples.eventCounts().get(Event.DIVERGENT));
        assertEquals(0L, samples.eventCounts().get(Event.INVALID_LOG_PROB));
    }

    /**
     * hamiltorch's introduction: N((1,2,3), 0.5² I) from zeros with ε = 0.3, L = 5. Each iteration turns the
     * phase by ≈ 3.04 rad (close to π), so means mix antithetically but squared deviations have an
     * autocorrelation time near 200: the sd needs ~40000 iterations for a trustworthy MCSE.
     */
    @Test
    void threeDimensionalGaussianFromZeros() {
        GaussianTarget target = GaussianTarget.independent(new double[] {1, 2, 3}, 0.5, 0.5, 0.5);
        Samples samples = RUNNER.run(target, new double[3], HMC, RunOptions.seed(1).withSamples(40_000, 200));
        assertEquals(39_800, samples.keptCount());
        assertMatches(samples, target, "N((1,2,3), 0.25 I)");
        assertTrue(samples.acceptanceRate() > 0.9, "acceptance " + samples.acceptanceRate());
    }

    /**
     * A 10-D Gaussian with a random covariance (3 shared factors: correlations up to ≈ 0.9, scales 0.1 to 10),
     * sampled with M⁻¹ = Σ: in the preconditioned coordinates the target is isotropic.
     */
    @Test
    void correlatedGaussianWithADenseInverseMassEqualToTheCovariance() {
        double[] scales = {0.1, 0.3, 1, 1, 2, 3, 5, 10, 0.5, 1};
        double[][] cov = Matrices.randomCovariance(2, 10, 3, 0.2, scales);
        double maxCorrelation = Matrices.maxAbsCorrelation(cov);
        assertTrue(maxCorrelation > 0.85 && maxCorrelation < 0.95, "max |correlation| " + maxCorrelation);
        double[] mean = new double[10];
        SplittableRandom rng = new SplittableRandom(99);
        for (int i = 0; i < 10; i++) {
            mean[i] = scales[i] * (6 * rng.nextDouble() - 3);
        }
        GaussianTarget target = new GaussianTarget(mean, cov);
        Samples samples = RUNNER.run(target, new double[10],
                HMC.withInverseMass(InverseMass.dense(cov)), RunOptions.seed(2).withSamples(4000, 200));
        assertMatches(samples, target, "dense");
        assertCorrelation(samples, cov, 7, 8);
    }

    /** The sample correlation of the draws of two parameters within 0.05 of the truth. */
    private static void assertCorrelation(Samples samples, double[][] cov, int i, int j) {
        double[] x = samples.parameter(i);
        double[] y = samples.parameter(j);
        double mx = 0;
        double my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k] / x.length;
            my += y[k] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        assertEquals(cov[i][j] / Math.sqrt(cov[i][i] * cov[j][j]), sxy / Math.sqrt(sxx * syy), 0.05,
                "correlation of θ" + i + " and θ" + j);
    }

    /** Scales from 0.05 to 20: with M⁻¹ = I and ε = 0.3 the 0.05 coordinate would be unstable (εω = 6). */
    @Test
    void scaledGaussianWithADiagonalInverseMass() {
        double[] sd = {0.05, 1, 20, 3};
        GaussianTarget target = GaussianTarget.independent(new double[] {0.2, -1, 30, 4}, sd);
        double[] variance = new double[sd.length];
        for (int i = 0; i < sd.length; i++) {
            variance[i] = sd[i] * sd[i];
        }
        Samples samples = RUNNER.run(target, new double[4],
                HMC.withInverseMass(InverseMass.diagonal(variance)), RunOptions.seed(3).withSamples(4000, 200));
        assertMatches(samples, target, "diagonal");
    }

    /** Two correlated blocks of very different scales, with the covariance blocks as M⁻¹. */
    @Test
    void blockCorrelatedGaussianWithABlockDiagonalInverseMass() {
        double rho = 0.8; // between sd 0.1 and sd 5
        double[][] block0 = {{0.1 * 0.1, rho * 0.1 * 5}, {rho * 0.1 * 5, 5 * 5}};
        double[][] block1 = Matrices.randomCovariance(5, 3, 1, 0.3, new double[] {2, 0.5, 1});
        double[][] cov = new double[5][5];
        for (int i = 0; i < 2; i++) {
            System.arraycopy(block0[i], 0, cov[i], 0, 2);
        }
        for (int i = 0; i < 3; i++) {
            System.arraycopy(block1[i], 0, cov[2 + i], 2, 3);
        }
        GaussianTarget target = new GaussianTarget(new double[] {0.1, 3, -2, 0.5, 1}, cov);
        Samples samples = RUNNER.run(target, new double[5],
                HMC.withInverseMass(InverseMass.blockDiagonal(block0, block1)), RunOptions.seed(4).withSamples(4000, 200));
        assertMatches(samples, target, "block-diagonal");
        assertCorrelation(samples, cov, 0, 1);
    }

    /**
     * N(0, I) in 2-D whose log density is NaN where θ₀ &gt; 2. Rejecting NaN proposals samples the normal
     * truncated to θ₀ ≤ 2: mean −φ(2)/Φ(2), variance 1 − 2φ(2)/Φ(2) − (φ(2)/Φ(2))².
     */
    @Test
    void aRegionOfNaNLogDensityIsNeverEnteredAndTheRestIsSampledCorrectly() {
        Target nanBeyondTwo = new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensity(double[] theta) {
                return theta[0] > 2 ? Double.NaN : -0.5 * (theta[0] * theta[0] + theta[1] * theta[1]);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                gradient[0] = -theta[0];
                gradient[1] = -theta[1];
                return logDensity(theta);
            }
        };
        Samples samples = RUNNER.run(nanBeyondTwo, new double[2], HMC, RunOptions.seed(5).withSamples(8000, 200));

        long invalid = samples.eventCounts().get(Event.INVALID_LOG_PROB);
        assertTrue(invalid > 0, "some trajectories reached the NaN region");
        ChainSamples chain = samples.chain(0);
        double[] proposal = chain.proposalEnergy();
        boolean[] accepted = chain.accepted();
        double[] probability = chain.acceptanceProbability();
        long nanProposals = 0;
        for (int i = 0; i < proposal.length; i++) {
            assertTrue(probability[i] >= 0 && probability[i] <= 1, "acceptance probability " + probability[i]);
            if (!Double.isFinite(proposal[i])) {
                nanProposals++;
                assertFalse(accepted[i], "iteration " + i + " accepted a non-finite proposal");
                assertEquals(0.0, probability[i]);
            }
        }
        assertEquals(invalid, nanProposals);
        for (double[] draw : samples.draws().toArray()) {
            assertTrue(draw[0] <= 2 && Double.isFinite(draw[0]) && Double.isFinite(draw[1]),
                    "draw " + java.util.Arrays.toString(draw));
        }
        for (double lp : chain.logDensity()) {
            assertTrue(Double.isFinite(lp));
        }

        NormalDistribution normal = new NormalDistribution();
        double ratio = normal.density(2) / normal.cumulativeProbability(2);
        assertMeanAndSd(samples.parameter(0), -ratio, Math.sqrt(1 - 2 * ratio - ratio * ratio), "truncated θ0");
        assertMeanAndSd(samples.parameter(1), 0, 1, "free θ1");
    }
}
