package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.hamiltorch.engine.sampling.ChainRunnerTest.assertSameChain;
import static dev.hamiltorch.engine.sampling.ChainRunnerTest.TUNING;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Where chains start (given, per chain, or Stan's random starts) and results whatever the pool size. */
class ChainStartsTest {

    private static final ChainRunner RUNNER = new ChainRunner(new Hmc(), new EuclideanMetric(), new Leapfrog());
    private static final GaussianTarget GAUSSIAN = GaussianTarget.independent(new double[] {1, 2, 3}, 0.5, 0.5, 0.5);

    /** A kernel whose init accepts a position when {@code accepts} says so and records every position tried. */
    private static final class InitOnly implements Kernel {
        final List<double[]> tried = new ArrayList<>();
        final java.util.function.Predicate<double[]> accepts;

        InitOnly(java.util.function.Predicate<double[]> accepts) {
            this.accepts = accepts;
        }

        @Override
        public ChainState init(double[] position) {
            tried.add(position.clone());
            if (!accepts.test(position)) {
                throw new IllegalArgumentException("the log density at the initial position is -Infinity");
            }
            return new ChainState(position.clone(), 0, new double[position.length]);
        }

        @Override
        public Transition step(RandomGenerator rng, ChainState state, dev.hamiltorch.api.kernel.StepParameters tuning) {
            throw new UnsupportedOperationException();
        }
    }

    /** The k-th uniform (−2, 2)³ point of chain c's stream, computed here by hand. */
    private static double[][] uniformDraws(long seed, int chain, int count) {
        ChainRandom stream = ChainRandom.of(seed, chain);
        double[][] points = new double[count][3];
        for (double[] p : points) {
            for (int i = 0; i < 3; i++) {
                p[i] = 2 * (2 * stream.nextDouble() - 1);
            }
        }
        return points;
    }

    @Test
    void randomStartsAreStansUniformDrawsFromTheChainsStreamRetriedUntilValid() {
        // accepts only points whose first coordinate is positive: about half the draws
        InitOnly kernel = new InitOnly(p -> p[0] > 0);
        ChainState start = InitialValues.uniform().start(2, kernel, 3, ChainRandom.of(9, 2));
        double[][] expected = uniformDraws(9, 2, kernel.tried.size());
        assertArrayEquals(expected, kernel.tried.toArray(new double[0][]));
        for (int k = 0; k < expected.length - 1; k++) {
            assertFalse(expected[k][0] > 0, "attempt " + k + " was valid");
        }
        assertArrayEquals(expected[expected.length - 1], start.position());
        assertTrue(Arrays.stream(expected).flatMapToDouble(Arrays::stream).allMatch(v -> v >= -2 && v < 2));
    }

    @Test
    void noValidRandomStartIsAnErrorNamingTheAttemptsAndTheLastReason() {
        InitOnly kernel = new InitOnly(p -> false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InitialValues.uniform().start(3, kernel, 3, ChainRandom.of(1, 3)));
        assertEquals(100, kernel.tried.size());
        assertTrue(e.getMessage().startsWith("no initial position with a finite log density and gradient found in 100"
                + " attempts drawn uniformly from (-2.0, 2.0)^3 for chain 3; the last: the log density at the initial"
                + " position is -Infinity."), e.getMessage());
        InitOnly once = new InitOnly(p -> false);
        assertThrows(IllegalArgumentException.class, () -> InitialValues.uniform(0.5, 1).start(0, once, 3,
                ChainRandom.of(1, 0)));
        assertEquals(1, once.tried.size());
        assertTrue(once.tried.get(0)[0] >= -0.5 && once.tried.get(0)[0] < 0.5);
    }

    @Test
    void userCodeFailingIsNotRetried() {
        int[] calls = {0};
        Kernel failing = new InitOnly(p -> {
            calls[0]++;
            throw new IllegalStateException("model not loaded");
        });
        assertThrows(IllegalStateException.class, () -> InitialValues.uniform().start(0, failing, 3,
                ChainRandom.of(1, 0)));
        assertEquals(1, calls[0]);
    }

    @Test
    void givenStartsAreSharedOrOnePerChainAndChecked() {
        InitOnly kernel = new InitOnly(p -> true);
        InitialValues perChain = InitialValues.perChain(List.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        assertArrayEquals(new double[] {4, 5, 6}, perChain.start(1, kernel, 3, ChainRandom.of(1, 1)).position());
        assertArrayEquals(new double[] {7, 8, 9}, InitialValues.shared(7, 8, 9).start(1, kernel, 3,
                ChainRandom.of(1, 1)).position());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run(GAUSSIAN, perChain, TUNING, RunOptions.seed(1).withChains(3).withSamples(10, 0)));
        assertTrue(count.getMessage().contains("2 given for 3 chains"), count.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> InitialValues.perChain(List.of(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3})));
        assertTrue(nan.getMessage().startsWith("positions[1][1] = NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InitialValues.uniform(0, 10));
        assertThrows(IllegalArgumentException.class, () -> InitialValues.uniform(2, 0));
        // each chain starts where it was told: one step of 1e-4 barely moves it
        StepParameters still = StepParameters.DEFAULTS.withStepSize(1e-4).withNumSteps(1);
        Samples s = RUNNER.run(GAUSSIAN, InitialValues.perChain(List.of(new double[] {1, 2, 3}, new double[] {-40, 2, 3})),
                still, RunOptions.seed(1).withChains(2).withSamples(1, 0));
        assertArrayEquals(new double[] {1, 2, 3}, s.chain(0).draw(0), 1e-2);
        assertArrayEquals(new double[] {-40, 2, 3}, s.chain(1).draw(0), 1e-2);
    }

    /** The half-line x > 0 as a domain: a DomainException for x ≤ 0, as a user's constrained model would throw. */
    private static Target halfNormal(int dimension) {
        return new Target() {
            @Override
            public Target copy() {
                return this;
            }

            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public double logDensity(double[] theta) {
                double s = 0;
                for (double v : theta) {
                    if (v <= 0) {
                        throw new DomainException("x = " + v + " outside (0, ∞)");
                    }
                    s -= 0.5 * v * v;
                }
                return s;
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                for (int i = 0; i < theta.length; i++) {
                    gradient[i] = -theta[i];
                }
                return logDensity(theta);
            }
        };
    }

    @Test
    void randomStartsAndChainsAreBitIdenticalWhateverThePoolSize() {
        Target target = halfNormal(2); // a quarter of (−2, 2)² is inside: most chains need several attempts
        StepParameters settings = StepParameters.DEFAULTS.withStepSize(0.2).withNumSteps(4);
        RunOptions options = RunOptions.seed(11).withChains(5);
        Samples one = RUNNER.run(target, InitialValues.uniform(), settings, options.withThreads(1).withSamples(200, 20));
        for (int threads : new int[] {2, 3, 5, 0}) {
            Samples other = RUNNER.run(target, InitialValues.uniform(), settings, options.withThreads(threads).withSamples(200, 20));
            for (int c = 0; c < 5; c++) {
                assertSameChain(one.chain(c), other.chain(c));
            }
        }
        for (int c = 1; c < 5; c++) {
            assertFalse(Arrays.equals(one.chain(0).draw(0), one.chain(c).draw(0)), "chain " + c);
        }
    }

    @Test
    void givenStartsAreBitIdenticalWhateverThePoolSize() {
        RunOptions options = RunOptions.seed(5).withChains(4);
        Samples one = RUNNER.run(GAUSSIAN, new double[3], TUNING, options.withThreads(1).withSamples(300, 50));
        for (int threads : new int[] {2, 3, 4}) {
            Samples other = RUNNER.run(GAUSSIAN, new double[3], TUNING, options.withThreads(threads).withSamples(300, 50));
            for (int c = 0; c < 4; c++) {
                assertSameChain(one.chain(c), other.chain(c));
            }
        }
    }

    @Test
    void aRunWithoutAnyValidRandomStartFailsNamingTheAttempts() {
        Target nowhere = halfNormal(30); // (1/2)^30 of the box is inside: 100 attempts never find it
        SamplingException e = assertThrows(SamplingException.class, () -> RUNNER.run(nowhere, InitialValues.uniform(),
                TUNING, RunOptions.seed(3).withChains(2).withSamples(10, 0)));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getMessage().contains("chain 0 failed while evaluating the initial position")
                && e.getMessage().contains("in 100 attempts"), e.getMessage());
    }
}
