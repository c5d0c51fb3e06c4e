package dev.hamiltorch.engine.facade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.testkit.BatchMeans;
import dev.hamiltorch.engine.distributions.Gamma;
import dev.hamiltorch.engine.distributions.HalfNormal;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.sampling.SamplingException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The facade as a user writes it, end to end through autodiff, plugins, HMC and the result. */
class HamiltorchFacadeTest {

    /** The hamiltorch introduction's density, written as the issue writes it. */
    private static final LogDensity GAUSSIAN_3D =
            x -> Normal.of(Tensor.of(1, 2, 3), Tensor.of(.5, .5, .5)).logProb(x).sum();

    private static SampleBuilder introduction() {
        return Hamiltorch.sample(GAUSSIAN_3D).paramsInit(Tensor.zeros(3)).numSamples(400)
                .stepSize(0.3).numStepsPerSample(5).seed(123).verbose(false);
    }

    @Test
    void theIntroductionsExampleRunsAndKeepsEveryDraw() {
        Samples s = introduction().run();
        assertEquals(400, s.keptCount());
        assertEquals(3, s.dimension());
        // L + 1 gradients per iteration would be 2400; the leapfrog reuses the last one: L per iteration + 1
        assertEquals(400 * 5 + 1, s.gradientEvaluations());
        assertTrue(s.acceptanceRate() > 0.9, "acceptance " + s.acceptanceRate());
        INDArray draws = s.drawsAsINDArray();
        assertArrayEquals(new long[] {400, 3}, draws.shape());
        assertEquals(s.draws().toArray()[17][2], draws.getDouble(17, 2));
    }

    @Test
    void drawsAsINDArrayIsDoubleAndLeavesTheHostsDefaultDataTypeAlone() {
        Samples s = introduction().numSamples(20).run();
        // ND4J's own default, as a host that never set it has it
        assertEquals(DataType.FLOAT, Nd4j.dataType());
        assertEquals(DataType.FLOAT, Nd4j.defaultFloatingPointType());
        INDArray draws = s.drawsAsINDArray();
        assertEquals(DataType.DOUBLE, draws.dataType());
        assertEquals(s.draws().get(19, 1), draws.getDouble(19, 1));
        assertEquals(DataType.FLOAT, Nd4j.dataType());
        assertEquals(DataType.FLOAT, Nd4j.defaultFloatingPointType());
        assertEquals(DataType.FLOAT, Nd4j.zeros(2).dataType()); // what the host's own arrays get
    }

    @Test
    void theGaussianIsRecoveredWithinMonteCarloError() {
        // ε 0.25, L 4 turns the phase by about 2 rad a trajectory, so squared deviations mix quickly
        Samples s = Hamiltorch.sample(GAUSSIAN_3D).paramsInit(Tensor.zeros(3)).numSamples(21_000).burn(1_000)
                .stepSize(0.25).numStepsPerSample(4).seed(7).verbose(false).run();
        for (int i = 0; i < 3; i++) {
            assertMeanAndSd(s.parameter(i), i + 1, 0.5);
        }
    }

    @Test
    void replayedDensitiesWithBoundedSupportsAreRecoveredWithinMonteCarloError() {
        // x0 ~ Gamma(3, rate 2) sampled on log x0 (with its Jacobian); x1 ~ HalfNormal(1) sampled on x1
        // itself, so that proposals cross the support's edge and are rejected there
        LogDensity f = t -> {
            Tensor logX0 = t.index(0);
            return Gamma.of(3, 2).logProb(logX0.exp()).add(logX0).add(HalfNormal.of(1).logProb(t.index(1)));
        };
        Samples s = Hamiltorch.sample(f).paramsInit(0, 0.5).numSamples(21_000).burn(1_000).stepSize(0.3)
                .numStepsPerSample(5).seed(11).verbose(false).run();
        double[] x0 = s.parameter(0).clone();
        for (int k = 0; k < x0.length; k++) {
            x0[k] = Math.exp(x0[k]);
        }
        assertMeanAndSd(x0, 1.5, Math.sqrt(0.75));
        assertMeanAndSd(s.parameter(1), Math.sqrt(2 / Math.PI), Math.sqrt(1 - 2 / Math.PI));
        Samples eager = Hamiltorch.sample(f).paramsInit(0, 0.5).numSamples(21_000).burn(1_000).stepSize(0.3)
                .numStepsPerSample(5).seed(11).verbose(false).replay(false).run();
        assertTrue(Arrays.deepEquals(eager.draws().toArray(), s.draws().toArray()), "replay changes no draw");
    }

