package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.bnn.ModelPosterior;
import dev.hamiltorch.engine.bnn.Predictions;
import dev.hamiltorch.engine.bnn.Predictor;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.sampling.DrawsFile;
import dev.hamiltorch.engine.sampling.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predictModel's float32 inference pass on a small CNN whose draws are streamed to a float32 draws file:
 * every draw's outputs equal the engine's double forward pass of that file row to float rounding, the log
 * posterior is the run's own at the rounded draw, the threads change nothing, and draws held in memory in
 * double precision go through the engine's own (double) forward pass.
 */
class FloatPredictionTest {

    private static final Module CNN = Sequential.of(Conv2d.of(1, 3, 3), MaxPool2d.of(2), ReLU.of(),
            Flatten.of(), Linear.of(3 * 3 * 3, 8), ReLU.of(), Linear.of(8, 4));

    @TempDir
    Path dir;

    /** n 8 × 8 images with labels 0–3. */
    private static Tensor[] images(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n * 64];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(4);
            for (int p = 0; p < 64; p++) {
                x[64 * i + p] = r.nextDouble() + (p % 4 == y[i] ? 1 : 0);
            }
        }
        return new Tensor[] {Tensor.of(x, n, 1, 8, 8), Tensor.of(y)};
    }

    @Test
    void floatDrawsArePredictedInFloat32AsTheirRowsForwardInDouble() throws IOException {
        Tensor[] train = images(1, 20);
        Tensor[] val = images(2, 300 + 7);   // more rows than one chunk of 250
        Path file = dir.resolve("cnn.draws");
        Samples s = Hamiltorch.sampleModel(CNN, train[0], train[1]).likelihood(Likelihood.MULTI_CLASS)
                .paramsInit(CNN.initialParameters(3)).numSamples(12).stepSize(0.01).numStepsPerSample(3).seed(5)
                .verbose(false).draws(file, DrawsFile.Precision.FLOAT32).run();
        Predictions p = Hamiltorch.predictModel(CNN, s, val[0], val[1]);
        assertTrue(p.float32());
        assertEquals(12, p.draws());
        ModelPosterior posterior = s.modelPosterior().orElseThrow();
        try (DrawsFile.Reader r = DrawsFile.open(file)) {
            for (int k = 0; k < 12; k++) {
                Tensor theta = Tensor.of(r.row(k));
                double[] expected = CNN.forward(theta, val[0]).toArray();
                double[] actual = p.outputs(k);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 2e-5 * Math.max(1, Math.abs(expected[i])), "draw " + k + " at " + i);
                }
                double lp = posterior.logProb(theta, val[0], val[1]).item();
                assertEquals(lp, p.logPosterior()[k], 1e-5 * Math.abs(lp), "log posterior of draw " + k);
                assertEquals(k, p.iteration()[k]);
            }
        }
        Predictions oneThread = Predictor.predict(CNN, s, val[0], val[1], 1);
        Predictions threeThreads = Predictor.predict(CNN, s, val[0], val[1], 3);
        for (int k = 0; k < 12; k++) {
            assertArrayEquals(oneThread.outputs(k), threeThreads.outputs(k), "the same whatever the threads");
        }
        assertArrayEquals(oneThread.logPosterior(), threeThreads.logPosterior());
    }

    @Test
    void doubleDrawsInMemoryGoThroughTheEnginesDoubleForwardPass() {
        Tensor[] train = images(1, 20);
        Samples s = Hamiltorch.sampleModel(CNN, train[0], train[1]).likelihood(Likelihood.MULTI_CLASS)
                .paramsInit(CNN.initialParameters(3)).numSamples(3).stepSize(0.01).numStepsPerSample(3).seed(5)
                .verbose(false).run();
        Predictions p = Hamiltorch.predictModel(CNN, s, train[0], train[1]);
        assertFalse(p.float32());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(CNN.forward(Tensor.of(s.draws().row(k)), train[0]).toArray(), p.outputs(k));
        }
    }
}
