package dev.hamiltorch.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Each layer's output against its definition written as plain loops, the meaning of every position of
 * θ, the forward pass as a pure function of (θ, x), and bad input.
 */
public class LayerValuesTest {

    private static final double TOL = 1e-12;

    @Test
    void linearIsXWTransposedPlusBiasWithThetaInRowMajorOrder() {
        // θ = (W row by row, then b): W = [[1, 2, 3], [4, 5, 6]], b = [10, 20]
        Module linear = Linear.of(3, 2);
        Tensor theta = Tensor.of(1, 2, 3, 4, 5, 6, 10, 20);
        Tensor x = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 1}});
        assertArrayEquals(new double[] {11, 24, 12, 25, 16, 35}, linear.forward(theta, x).toArray(), 0.0);
        assertArrayEquals(new double[] {11, 24}, linear.forward(theta, Tensor.of(1, 0, 0)).toArray(), 0.0);
        assertArrayEquals(new int[] {2}, linear.forward(theta, Tensor.of(1, 0, 0)).shape());
        assertArrayEquals(new int[] {2, 1, 2}, linear.forward(theta, Tensor.zeros(2, 1, 3)).shape());
    }

    /** y[n, o, r, s] = b[o] + Σ_{c,i,j} W[o, c, i, j] x[n, c, r·sh − ph + i, s·sw − pw + j] (zero outside). */
    public static double[] convolutionByDefinition(double[] x, int[] xs, double[] w, int out, double[] b,
                                                   SlidingWindow win) {
        int n = xs[0];
        int c = xs[1];
        int h = xs[2];
        int wd = xs[3];
        int kh = win.kernelHeight();
        int kw = win.kernelWidth();
        int oh = win.outputHeight(h);
        int ow = win.outputWidth(wd);
        double[] y = new double[n * out * oh * ow];
        for (int b0 = 0; b0 < n; b0++) {
            for (int o = 0; o < out; o++) {
                for (int r = 0; r < oh; r++) {
                    for (int s = 0; s < ow; s++) {
                        double sum = b == null ? 0 : b[o];
                        for (int ch = 0; ch < c; ch++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int yy = r * win.strideHeight() - win.paddingHeight() + i;
                                    int xx = s * win.strideWidth() - win.paddingWidth() + j;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < wd) {
                                        sum += w[((o * c + ch) * kh + i) * kw + j] * x[((b0 * c + ch) * h + yy) * wd + xx];
                                    }
                                }
                            }
                        }
                        y[((b0 * out + o) * oh + r) * ow + s] = sum;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void conv2dIsTheCrossCorrelationOfItsDefinition() {
        SlidingWindow[] windows = {SlidingWindow.of(5, 1, 0), SlidingWindow.of(3, 2, 1), new SlidingWindow(2, 3, 1, 2, 1, 0)};
        int[] xs = {3, 2, 7, 6};
        double[] x = Derivatives.uniform(21, 3 * 2 * 7 * 6, -1, 1);
        for (SlidingWindow win : windows) {
            for (boolean bias : new boolean[] {true, false}) {
                Conv2d conv = Conv2d.of(2, 4, win, bias);
                double[] theta = conv.initialParameters(3).toArray();
                int nw = 4 * 2 * win.kernelHeight() * win.kernelWidth();
                double[] w = java.util.Arrays.copyOfRange(theta, 0, nw);
                double[] b = bias ? java.util.Arrays.copyOfRange(theta, nw, nw + 4) : null;
                Tensor y = conv.forward(Tensor.of(theta), Tensor.of(x, xs));
                assertArrayEquals(new int[] {3, 4, win.outputHeight(7), win.outputWidth(6)}, y.shape());
                assertArrayEquals(convolutionByDefinition(x, xs, w, 4, b, win), y.toArray(), TOL, conv.toString());
            }
        }
    }

    @Test
    void poolingsAreTheMaximumAndMeanOfEachWindow() {
        double[] x = Derivatives.uniform(22, 2 * 3 * 5 * 5, -1, 1);
        Tensor input = Tensor.of(x, 2, 3, 5, 5);
        // kernel 2, stride 2: windows rows/cols {0,1},{2,3} (the last row and column are dropped, floor mode)
        Tensor max = MaxPool2d.of(2).apply(input);
        Tensor avg = AvgPool2d.of(2).apply(input);
        assertArrayEquals(new int[] {2, 3, 2, 2}, max.shape());
        // kernel 3, stride 2, padding 1: windows rows/cols {-1,0,1},{1,2,3},{3,4,5}
        Tensor maxPadded = MaxPool2d.of(3, 2, 1).apply(input.neg());
        Tensor avgPadded = AvgPool2d.of(3, 2, 1).apply(input);
        assertArrayEquals(new int[] {2, 3, 3, 3}, maxPadded.shape());
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < 3; r++) {
                    for (int s = 0; s < 3; s++) {
                        double m = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        for (int i = 2 * r - 1; i <= 2 * r + 1; i++) {
                            for (int j = 2 * s - 1; j <= 2 * s + 1; j++) {
                                if (i >= 0 && i < 5 && j >= 0 && j < 5) {
                                    double v = x[((n * 3 + c) * 5 + i) * 5 + j];
                                    m = Math.max(m, -v); // all inputs negated: the padding must not win with 0
                                    sum += v;
                                }
                            }
                        }
                        assertEquals(m, maxPadded.get(n, c, r, s), 0.0);
                        assertEquals(sum / 9, avgPadded.get(n, c, r, s), TOL); // padding counted, as PyTorch
                        if (r < 2 && s < 2) {
                            double m2 = Double.NEGATIVE_INFINITY;
                            double s2 = 0;
                            for (int i = 2 * r; i < 2 * r + 2; i++) {
                                for (int j = 2 * s; j < 2 * s + 2; j++) {
                                    double v = x[((n * 3 + c) * 5 + i) * 5 + j];
                                    m2 = Math.max(m2, v);
                                    s2 += v;
                                }
                            }
                            assertEquals(m2, max.get(n, c, r, s), 0.0);
                            assertEquals(s2 / 4, avg.get(n, c, r, s), TOL);
                        }
                    }
                }
            }
        }
    }

    @Test
    void activationsLogSoftmaxAndFlatten() {
        double[] x = {-2.5, -0.1, 0, 0.3, 4, 30};
        Tensor t = Tensor.of(x, 2, 3);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.max(0, x[i]), ReLU.of().apply(t).toArray()[i], 0.0);
            assertEquals(Math.tanh(x[i]), Tanh.of().apply(t).toArray()[i], 1e-15);
            assertEquals(1 / (1 + Math.exp(-x[i])), Sigmoid.of().apply(t).toArray()[i], 1e-15);
            assertEquals(Math.log1p(Math.exp(x[i])), Softplus.of().apply(t).toArray()[i], 1e-14);
        }
        Tensor logp = LogSoftmax.of().apply(t);
        for (int row = 0; row < 2; row++) {
            double z = 0;
            for (int j = 0; j < 3; j++) {
                z += Math.exp(x[row * 3 + j]);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(x[row * 3 + j] - Math.log(z), logp.get(row, j), 1e-13);
            }
        }
        assertEquals(1.0, LogSoftmax.of(0).apply(t).exp().sum(0).toArray()[2], 1e-14);
        assertArrayEquals(new int[] {2, 60}, Flatten.of().apply(Tensor.zeros(2, 3, 4, 5)).shape());
    }

    @Test
    void theForwardPassIsAPureFunctionServingThreadsAtOnce() throws Exception {
        Module net = Sequential.of(Conv2d.of(1, 3, 3), MaxPool2d.of(2), ReLU.of(), Flatten.of(), Linear.of(27, 4),
                LogSoftmax.of());
        Tensor x = Tensor.of(Derivatives.uniform(23, 5 * 64, 0, 1), 5, 1, 8, 8);
        double[][] expected = new double[16][];
        for (int k = 0; k < 16; k++) {
            expected[k] = net.forward(net.initialParameters(k), x).toArray();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new java.util.ArrayList<>();
            for (int k = 0; k < 16; k++) {
                long seed = k;
                results.add(pool.submit(() -> net.forward(net.initialParameters(seed), x).toArray()));
            }
            for (int k = 0; k < 16; k++) {
                assertArrayEquals(expected[k], results.get(k).get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
        // the same θ twice gives the same output: nothing is remembered between calls
        assertArrayEquals(expected[3], net.forward(net.initialParameters(3), x).toArray(), 0.0);
    }

    @Test
    void badInputIsNamed() {
        Module net = Sequential.of(Conv2d.of(1, 2, 3), Flatten.of(), Linear.of(8, 2));
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Tensor.zeros(5), Tensor.zeros(1, 1, 4, 4)));
        assertTrue(wrongLength.getMessage().contains("[5]") && wrongLength.getMessage().contains("38"),
                wrongLength.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> net.forward(Tensor.zeros(38), Tensor.zeros(1, 3, 4, 4)));
        assertTrue(channels.getMessage().contains("[1, 3, 4, 4]"), channels.getMessage());
        IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
                () -> Linear.of(3, 2).forward(Tensor.zeros(8), Tensor.zeros(2, 4)));
        assertTrue(features.getMessage().contains("[2, 4]"), features.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Linear.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> Conv2d.of(1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> MaxPool2d.of(2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Sequential.of());
        assertThrows(IllegalArgumentException.class, () -> LogSoftmax.of(2).apply(Tensor.zeros(2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Module.of(List.of(new ParameterBlock("w", new int[] {2}),
                new ParameterBlock("w", new int[] {3})), (p, in) -> in));
    }
}