    /** Mean and sd of the draws within 4.5 Monte Carlo standard errors (batch means) of the truth. */
    private static void assertMeanAndSd(double[] x, double mean, double sd) {
        BatchMeans m = BatchMeans.of(x, 25);
        double[] sq = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            sq[k] = (x[k] - m.mean()) * (x[k] - m.mean());
        }
        double estimate = Math.sqrt(m.variance());
        double sdError = BatchMeans.of(sq, 25).monteCarloStandardError() / (2 * estimate);
        assertTrue(Math.abs(m.mean() - mean) <= 4.5 * m.monteCarloStandardError(),
                "mean " + m.mean() + " vs " + mean + ", MCSE " + m.monteCarloStandardError());
        assertTrue(Math.abs(estimate - sd) <= 4.5 * sdError, "sd " + estimate + " vs " + sd + ", MCSE " + sdError);
    }

    @Test
    void oneSeedGivesBitIdenticalChainsInParallelOrNot() {
        Samples a = introduction().chains(2).threads(2).run();
        Samples b = introduction().chains(2).threads(1).run();
        Samples c = introduction().chains(2).threads(2).seed(124).run();
        for (int k = 0; k < a.keptCount(); k++) {
            assertArrayEquals(a.draws().toArray()[k], b.draws().toArray()[k]);
        }
        assertTrue(a.draws().toArray()[10][0] != c.draws().toArray()[10][0]);
        // the two chains of one run are different streams
        assertTrue(a.chain(0).draws().toArray()[10][0] != a.chain(1).draws().toArray()[10][0]);
    }

    @Test
    void progressTableAndAcceptanceRateAreShownWhenVerbose() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        introduction().verbose(true).progressTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("Sampling (Sampler.HMC; Integrator.LEAPFROG)\n"
                + "Time spent  | Time remain.| Progress             | Samples | Samples/sec\n"), out);
        assertTrue(out.contains("| #################### | 400/400 | "), out);
        assertTrue(out.matches("(?s).*\\nAcceptance Rate [01]\\.\\d\\d\\n$"), out);
    }

    @Test
    void badArgumentsAreNamedWithTheirValuesBeforeSampling() {
        assertMessage(() -> introduction().paramsInit(0, Double.NaN, 0).run(), "paramsInit = [0.0, NaN, 0.0]");
        assertMessage(() -> Hamiltorch.sample(x -> x.log().sum()).paramsInit(-1, 1, 1).verbose(false).run(),
                "log density there is NaN");
        assertMessage(() -> introduction().stepSize(0).run(), "stepSize = 0.0");
        assertMessage(() -> introduction().stepSize(Double.POSITIVE_INFINITY).run(), "stepSize = Infinity");
        assertMessage(() -> introduction().numSamples(0).run(), "numSamples = 0");
        assertMessage(() -> introduction().burn(400).run(), "burn = 400");
        assertMessage(() -> introduction().burn(-1).run(), "burn = -1");
        assertMessage(() -> introduction().invMass(1, 1).run(), "invMass");
        assertMessage(() -> introduction().invMass(new double[][] {{1, 2, 0}, {2, 1, 0}, {0, 0, 1}}).run(),
                "invMass");
        assertMessage(() -> introduction().sampler("no-such").run(), "sampler = no-such");
        assertMessage(() -> introduction().chains(0).run(), "chains = 0");
        // a combination that cannot work is refused before the first draw, by the integrator
        assertMessage(() -> introduction().integrator("splitting").run(), "needs a log density given as a list of terms");
    }

    @Test
    void aCombinationThatCannotWorkIsRefusedBeforeTheProgressTablesHeader() {
        for (SampleBuilder refused : new SampleBuilder[] {introduction().integrator("splitting"),
                introduction().sampler("rmhmc").metric("hessian").integrator("leapfrog")}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            refused.verbose(true).progressTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThrows(IllegalArgumentException.class, refused::run);
            assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aDensityThatFailsAtParamsInitIsReportedAsTheDensitysFailureBeforeSampling() {
        // whether the density or paramsInit has the wrong length, the density's code threw: not a DomainException
        SamplingException e = assertThrows(SamplingException.class, () -> introduction().paramsInit(0, 0).run());
        assertEquals("the log density threw at paramsInit = [0.0, 0.0], before sampling: "
                + "java.lang.IllegalArgumentException: shapes [2] and [3] cannot be broadcast together", e.getMessage());
        e = assertThrows(SamplingException.class,
                () -> Hamiltorch.sample(x -> x.mul(2.0)).paramsInit(1, 1, 1).verbose(false).run());
        assertEquals("the log density threw at paramsInit = [1.0, 1.0, 1.0], before sampling: "
                + "java.lang.IllegalArgumentException: log density must return a scalar, returned shape [3]",
                e.getMessage());
    }

    @Test
    void anExceptionInUserCodeCarriesTheIterationAndTheDrawsSoFar() {
        int[] calls = {0};
        LogDensity failing = x -> {
            if (++calls[0] > 2 + 5 * 50) {
                throw new IllegalStateException("user bug");
            }
            return GAUSSIAN_3D.logProb(x);
        };
        // the facade evaluates the start once to check it, then each iteration costs 5 gradients; the
        // density keeps state, so it must run every time: replay off
        calls[0] = -1;
        SamplingException e = assertThrows(SamplingException.class, () -> Hamiltorch.sample(failing)
                .paramsInit(0, 0, 0).numSamples(400).stepSize(0.3).numStepsPerSample(5).verbose(false)
                .replay(false).run());
        assertTrue(e.getMessage().contains("iteration"), e.getMessage());
        assertEquals("user bug", e.getCause().getMessage());
        // after the evaluations before the first iteration, 5 gradients for each of 50 iterations; the 51st throws
        assertEquals(51, e.iteration());
        assertEquals(50, e.partialResult().keptCount());
    }

    @Test
    void aReplayedDensityRunsItsCodeOnlyToBeRecordedAndGivesTheChainOfOneThatDoesNot() {
        int[] calls = {0};
        LogDensity counted = x -> {
            calls[0]++;
            return GAUSSIAN_3D.logProb(x);
        };
        Samples replayed = Hamiltorch.sample(counted).paramsInit(0, 0, 0).numSamples(100).stepSize(0.3)
                .numStepsPerSample(5).seed(7).verbose(false).run();
        int replayedCalls = calls[0];
        calls[0] = 0;
        Samples eager = Hamiltorch.sample(counted).paramsInit(0, 0, 0).numSamples(100).stepSize(0.3)
                .numStepsPerSample(5).seed(7).verbose(false).replay(false).run();
        // the start's check, the check that every coordinate is read, then the recording: 500 gradients
        // later the code has not run again
        assertEquals(3, replayedCalls);
        assertEquals(3 + 100 * 5, calls[0]);
        assertTrue(Arrays.deepEquals(eager.draws().toArray(), replayed.draws().toArray()));
        assertArrayEquals(eager.chain(0).logDensity(), replayed.chain(0).logDensity());
    }

    private static void assertMessage(Runnable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
