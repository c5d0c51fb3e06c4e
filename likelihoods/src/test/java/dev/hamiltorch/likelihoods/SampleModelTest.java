package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.ModelSampleBuilder;
import dev.hamiltorch.engine.bnn.Predictions;
import dev.hamiltorch.engine.bnn.Predictor;
import dev.hamiltorch.engine.sampling.DrawsFile;
import dev.hamiltorch.engine.sampling.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sampleModel, sampleSplitModel and predictModel end to end on small hand-written networks. */
class SampleModelTest {

    private static final TinyMlp CLASSIFIER = new TinyMlp(2, 4, 3);

    @TempDir
    Path dir;

    /** 30 points in the plane, labelled by the sector of their angle (3 classes). */
    private static Tensor[] sectors(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble() * 2 * Math.PI;
            x[2 * i] = Math.cos(a) * (0.5 + r.nextDouble());
            x[2 * i + 1] = Math.sin(a) * (0.5 + r.nextDouble());
            y[i] = Math.floor(3 * a / (2 * Math.PI));
        }
        return new Tensor[] {Tensor.of(x, n, 2), Tensor.of(y)};
    }

    private static ModelSampleBuilder classifierRun(Tensor[] data) {
        return Hamiltorch.sampleModel(CLASSIFIER, data[0], data[1]).likelihood(Likelihood.MULTI_CLASS)
                .paramsInit(CLASSIFIER.initial(1)).numSamples(40).stepSize(0.02).numStepsPerSample(5).seed(3)
                .verbose(false);
    }

    @Test
    void oneChunkOfSampleSplitModelGivesSampleModelsChainBitForBit() {
        Tensor[] data = sectors(1, 30);
        Samples whole = classifierRun(data).run();
        Samples split = Hamiltorch.sampleSplitModel(CLASSIFIER, data[0], data[1], 1).likelihood(Likelihood.MULTI_CLASS)
                .paramsInit(CLASSIFIER.initial(1)).numSamples(40).stepSize(0.02).numStepsPerSample(5).seed(3)
                .verbose(false).run();
        assertTrue(whole.acceptanceRate() > 0.3, "the chain moves: " + whole.acceptanceRate());
        assertArrayEquals(whole.draws().toArray(), split.draws().toArray());
        assertArrayEquals(whole.chain(0).logDensity(), split.chain(0).logDensity());
    }

    @Test
    void sampleModelTakesPerChainStartsAndWarmUpAdaptationFromTheSharedOptions() {
        Tensor[] data = sectors(1, 30);
        double[] first = CLASSIFIER.initial(1);
        double[] second = CLASSIFIER.initial(2);
        Samples one = classifierRun(data).run();
        Samples perChain = classifierRun(data).paramsInitPerChain(List.of(first, second)).chains(2).threads(1).run();
        Samples shared = classifierRun(data).chains(2).threads(1).run();
        // chain 0 starts where the one-chain run does and draws from the same stream: the same chain
        assertArrayEquals(one.chain(0).logDensity(), perChain.chain(0).logDensity());
        // chain 1 starts elsewhere than with a shared paramsInit
        assertTrue(perChain.chain(1).logDensity()[0] != shared.chain(1).logDensity()[0]);

        Samples adapted = classifierRun(data).numSamples(60).burn(30).adaptStepSize(true).desiredAcceptRate(0.7)
                .run();
        assertEquals(Boolean.TRUE, adapted.provenance().adaptation().stepSize());
        assertEquals(0.7, adapted.provenance().adaptation().targetAcceptance());
        assertTrue(adapted.chain(0).stepSize() != 0.02, "the warm-up moved ε from its start 0.02");

        IllegalArgumentException random = assertThrows(IllegalArgumentException.class,
                () -> classifierRun(data).randomInit(27).run());
        assertTrue(random.getMessage().startsWith("randomInit: sampleModel starts at given parameters"),
                random.getMessage());
    }

    @Test
    void splitChunksSumToTheWholeLogPosterior() {
        Tensor[] data = sectors(1, 30);
        // three chunks with the splitting integrator: its first iteration's start is paramsInit, whose lp is the sum
        Samples split = Hamiltorch.sampleSplitModel(CLASSIFIER, data[0], data[1], 3).paramsInit(CLASSIFIER.initial(1))
                .integrator(Integrator.SPLITTING).numSamples(20).stepSize(0.02).numStepsPerSample(3).seed(3)
                .verbose(false).run();
        Samples whole = classifierRun(data).numSamples(1).run();
        Predictions atDraws = Hamiltorch.predictModel(CLASSIFIER, split, data[0], data[1]);
        double[] lp = split.chain(0).logDensity();
        for (int k = 0; k < lp.length; k++) {
            assertEquals(lp[k], atDraws.logPosterior()[k], 1e-9 * Math.abs(lp[k]), "draw " + k);
        }
        assertTrue(whole.chain(0).logDensity().length == 1);
    }

    @Test
    void predictionsFromADrawsFileEqualThoseFromMemoryAndGiveTheChainsLogPosterior() throws IOException {
        Tensor[] data = sectors(1, 30);
        Path file = dir.resolve("c.draws");
        Samples inMemory = classifierRun(data).run();
        Samples streamed = classifierRun(data).draws(file).run();
        assertEquals(0, streamed.keptCount());
        try (DrawsFile.Reader r = DrawsFile.open(file)) {
            assertEquals(40, r.count());
            assertEquals(CLASSIFIER.parameterBlocks(), r.blocks());
            for (int k = 0; k < 40; k++) {
                assertArrayEquals(inMemory.draws().row(k), r.row(k));
            }
        }
        Predictions fromMemory = Hamiltorch.predictModel(CLASSIFIER, inMemory, data[0], data[1]);
        Predictions fromFile = Hamiltorch.predictModel(CLASSIFIER, streamed, data[0], data[1]);
        assertEquals(40, fromFile.draws());
        assertEquals(30, fromFile.rows());
        assertEquals(3, fromFile.outputs());
        for (int s = 0; s < 40; s++) {
            assertArrayEquals(fromMemory.outputs(s), fromFile.outputs(s));
            assertArrayEquals(CLASSIFIER.forward(Tensor.of(inMemory.draws().row(s)), data[0]).toArray(),
                    fromFile.outputs(s));
            assertEquals(s, fromFile.iteration()[s]);
        }
        assertArrayEquals(fromMemory.logPosterior(), fromFile.logPosterior());
        Predictions threeThreads = Predictor.predict(CLASSIFIER, streamed, data[0], data[1], 3);
        for (int s = 0; s < 40; s++) {
            assertArrayEquals(fromFile.outputs(s), threeThreads.outputs(s), "the same whatever the threads");
        }
        assertArrayEquals(fromFile.logPosterior(), threeThreads.logPosterior());
        // mean and variance over the draws of output (n = 7, o = 2), summed here in the same order
        double sum = 0;
        for (int s = 0; s < 40; s++) {
            sum += fromFile.output(s, 7, 2);
        }
        double mean = sum / 40;
        double squares = 0;
        for (int s = 0; s < 40; s++) {
            squares += (fromFile.output(s, 7, 2) - mean) * (fromFile.output(s, 7, 2) - mean);
        }
        assertEquals(mean, fromFile.mean()[7 * 3 + 2]);
        assertEquals(squares / 40, fromFile.variance()[7 * 3 + 2]);
        // on the training data, each draw's log posterior is the chain's own
        assertArrayEquals(inMemory.chain(0).logDensity(), fromFile.logPosterior());
    }

    @Test
    void predictionsOnMoreRowsThanOnePassHoldsAreThoseOfTheWholeBatch() {
        Tensor[] data = sectors(1, 30);
        Samples s = classifierRun(data).numSamples(3).run();
        Tensor[] many = sectors(2, 2 * 250 + 17);
        Predictions p = Hamiltorch.predictModel(CLASSIFIER, s, many[0], many[1]);
        dev.hamiltorch.engine.bnn.ModelPosterior posterior = s.modelPosterior().orElseThrow();
        for (int k = 0; k < 3; k++) {
            Tensor theta = Tensor.of(s.draws().row(k));
            assertArrayEquals(CLASSIFIER.forward(theta, many[0]).toArray(), p.outputs(k));
            double whole = posterior.logProb(theta, many[0], many[1]).item();
            assertEquals(whole, p.logPosterior()[k], 1e-12 * Math.abs(whole), "the passes' sum, up to rounding");
        }
    }

    @Test
    void aBnnRegressionsPosteriorPredictiveCoversHeldOutPoints() {
        TinyMlp net = new TinyMlp(1, 8, 1);
        Random r = new Random(5);
        int n = 40;
        int held = 30;
        double[] x = new double[n + held];
        double[] y = new double[n + held];
        for (int i = 0; i < n + held; i++) {
            x[i] = -3 + 6 * r.nextDouble();
            y[i] = Math.sin(x[i]) + 0.1 * r.nextGaussian();
        }
        Tensor xTrain = Tensor.of(java.util.Arrays.copyOf(x, n), n, 1);
        Tensor yTrain = Tensor.of(java.util.Arrays.copyOf(y, n), n, 1);
        Tensor xHeld = Tensor.of(java.util.Arrays.copyOfRange(x, n, n + held), held, 1);
        Tensor yHeld = Tensor.of(java.util.Arrays.copyOfRange(y, n, n + held), held, 1);
        Samples s = Hamiltorch.sampleModel(net, xTrain, yTrain).likelihood(Likelihood.REGRESSION).tauOut(100)
                .paramsInit(net.initial(2)).numSamples(1500).burn(500).stepSize(0.005).numStepsPerSample(20)
                .seed(11).verbose(false).run();
        Predictions p = Hamiltorch.predictModel(net, s, xHeld, yHeld);
        double[] mean = p.mean();
        double[] variance = p.variance();
        int covered = 0;
        double sse = 0;
        for (int i = 0; i < held; i++) {
            // predictive sd: the spread of f over draws plus the noise 1/τ_out
            double sd = Math.sqrt(variance[i] + 1.0 / 100);
            double e = yHeld.get(i, 0) - mean[i];
            covered += Math.abs(e) <= 2 * sd ? 1 : 0;
            sse += e * e;
        }
        assertTrue(s.acceptanceRate() > 0.5, "acceptance " + s.acceptanceRate());
        assertTrue(sse / held < 0.05, "held-out MSE " + sse / held);
        assertTrue(covered >= 24, covered + " of " + held + " held-out points inside ±2 sd");
    }

    @Test
    void badInputIsRefusedBeforeSamplingNamingTheArgument() {
        Tensor[] data = sectors(1, 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classifierRun(new Tensor[] {data[0], data[1].slice(0, 0, 29)}).run());
        assertEquals("x has 30 rows (shape [30, 2]) but y has 29 (shape [29]): one target per input", e.getMessage());

        double[] labels = data[1].toArray();
        labels[4] = 3;
        e = assertThrows(IllegalArgumentException.class,
                () -> classifierRun(new Tensor[] {data[0], Tensor.of(labels)}).run());
        assertEquals("targets[4] = 3.0: multi-class needs a label in 0..2 (the model has 3 outputs)", e.getMessage());

        double[] xs = data[0].toArray();
        xs[7] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class,
                () -> classifierRun(new Tensor[] {Tensor.of(xs, 30, 2), data[1]}).run());
        assertEquals("x holds NaN at flat index 7 (shape [30, 2]): data must be finite", e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> classifierRun(data).paramsInit(new double[CLASSIFIER.parameterCount() + 1]).run());
        assertEquals("paramsInit has length 28: the model has 27 parameters", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> classifierRun(data).tauList(1, 1, 1).run());
        assertEquals("tauList has 3 entries: the model has 4 parameter blocks [0.weight[4, 2], 0.bias[4],"
                + " 2.weight[3, 4], 2.bias[3]], one precision (or one per element) each", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> classifierRun(data).tauList(List.of(new double[] {1}, new double[3], new double[] {1},
                        new double[] {1})).run());
        assertEquals("tauList[1] has 3 values: block 0.bias[4] needs 1 or 4", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> classifierRun(data).likelihood("multiclass").run());
        assertTrue(e.getMessage().contains("multiclass") && e.getMessage().contains(Likelihood.MULTI_CLASS),
                e.getMessage());

        Path unwritable = dir.resolve("no-such-folder").resolve("x.draws");
        UncheckedIOException io = assertThrows(UncheckedIOException.class,
                () -> classifierRun(data).draws(unwritable).run());
        assertTrue(io.getMessage().contains("draws file " + unwritable + ": cannot be written"), io.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> Hamiltorch.predictModel(CLASSIFIER, Hamiltorch.sample(t -> t.square().sum().neg())
                        .paramsInit(new double[27]).numSamples(2).verbose(false).run(), data[0], data[1]));
        assertTrue(e.getMessage().startsWith("samples: drawn by Hamiltorch.sample, not sampleModel"), e.getMessage());
    }

    @Test
    void withoutDataTheModelsPosteriorIsItsPrior() {
        Samples s = Hamiltorch.sampleModel(CLASSIFIER).tauList(4, 4, 4, 4).paramsInit(new double[27])
                .numSamples(2000).stepSize(0.3).numStepsPerSample(3).seed(9).verbose(false).run();
        // every coordinate N(0, 1/4): the pooled variance of 27 × 2000 draws is close to 0.25 (L 3 turns the
        // phase by 1.8 rad; at L 5 it turns by π, which keeps x² and leaves its estimate with almost no ESS)
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (double[] row : s.draws().toArray()) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                count++;
            }
        }
        double variance = squares / count - (sum / count) * (sum / count);
        assertEquals(0.25, variance, 0.01, "variance of the prior N(0, 1/4)");
    }

    @Test
    void aSampledTauOutIsTheLastCoordinateAndItsPosteriorFindsTheNoise() {
        TinyMlp line = new TinyMlp(1, 1, 1);
        Random r = new Random(3);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = 0.5 + 0.5 * r.nextGaussian(); // noise sd 0.5: τ = 4
        }
        Samples s = Hamiltorch.sampleModel(line, Tensor.of(x, n, 1), Tensor.of(y, n, 1))
                .likelihood(Likelihood.REGRESSION).tauOut(dev.hamiltorch.engine.bnn.TauOut.gamma(1, 0.1, 1))
                .paramsInit(new double[] {0.1, 0, 0.1, 0}).numSamples(800).burn(200).stepSize(0.03)
                .numStepsPerSample(10).seed(4).verbose(false).run();
        assertEquals(5, s.dimension(), "the model's 4 parameters and log τ_out");
        double yMean = java.util.Arrays.stream(y).average().orElseThrow();
        double ssr = java.util.Arrays.stream(y).map(v -> (v - yMean) * (v - yMean)).sum();
        // conjugate value for a fit at the data's mean: Gamma(1 + n/2, 0.1 + SSR/2); the network fits a little better
        double expected = (1 + n / 2.0) / (0.1 + ssr / 2);
        double[] logTau = s.parameter(4);
        double mean = 0;
        for (double v : logTau) {
            mean += Math.exp(v) / logTau.length;
        }
        assertEquals(expected, mean, 0.15, "posterior mean of τ_out");
        assertInstanceOf(dev.hamiltorch.engine.bnn.TauOut.Gamma.class, s.modelPosterior().orElseThrow().tauOut());
    }
}
