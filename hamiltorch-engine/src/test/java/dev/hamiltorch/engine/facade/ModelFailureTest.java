package dev.hamiltorch.engine.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.distributions.MultivariateNormal;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.distributions.Uniform;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.sampling.SamplingException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A model's own numerical failure at a proposal (a covariance that is not positive-definite) rejects
 * that proposal and is counted; a paramsInit the density does not fully read is refused; a density that
 * throws at paramsInit is the user's failure unless it says the point is outside its domain.
 */
class ModelFailureTest {

    private static final int N = 30;
    /** N pairs of standard normals with correlation 0.95, fixed by a seed. */
    private static final double[][] DATA = new double[N][2];

    static {
        SplittableRandom random = new SplittableRandom(2024);
        for (double[] row : DATA) {
            double a = random.nextGaussian();
            row[0] = a;
            row[1] = 0.95 * a + Math.sqrt(1 - 0.95 * 0.95) * random.nextGaussian();
        }
    }

    /** A correlation r with a Uniform(−1, 1) prior: past ±1 the covariance is not positive-definite. */
    private static final LogDensity CORRELATION = x -> {
        Tensor r = x.index(0);
        Tensor cov = Tensor.stack(0, Tensor.stack(0, Tensor.scalar(1.0), r), Tensor.stack(0, r, Tensor.scalar(1.0)));
        return Uniform.of(-1, 1).logProb(r)
                .add(MultivariateNormal.of(Tensor.zeros(2), cov).logProb(Tensor.of(DATA)).sum());
    };

    /** log p(r | data) up to a constant, for |r| < 1. */
    private static double logPosterior(double r) {
        double q = 0;
        for (double[] row : DATA) {
            q += (row[0] * row[0] - 2 * r * row[0] * row[1] + row[1] * row[1]) / (1 - r * r);
        }
        return -0.5 * q - 0.5 * N * Math.log(1 - r * r);
    }

