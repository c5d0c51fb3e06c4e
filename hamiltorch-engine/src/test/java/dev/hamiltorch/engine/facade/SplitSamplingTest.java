package dev.hamiltorch.engine.facade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.sampling.SamplingException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Hamiltorch#sampleSplit}: a log density given as terms, sampled with each split integrator and
 * with the leapfrog. The model is the conjugate Gaussian mean: θ ∈ ℝ² with prior N(0, τ² I), τ = 2, and
 * 40 observations yₙ ~ N(θ, I) in 4 shards of 10, the prior in the first term; its posterior is
 * N(Σyₙ / λ, I / λ) with precision λ = 1/τ² + 40.
 */
class SplitSamplingTest {

    private static final int N = 40;
    private static final int SHARDS = 4;
    private static final double TAU = 2.0;
    private static final double PRECISION = 1 / (TAU * TAU) + N;
    private static final double[][] DATA = data();

    private static double[][] data() {
        SplittableRandom rng = new SplittableRandom(2026);
        double[] truth = {0.7, -1.2};
        double[][] y = new double[N][2];
        for (double[] row : y) {
            for (int j = 0; j < 2; j++) {
                row[j] = truth[j] + rng.nextGaussian();
            }
        }
        return y;
    }

    /** log N(shard; θ, I), plus the prior log N(θ; 0, τ² I) in term 0. */
    private static LogDensity term(int m) {
        Tensor shard = Tensor.of(Arrays.copyOfRange(DATA, m * N / SHARDS, (m + 1) * N / SHARDS));
        Normal prior = Normal.of(0.0, TAU);
        LogDensity likelihood = x -> Normal.of(x, Tensor.scalar(1.0)).logProb(shard).sum();
        return m == 0 ? x -> prior.logProb(x).sum().add(likelihood.logProb(x)) : likelihood;
    }

    private static List<LogDensity> terms() {
        List<LogDensity> terms = new ArrayList<>();
        for (int m = 0; m < SHARDS; m++) {
            terms.add(term(m));
        }
        return terms;
    }

    private static double posteriorMean(int j) {
        double sum = 0;
        for (double[] row : DATA) {
            sum += row[j];
        }
        return sum / PRECISION;
    }

    static Stream<Arguments> integrators() {
        return Stream.of(Integrator.LEAPFROG, Integrator.SPLITTING, Integrator.SPLITTING_RAND,
                Integrator.SPLITTING_KMID).flatMap(i -> Stream.of(Arguments.of(i, 11L), Arguments.of(i, 12L)));
    }

