package dev.hamiltorch.engine.bnn;

import static dev.hamiltorch.engine.testsupport.Probes.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.ForwardPlan;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.plugin.TestOnlyLikelihood;
import dev.hamiltorch.engine.sampling.DrawsFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The float32 pass of one draw, θ from a double array (draws in memory) and from float32 values in place
 * (a draws file's row): the same outputs, and the log posterior of the float-rounded draw; predicting from
 * a draws file of an earlier run, and the refusals of that entry point.
 */
class FloatPassTest {

    private static final Module NET = Sequential.of(Conv2d.of(1, 2, 3), MaxPool2d.of(2), ReLU.of(), Flatten.of(),
            Linear.of(18, 3));

    @TempDir
    Path dir;

    private static double[] roundedToFloat(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) v[i];
        }
        return r;
    }

    private final ModelPosterior posterior = new ModelPosterior(NET, new TestOnlyLikelihood(), TauOut.fixed(2),
            GaussianPrior.of(NET.parameterBlocks(), List.of()));
    private final Tensor x = Tensor.of(uniform(1, 5 * 64, 0, 1), 5, 1, 8, 8);
    private final Tensor y = Tensor.of(uniform(2, 15, -1, 1), 5, 3);

    @Test
    void aDrawFromMemoryAndFromFloatsInPlaceGiveTheSameOutputsAndTheRoundedDrawsLogPosterior() {
        double[] theta = roundedToFloat(uniform(3, NET.parameterCount(), -0.5, 0.5));
        FloatPass pass = FloatPass.of(posterior, ForwardPlan.of(NET).orElseThrow(), 2, x, y, new int[] {5, 3});
        float[] fromMemory = new float[15];
        double lp = pass.predict(null, theta, Tensor.of(theta), fromMemory, 0);
        ByteBuffer row = ByteBuffer.allocateDirect(4 * theta.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double t : theta) {
            row.putFloat((float) t);
        }
        float[] inPlace = new float[20];
        double lpInPlace = pass.predict(row.flip().asReadOnlyBuffer(), theta, Tensor.of(theta), inPlace, 5);
        assertArrayEquals(fromMemory, java.util.Arrays.copyOfRange(inPlace, 5, 20));
        assertEquals(lp, lpInPlace);
        double expected = posterior.logProb(Tensor.of(theta), x, y).item();
        assertEquals(expected, lp, 1e-5 * Math.abs(expected));
        double[] forward = NET.forward(Tensor.of(theta), x).toArray();
        for (int i = 0; i < 15; i++) {
            assertEquals(forward[i], fromMemory[i], 1e-5 * Math.max(1, Math.abs(forward[i])), "output " + i);
        }
    }

    @Test
    void predictingFromAnEarlierRunsDrawsFileAndItsRefusals() throws IOException {
        Path file = dir.resolve("net.draws");
        double[][] draws = {uniform(4, NET.parameterCount(), -0.5, 0.5), uniform(5, NET.parameterCount(), -0.5, 0.5)};
        try (DrawsFile.Writer w = DrawsFile.create(file, NET.parameterBlocks(), DrawsFile.Precision.FLOAT32)) {
            w.write(0, 7, draws[0]);
            w.write(0, 8, draws[1]);
        }
        Predictions p = Predictor.predict(posterior, file, x, y, 2);
        assertTrue(p.float32());
        assertEquals(2, p.draws());
        assertArrayEquals(new int[] {7, 8}, p.iteration());
        for (int k = 0; k < 2; k++) {
            double[] theta = roundedToFloat(draws[k]);
            double[] forward = NET.forward(Tensor.of(theta), x).toArray();
            double[] outputs = p.outputs(k);
            for (int i = 0; i < 15; i++) {
                assertEquals(forward[i], outputs[i], 1e-5 * Math.max(1, Math.abs(forward[i])), "draw " + k + " output " + i);
            }
        }

        Path other = dir.resolve("other.draws");
        try (DrawsFile.Writer w = DrawsFile.create(other, List.of(new ParameterBlock("w", new int[] {4})),
                DrawsFile.Precision.FLOAT32)) {
            w.write(0, 0, new double[4]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictor.predict(posterior, other, x, y, 1));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("4 parameters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Predictor.predict(posterior, file, x, y, 0));
        assertTrue(e.getMessage().contains("threads = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Predictor.predict(posterior, file, x, y.slice(0, 0, 4), 1));
        assertTrue(e.getMessage().contains("x has 5 rows"), e.getMessage());
    }
}
