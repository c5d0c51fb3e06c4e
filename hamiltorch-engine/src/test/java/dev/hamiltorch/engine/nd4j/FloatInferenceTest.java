package dev.hamiltorch.engine.nd4j;

import static dev.hamiltorch.engine.testsupport.Probes.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.AvgPool2d;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.ForwardPlan;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.LogSoftmax;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.nn.Sigmoid;
import dev.hamiltorch.engine.nn.Softplus;
import dev.hamiltorch.engine.nn.Tanh;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The float32 inference pass against the engine's double-precision forward pass (the layers' definition,
 * tested against loops elsewhere): every layer kind, strides and padding, nesting, chunked inputs, θ read
 * from a direct (memory-mapped-like) buffer at an offset without a copy, and the networks a plan refuses.
 */
class FloatInferenceTest {

    /** Outputs of the float pass, θ from a heap array, in chunks of {@code chunk} rows. */
    private static float[] infer(Module net, double[] theta, Tensor x, int chunk) {
        FloatInference f = FloatInference.of(ForwardPlan.of(net).orElseThrow(), chunk);
        long outputs = net.forward(Tensor.of(theta), x).size();
        float[] out = new float[(int) outputs];
        f.forward(FloatInference.parameters(theta), FloatInference.inputs(x), out, 0);
        return out;
    }

    private static void assertClose(double[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, scale), what + " at " + i);
        }
    }

    @Test
    void theMnistCnnAgreesWithTheDoubleForwardPassToFloatRounding() {
        Module net = Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), ReLU.of(), Conv2d.of(20, 50, 5),
                MaxPool2d.of(2), ReLU.of(), Flatten.of(), Linear.of(800, 500), ReLU.of(), Linear.of(500, 10));
        int n = 7;
        Tensor x = Tensor.of(uniform(3, n * 28 * 28, 0, 1), n, 1, 28, 28);
        double[] theta = net.initialParameters(5).toArray();
        double[] expected = net.forward(Tensor.of(theta), x).toArray();
        // whole batch, and chunks of 3 (7 = 3 + 3 + 1)
        assertClose(expected, infer(net, theta, x, 100), 1e-5, "one chunk");
        assertClose(expected, infer(net, theta, x, 3), 1e-5, "chunks of 3");
    }

    @Test
    void everyLayerKindStridesPaddingAndNesting() {
        Module net = Sequential.of(Conv2d.of(2, 3, SlidingWindow.of(3, 2, 1), true), Tanh.of(),
                Sequential.of(Conv2d.of(3, 4, SlidingWindow.of(2, 1, 0), false), Sigmoid.of()),
                AvgPool2d.of(2), MaxPool2d.of(2, 1, 0), Flatten.of(), Linear.of(4, 5, false), ReLU.of(),
                Linear.of(5, 3), LogSoftmax.of());
        int n = 4;
        // 9 × 9 → conv (3, s2, p1) 5 × 5 → conv 2 4 × 4 → avg 2 2 × 2 → max (2, s1) 1 × 1
        Tensor x = Tensor.of(uniform(11, n * 2 * 9 * 9, -1, 1), n, 2, 9, 9);
        double[] theta = uniform(12, net.parameterCount(), -1, 1);
        double[] expected = net.forward(Tensor.of(theta), x).toArray();
        assertClose(expected, infer(net, theta, x, 3), 1e-5, "all layers");
    }

    @Test
    void thetaIsReadInPlaceFromADirectBufferAtAnOffset() {
        Module net = Sequential.of(Conv2d.of(1, 2, 3), ReLU.of(), Flatten.of(), Linear.of(2 * 4 * 4, 3));
        double[] theta = uniform(21, net.parameterCount(), -1, 1);
        Tensor x = Tensor.of(uniform(22, 5 * 36, 0, 1), 5, 1, 6, 6);
        // as a draws file's row: an 8-byte prefix, then the float32 values, little-endian
        ByteBuffer file = ByteBuffer.allocateDirect(8 + 4 * theta.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(-1L);
        for (double t : theta) {
            file.putFloat((float) t);
        }
        ByteBuffer row = file.duplicate().position(8);
        FloatInference f = FloatInference.of(ForwardPlan.of(net).orElseThrow(), 2);
        float[] fromBuffer = new float[15];
        f.forward(FloatInference.parameters(row, theta.length), FloatInference.inputs(x), fromBuffer, 0);
        float[] fromArray = infer(net, theta, x, 2);
        assertEquals(java.util.Arrays.toString(fromArray), java.util.Arrays.toString(fromBuffer));
        // a heap buffer is copied, with the same values
        ByteBuffer heap = ByteBuffer.allocate(4 * theta.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double t : theta) {
            heap.putFloat((float) t);
        }
        float[] fromHeap = new float[15];
        f.forward(FloatInference.parameters(heap.flip(), theta.length), FloatInference.inputs(x), fromHeap, 0);
        assertEquals(java.util.Arrays.toString(fromArray), java.util.Arrays.toString(fromHeap));
    }

    @Test
    void networksWithoutAPlanAndBadArguments() {
        assertFalse(ForwardPlan.of(Sequential.of(Linear.of(2, 2), Softplus.of())).isPresent());
        assertFalse(ForwardPlan.of(MaxPool2d.of(3, 1, 1)).isPresent());
        assertFalse(ForwardPlan.of(LogSoftmax.of(0)).isPresent());
        assertTrue(ForwardPlan.of(Linear.of(2, 2)).isPresent());
        ForwardPlan plan = ForwardPlan.of(Linear.of(2, 2)).orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FloatInference.of(plan, 0));
        assertTrue(e.getMessage().contains("rowsPerChunk = 0"), e.getMessage());
        FloatInference f = FloatInference.of(plan, 4);
        e = assertThrows(IllegalArgumentException.class, () -> f.forward(FloatInference.parameters(new double[5]),
                FloatInference.inputs(Tensor.of(new double[4], 2, 2)), new float[4], 0));
        assertTrue(e.getMessage().contains("theta has 5 values"), e.getMessage());
    }
}