    /** The posterior mean of r by the midpoint rule on (−1, 1). */
    private static double exactPosteriorMean() {
        int m = 200_000;
        double peak = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            peak = Math.max(peak, logPosterior(-1 + (k + 0.5) * 2.0 / m));
        }
        double mass = 0;
        double first = 0;
        for (int k = 0; k < m; k++) {
            double r = -1 + (k + 0.5) * 2.0 / m;
            double w = Math.exp(logPosterior(r) - peak);
            mass += w;
            first += w * r;
        }
        return first / mass;
    }

    private static Samples correlation(boolean replay) {
        return Hamiltorch.sample(CORRELATION).paramsInit(0.5).numSamples(3000).burn(300).stepSize(0.02)
                .numStepsPerSample(8).seed(31).replay(replay).verbose(false).run();
    }

    @Test
    void proposalsPastTheDomainAreRejectedAndCountedAndThePosteriorIsRight() {
        Samples s = correlation(true);
        long undefined = s.eventCounts().get(Event.DOMAIN_ERROR);
        assertTrue(undefined > 0, "no proposal crossed |r| = 1: the test does not test anything");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("(domain_error)")), s.warnings().toString());
        ParameterDiagnostics d = s.diagnostics(0);
        double mean = Arrays.stream(s.draws().toArray()).mapToDouble(row -> row[0]).average().orElseThrow();
        double exact = exactPosteriorMean();
        assertTrue(Math.abs(mean - exact) < 4.5 * d.mcseMean(),
                "mean " + mean + ", exact " + exact + ", MCSE " + d.mcseMean());
        // the same chain when the density runs its code at every proposal
        assertTrue(Arrays.deepEquals(s.draws().toArray(), correlation(false).draws().toArray()));
    }

    @Test
    void aDistributionParameterOutsideItsDomainRejectsTheProposal() {
        // the scale is read into Java, so the distribution checks it: below θ = −1 it is not positive
        LogDensity f = x -> Normal.of(Tensor.scalar(0.0), Tensor.scalar(1.0 + x.get(0))).logProb(x.index(0));
        Samples s = Hamiltorch.sample(f).paramsInit(0.0).numSamples(500).stepSize(0.5).numStepsPerSample(4)
                .seed(3).verbose(false).run();
        assertEquals(500, s.keptCount());
        assertTrue(s.eventCounts().get(Event.DOMAIN_ERROR) > 0, s.eventCounts().toString());
        assertTrue(Arrays.stream(s.draws().toArray()).allMatch(row -> row[0] > -1));
    }

    @Test
    void anUndefinedStartIsABadArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sample(CORRELATION)
                .paramsInit(1.5).verbose(false).run());
        assertTrue(e.getMessage().contains("paramsInit = [1.5]"), e.getMessage());
        assertTrue(e.getMessage().contains("not symmetric positive-definite"), e.getMessage());
    }

    @Test
    void aDensityThatThrowsAtParamsInitIsTheUsersFailureNotABadArgument() {
        // an IllegalArgumentException of the density's own, a bug in it: not about paramsInit
        IllegalArgumentException bug = new IllegalArgumentException("weights has 3 rows, expected 4");
        IllegalStateException own = new IllegalStateException("model not loaded");
        for (RuntimeException thrown : new RuntimeException[] {bug, own}) {
            LogDensity f = x -> {
                throw thrown;
            };
            SamplingException e = assertThrows(SamplingException.class,
                    () -> Hamiltorch.sample(f).paramsInit(0.5, 1).numSamples(7).burn(2).chains(3).verbose(false).run());
            assertSame(thrown, e.getCause());
            assertEquals("the log density threw at paramsInit = [0.5, 1.0], before sampling: " + thrown, e.getMessage());
            assertEquals(0, e.chain());
            assertEquals(0, e.iteration());
            assertEquals(3, e.partialResult().numChains());
            assertEquals(0, e.partialResult().keptCount());
            assertEquals(0, e.partialResult().chain(2).iterations());
        }
    }

    @Test
    void aDomainExceptionOfTheDensitysOwnAtParamsInitIsABadArgument() {
        LogDensity f = x -> {
            throw new DomainException("rate = -1: must be positive");
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.sample(f).paramsInit(-1).verbose(false).run());
        assertEquals("paramsInit = [-1.0]: the log density cannot be evaluated there: rate = -1: must be positive",
                e.getMessage());
    }

    @Test
    void theValueAloneIsNaNWhereTheGradientsEvaluationIsNaN() {
        LogDensity f = x -> Normal.of(x.index(0).log(), Tensor.scalar(1.0)).logProb(Tensor.scalar(0.0));
        for (boolean replay : new boolean[] {true, false}) {
            assertEquals(Double.NaN, new AutodiffTarget(f, 1, replay).logDensity(new double[] {-1}));
            assertEquals(Double.NaN, new AutodiffTarget(f, 1, replay).logDensityAndGradient(new double[] {-1},
                    new double[1]));
        }
    }

    @Test
    void aParamsInitLongerThanTheModelIsRefusedNamingTheUnreadCoordinates() {
        LogDensity twoOfFour = x -> Normal.of(0, 1).logProb(x.slice(0, 0, 2)).sum();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.sample(twoOfFour).paramsInit(0, 0, 0, 0).verbose(false).run());
        assertTrue(e.getMessage().contains("never reads θ[2, 3]"), e.getMessage());
        LogDensity indexed = x -> Normal.of(0, 1).logProb(x.index(0)).add(Normal.of(0, 1).logProb(x.index(2)));
        e = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.sample(indexed).paramsInit(0, 0, 0).verbose(false).run());
        assertTrue(e.getMessage().contains("never reads θ[1]"), e.getMessage());
        // every coordinate read: samples
        assertEquals(10, Hamiltorch.sample(twoOfFour).paramsInit(0, 0).verbose(false).run().keptCount());
    }

    @Test
    void aDensityThatIgnoresThetaIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.sample(x -> Tensor.scalar(-1.0)).paramsInit(0, 0).verbose(false).run());
        assertTrue(e.getMessage().contains("does not depend on θ at all"), e.getMessage());
    }

    @Test
    void unreadCoordinatesOfADensityThatBranchesOnThetaAreOnlyWarnedOf() {
        // which coordinate is read depends on θ: what paramsInit shows is not the whole story
        LogDensity branching = x -> x.get(0) > 0 ? Normal.of(0, 1).logProb(x.index(0))
                : Normal.of(0, 1).logProb(x.index(1));
        AutodiffTarget target = new AutodiffTarget(branching, 2);
        AutodiffTarget.UnreadParameters unread = target.unreadParameters(new double[] {1, 0});
        assertTrue(Arrays.equals(new int[] {1}, unread.indices()) && !unread.certain());
        assertEquals(5, Hamiltorch.sample(branching).paramsInit(1, 0).numSamples(5).verbose(false).run().keptCount());
    }
}
