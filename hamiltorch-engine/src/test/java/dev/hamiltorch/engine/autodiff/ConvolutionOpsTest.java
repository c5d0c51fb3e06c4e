package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.LayerValuesTest;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The conv2d and maxPool2d operations: values against their definitions as loops; first and second
 * derivatives against central finite differences in double precision (the transposed convolution, the
 * weight gradient and the pooling's route/pick operations through them); ND4J's kernels (libnd4j's conv2d,
 * conv2d_bp, maxpool2d, maxpool2d_bp, oneDNN's where loaded) against the JVM storage's, in float64 to
 * 1e-12 and float32 to 1e-4 of the values' scale, first and second order.
 */
class ConvolutionOpsTest {

    private static final int N = 2;
    private static final int C = 2;
    private static final int H = 5;
    private static final int W = 6;
    private static final int O = 3;

    /** unfold's windows, and stride 1 with padding (ND4J's weight gradient as a convolution, padded). */
    static List<SlidingWindow> windows() {
        List<SlidingWindow> windows = new java.util.ArrayList<>(SlidingWindowOpsTest.windows());
        windows.add(SlidingWindow.of(3, 1, 1));
        return windows;
    }

    /** Pooling windows: padding at most half the kernel. */
    static List<SlidingWindow> poolWindows() {
        return List.of(SlidingWindow.of(2, 2, 0), SlidingWindow.of(3, 1, 1), SlidingWindow.of(2, 1, 0),
                new SlidingWindow(3, 2, 2, 1, 1, 1));
    }

    /** y[n, o, r, s] = Σ w[o, c, i, j] · x[n, c, r·sh − ph + i, s·sw − pw + j], by plain loops. */
    static double[] convolutionByDefinition(double[] x, double[] w, SlidingWindow win) {
        return LayerValuesTest.convolutionByDefinition(x, new int[] {N, C, H, W}, w, O, null, win);
    }

    /** The largest value of each window (padding skipped), by plain loops. */
    static double[] maxPoolByDefinition(double[] x, SlidingWindow win) {
        int oh = win.outputHeight(H);
        int ow = win.outputWidth(W);
        double[] y = new double[N * C * oh * ow];
        for (int p = 0; p < N * C; p++) {
            for (int r = 0; r < oh; r++) {
                for (int s = 0; s < ow; s++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < win.kernelHeight(); i++) {
                        for (int j = 0; j < win.kernelWidth(); j++) {
                            int yy = r * win.strideHeight() - win.paddingHeight() + i;
                            int xx = s * win.strideWidth() - win.paddingWidth() + j;
                            if (yy >= 0 && yy < H && xx >= 0 && xx < W) {
                                m = Math.max(m, x[(p * H + yy) * W + xx]);
                            }
                        }
                    }
                    y[(p * oh + r) * ow + s] = m;
                }
            }
        }
        return y;
    }

    private static int[] weightShape(SlidingWindow win) {
        return new int[] {O, C, win.kernelHeight(), win.kernelWidth()};
    }

    private static int weightSize(SlidingWindow win) {
        return O * C * win.kernelHeight() * win.kernelWidth();
    }

    @ParameterizedTest
    @MethodSource("windows")
    void conv2dIsTheConvolutionAndItsDerivativesAreExact(SlidingWindow win) {
        double[] x = DerivativeCheck.uniform(1, N * C * H * W, -1, 1);
        double[] w = DerivativeCheck.uniform(2, weightSize(win), -1, 1);
        Tensor y = Tensor.of(x, N, C, H, W).conv2d(Tensor.of(w, weightShape(win)), win);
        assertArrayEquals(new int[] {N, O, win.outputHeight(H), win.outputWidth(W)}, y.shape());
        assertArrayEquals(convolutionByDefinition(x, w, win), y.toArray(), 1e-12);
        // gradient and every Hessian column in (x, w): B's backward (T and K), and T's and K's backward
        DerivativeCheck.check(DerivativeCheck.named("conv2d " + win, x, new int[] {N, C, H, W}, w, weightShape(win),
                (a, b) -> a.conv2d(b, win)).getPayload());
    }

    @ParameterizedTest
    @MethodSource("poolWindows")
    void maxPool2dTakesEachWindowsMaximumAndRoutesTheGradientThere(SlidingWindow win) {
        // distinct values, so that each window's maximum is unique and finite differences see no kink
        double[] x = DerivativeCheck.uniform(3, N * C * H * W, -1, 1);
        Tensor y = Tensor.of(x, N, C, H, W).maxPool2d(win);
        assertArrayEquals(maxPoolByDefinition(x, win), y.toArray(), 0.0);
        DerivativeCheck.check(DerivativeCheck.named("maxPool2d " + win, x, new int[] {N, C, H, W},
                a -> a.maxPool2d(win).square()).getPayload());
    }

    @Test
    void badShapesAreRefusedWithTheShapes() {
        Tensor x = Tensor.of(new double[N * C * H * W], N, C, H, W);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.conv2d(Tensor.zeros(O, C + 1, 3, 3), SlidingWindow.of(3, 1, 0)));
        assertEquals(true, e.getMessage().contains("[3, 3, 3, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.conv2d(Tensor.zeros(O, C, 7, 7), SlidingWindow.of(7, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 4).maxPool2d(SlidingWindow.of(2, 2, 0)));
        assertThrows(IllegalArgumentException.class, () -> x.maxPool2d(SlidingWindow.of(2, 2, 2)));
    }

    // ---- ND4J's kernels against the JVM storage ----------------------------------------------------------

    private record Result(double[] value, double[][] gradient, double[][] secondOrder) {
    }

    /**
     * Σ probe · f(inputs), its gradient, and the gradient of ⟨∇f, u⟩ (a Hessian–vector product) under the
     * given storage policy.
     */
    private static Result evaluate(boolean nd4j, boolean float32, double[][] values, int[][] shapes,
                                   Function<Tensor[], Tensor> f) throws Exception {
        try (AutoCloseable p = nd4j ? StoragePolicy.override(true, float32, 1, 1)
                : StoragePolicy.override(false, false, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            Tensor[] in = new Tensor[values.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = JvmTensor.variable(values[i], shapes[i]);
            }
            Tensor out = f.apply(in);
            if (nd4j) {
                assertNotNull(((JvmTensor) out).nd4j, "the operation ran on ND4J");
            }
            Tensor y = DerivativeCheck.probe(out);
            Tensor[] g = Autodiff.grad(y, in, true);
            double[][] grads = new double[in.length][];
            Tensor gu = Tensor.scalar(0.0);
            for (int i = 0; i < in.length; i++) {
                grads[i] = g[i].toArray();
                gu = gu.add(g[i].mul(Tensor.of(DerivativeCheck.uniform(40 + i, values[i].length, -1, 1), shapes[i])).sum());
            }
            Tensor[] h = Autodiff.grad(gu, in, false);
            double[][] second = new double[in.length][];
            for (int i = 0; i < in.length; i++) {
                second[i] = h[i].toArray();
            }
            return new Result(out.toArray(), grads, second);
        }
    }

    private static void assertNear(String what, double[] expected, double[] actual, double relative) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertArrayEquals(expected, actual, relative * (1 + scale), what);
    }

    private static void compare(double[][] values, int[][] shapes, Function<Tensor[], Tensor> f) throws Exception {
        Result jvm = evaluate(false, false, values, shapes, f);
        for (boolean float32 : new boolean[] {false, true}) {
            double tol = float32 ? 1e-4 : 1e-12;
            Result nd = evaluate(true, float32, values, shapes, f);
            String type = float32 ? "float32" : "float64";
            assertNear(type + " value", jvm.value(), nd.value(), tol);
            for (int i = 0; i < values.length; i++) {
                assertNear(type + " gradient " + i, jvm.gradient()[i], nd.gradient()[i], tol);
                assertNear(type + " Hessian-vector product " + i, jvm.secondOrder()[i], nd.secondOrder()[i], tol);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("windows")
    void nd4jsConvolutionKernelsGiveTheJvmValuesAndDerivatives(SlidingWindow win) throws Exception {
        double[][] values = {DerivativeCheck.uniform(5, N * C * H * W, -1, 1), DerivativeCheck.uniform(6, weightSize(win), -1, 1)};
        int[][] shapes = {{N, C, H, W}, weightShape(win)};
        compare(values, shapes, in -> in[0].conv2d(in[1], win));
        // the data input without a gradient: the weight gradient alone (conv2d_bp's weight output)
        compare(new double[][] {values[1]}, new int[][] {shapes[1]},
                in -> Tensor.of(values[0], shapes[0]).conv2d(in[0], win));
    }

    @ParameterizedTest
    @MethodSource("poolWindows")
    void nd4jsPoolingKernelsGiveTheJvmValuesAndDerivatives(SlidingWindow win) throws Exception {
        compare(new double[][] {DerivativeCheck.uniform(7, N * C * H * W, -1, 1)}, new int[][] {{N, C, H, W}},
                in -> in[0].maxPool2d(win).square());
    }

    @Test
    void tiesSendTheGradientToTheFirstMaximumOnBothStorages() throws Exception {
        // relu'd values: many windows are all zero, a tie that ND4J must break as the JVM kernel does
        double[] x = DerivativeCheck.uniform(8, N * C * H * W, -1, 0.3);
        compare(new double[][] {x}, new int[][] {{N, C, H, W}}, in -> in[0].relu().maxPool2d(SlidingWindow.of(2, 1, 0)));
    }
}