    /**
     * ε 0.04 and L 8 turn the phase by about 2 rad a trajectory (the posterior sd is 0.158), so the
     * squared deviations mix quickly too.
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("integrators")
    void theConjugatePosteriorIsRecoveredWithinMonteCarloError(String integrator, long seed) {
        Samples s = Hamiltorch.sampleSplit(terms()).paramsInit(0, 0).integrator(integrator).numSamples(4_200)
                .burn(200).stepSize(0.04).numStepsPerSample(8).seed(seed).verbose(false).run();
        double sd = 1 / Math.sqrt(PRECISION);
        for (int j = 0; j < 2; j++) {
            double[] draws = s.parameter(j);
            double mean = Arrays.stream(draws).average().orElseThrow();
            double sampleSd = Math.sqrt(Arrays.stream(draws).map(v -> (v - mean) * (v - mean)).sum()
                    / (draws.length - 1));
            ParameterDiagnostics d = s.diagnostics(j);
            String label = integrator + " θ" + j;
            assertTrue(Math.abs(mean - posteriorMean(j)) <= 4.5 * d.mcseMean(),
                    String.format("%s: mean %.5f vs %.5f, MCSE %.5f", label, mean, posteriorMean(j), d.mcseMean()));
            assertTrue(Math.abs(sampleSd - sd) <= 4.5 * d.mcseSd(),
                    String.format("%s: sd %.5f vs %.5f, MCSE %.5f", label, sampleSd, sd, d.mcseSd()));
        }
        assertTrue(s.acceptanceRate() > 0.9, integrator + " acceptance " + s.acceptanceRate());
        assertEquals(0L, s.eventCounts().get(Event.INVALID_LOG_PROB));
        assertEquals(0L, s.eventCounts().get(Event.DIVERGENT));
    }

    @Test
    void eachTermRunsItsCodeOnlyToBeRecordedAndGivesTheChainOfTermsThatDoNot() {
        int[] calls = new int[SHARDS];
        List<LogDensity> counted = new ArrayList<>();
        for (int m = 0; m < SHARDS; m++) {
            int term = m;
            LogDensity code = term(m);
            counted.add(x -> {
                calls[term]++;
                return code.logProb(x);
            });
        }
        Samples replayed = Hamiltorch.sampleSplit(counted).paramsInit(0, 0).integrator(Integrator.SPLITTING)
                .numSamples(100).stepSize(0.04).numStepsPerSample(8).seed(7).verbose(false).run();
        int[] replayedCalls = calls.clone();
        Arrays.fill(calls, 0);
        Samples eager = Hamiltorch.sampleSplit(counted).paramsInit(0, 0).integrator(Integrator.SPLITTING)
                .numSamples(100).stepSize(0.04).numStepsPerSample(8).seed(7).verbose(false).replay(false).run();
        // per term: the start's check, the check that every coordinate is read, then the chain's recording
        assertArrayEquals(new int[] {3, 3, 3, 3}, replayedCalls);
        // eagerly, a step K₀ D K₁ D K₂ D K₃ K₃ D K₂ D K₁ D K₀ evaluates terms 1 and 2 twice and term 3 once
        // (its two kicks share a position), term 0 once more than the steps (consecutive steps share K₀), and
        // the trajectory's end evaluates the terms but 0: 1 + 8, 17, 17 and 9 runs of 52 evaluations. Term 0's
        // first run is at the end point of the trajectory before, the same θ, which the term's cache answers
        // when that point was accepted (all 100 were): 8 runs
        assertEquals(1.0, eager.acceptanceRate());
        assertEquals(1 + 100 * 52, eager.gradientEvaluations());
        assertArrayEquals(new int[] {3 + 100 * 8, 3 + 100 * 17, 3 + 100 * 17, 3 + 100 * 9}, calls);
        assertTrue(Arrays.deepEquals(eager.draws().toArray(), replayed.draws().toArray()));
        assertArrayEquals(eager.chain(0).logDensity(), replayed.chain(0).logDensity());
        assertEquals(eager.gradientEvaluations(), replayed.gradientEvaluations());
    }

    /**
     * N(0, 1) in term 0 and, in term 1, nothing but a domain: undefined above 1. Proposals past it are
     * rejected and counted, as for a single density, and the draws follow N(0, 1) truncated to (−∞, 1],
     * whose mean is −φ(1)/Φ(1).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Integrator.SPLITTING, Integrator.SPLITTING_RAND, Integrator.SPLITTING_KMID})
    void aTermUndefinedPastItsDomainRejectsTheProposalAndThePosteriorIsRight(String integrator) {
        List<LogDensity> terms = List.of(x -> x.square().mul(-0.5).sum(), x -> {
            if (x.get(0) > 1.0) {
                throw new DomainException("θ = " + x.get(0) + " > 1");
            }
            return x.mul(0.0).sum();
        });
        Samples s = Hamiltorch.sampleSplit(terms).paramsInit(0.0).integrator(integrator).numSamples(4_200).burn(200)
                .stepSize(0.3).numStepsPerSample(5).seed(17).verbose(false).run();
        assertTrue(s.eventCounts().get(Event.DOMAIN_ERROR) > 0, s.eventCounts().toString());
        assertTrue(Arrays.stream(s.draws().toArray()).allMatch(row -> row[0] <= 1.0));
        double mean = Arrays.stream(s.parameter(0)).average().orElseThrow();
        double exact = -Math.exp(-0.5) / Math.sqrt(2 * Math.PI) / 0.8413447460685429;
        assertTrue(Math.abs(mean - exact) <= 4.5 * s.diagnostics(0).mcseMean(),
                integrator + ": mean " + mean + ", exact " + exact + ", MCSE " + s.diagnostics(0).mcseMean());
    }

    @Test
    void parallelChainsGiveTheChainsOfOneThread() {
        Samples parallel = Hamiltorch.sampleSplit(terms()).paramsInit(0, 0).integrator(Integrator.SPLITTING_RAND)
                .numSamples(200).stepSize(0.04).numStepsPerSample(8).seed(5).chains(3).threads(3).verbose(false).run();
        Samples serial = Hamiltorch.sampleSplit(terms()).paramsInit(0, 0).integrator(Integrator.SPLITTING_RAND)
                .numSamples(200).stepSize(0.04).numStepsPerSample(8).seed(5).chains(3).threads(1).verbose(false).run();
        for (int c = 0; c < 3; c++) {
            assertTrue(Arrays.deepEquals(serial.chain(c).draws().toArray(), parallel.chain(c).draws().toArray()), "chain " + c);
        }
    }

    @Test
    void badTermsAreRefusedNamingTheArgument() {
        List<LogDensity> withNull = new ArrayList<>(terms());
        withNull.set(2, null);
        assertEquals("terms[2] = null: every term must be a log density",
                assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sampleSplit(withNull)).getMessage());
        assertEquals("terms = []: at least one log density term is required",
                assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sampleSplit(List.of())).getMessage());
        assertEquals("terms = null: at least one log density term is required",
                assertThrows(IllegalArgumentException.class, () -> Hamiltorch.sampleSplit(null)).getMessage());
    }

    @Test
    void aCoordinateIsUnreadOnlyWhenNoTermReadsIt() {
        List<LogDensity> terms = List.of(x -> x.index(0).square().neg(), x -> x.index(1).square().neg());
        Samples s = Hamiltorch.sampleSplit(terms).paramsInit(0.5, 0.5).integrator(Integrator.SPLITTING)
                .numSamples(20).verbose(false).run();
        assertEquals(20, s.keptCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.sampleSplit(terms).paramsInit(0.5, 0.5, 0.5).verbose(false).run());
        assertTrue(e.getMessage().startsWith("paramsInit = [0.5, 0.5, 0.5]: the log density never reads θ[2]"),
                e.getMessage());
    }

    @Test
    void aTermThatCannotBeEvaluatedAtTheStartIsNamed() {
        List<LogDensity> terms = List.of(term(0), x -> x.mul(2.0));
        // the density's own failure, not a bad paramsInit
        SamplingException e = assertThrows(SamplingException.class,
                () -> Hamiltorch.sampleSplit(terms).paramsInit(0, 0).verbose(false).run());
        assertEquals("term 1 of the log density: log density must return a scalar, returned shape [2]",
                e.getCause().getMessage());
        assertTrue(e.getMessage().startsWith("the log density threw at paramsInit = [0.0, 0.0], before sampling"),
                e.getMessage());
    }

    @Test
    void aSplitIntegratorOnOneDensityIsRefusedBeforeTheProgressTableStarts() {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        LogDensity whole = x -> Normal.of(0.0, 1.0).logProb(x).sum();
        for (String integrator : List.of(Integrator.SPLITTING, Integrator.SPLITTING_RAND, Integrator.SPLITTING_KMID)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Hamiltorch.sample(whole).paramsInit(0, 0).integrator(integrator)
                            .progressTo(new PrintStream(table, true, StandardCharsets.UTF_8)).run());
            assertTrue(e.getMessage().startsWith("the " + integrator + " integrator needs a log density given as a"
                    + " list of terms"), e.getMessage());
        }
        assertEquals("", table.toString(StandardCharsets.UTF_8));
        // the symmetric splitting alternates between two terms at least
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.sampleSplit(List.of(whole)).paramsInit(0, 0).integrator(Integrator.SPLITTING)
                        .progressTo(new PrintStream(table, true, StandardCharsets.UTF_8)).run());
        assertEquals("the splitting integrator needs at least 2 terms, but the target has 1", one.getMessage());
        assertEquals("", table.toString(StandardCharsets.UTF_8));
    }
}
