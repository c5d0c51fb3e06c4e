package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J's im2col, col2im and permute kernels against their definitions: unfold's by plain indexing
 * ({@link SlidingWindowOpsTest#unfoldByDefinition}), with zero and −∞ padding; fold as unfold's adjoint,
 * ⟨unfold(x), y⟩ = ⟨x, fold(y)⟩; permute by its index map.
 */
class Nd4jWindowKernelsTest {

    private static final int N = 2;
    private static final int C = 3;
    private static final int H = 7;
    private static final int W = 6;

    private static double[] values(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }

    private static double[] toHost(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    @Test
    void unfoldIsIm2colWithAnyPaddingValue() throws Exception {
        double[] x = values(N * C * H * W, 1);
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            JvmTensor onNd4j = Nd4jStorage.constant(x, new int[] {N, C, H, W});
            for (SlidingWindow w : SlidingWindowOpsTest.windows()) {
                for (double pad : new double[] {0.0, Double.NEGATIVE_INFINITY}) {
                    INDArray cols = Nd4jStorage.unfold(onNd4j, w.kernelHeight(), w.kernelWidth(), w.strideHeight(),
                            w.strideWidth(), w.paddingHeight(), w.paddingWidth(), pad);
                    assertArrayEquals(SlidingWindowOpsTest.unfoldByDefinition(x, N, C, H, W, w, pad), toHost(cols),
                            0.0, w + " pad " + pad);
                }
            }
        }
    }

    @Test
    void foldIsUnfoldsAdjoint() throws Exception {
        double[] x = values(N * C * H * W, 2);
        int kh = 3;
        int kw = 2;
        int sh = 2;
        int sw = 1;
        int ph = 1;
        int pw = 1;
        int oh = (H + 2 * ph - kh) / sh + 1;
        int ow = (W + 2 * pw - kw) / sw + 1;
        double[] y = values(N * C * kh * kw * oh * ow, 3);
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            double[] ux = SlidingWindowOpsTest.unfoldByDefinition(x, N, C, H, W,
                    new SlidingWindow(kh, kw, sh, sw, ph, pw), 0.0);
            JvmTensor cols = Nd4jStorage.constant(y, new int[] {N, C * kh * kw, oh * ow});
            double[] fy = toHost(Nd4jStorage.fold(cols, C, kh, kw, oh, ow, sh, sw, ph, pw, H, W));
            double left = 0;
            for (int i = 0; i < ux.length; i++) {
                left += ux[i] * y[i];
            }
            double right = 0;
            for (int i = 0; i < x.length; i++) {
                right += x[i] * fy[i];
            }
            assertEquals(left, right, 1e-12 * Math.abs(left));
        }
    }

    @Test
    void permuteReordersTheAxes() throws Exception {
        double[] x = values(2 * 3 * 4, 4);
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            double[] out = toHost(Nd4jStorage.permute(Nd4jStorage.constant(x, new int[] {2, 3, 4}), new int[] {2, 0, 1}));
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 3; b++) {
                    for (int c = 0; c < 4; c++) {
                        assertEquals(x[(a * 3 + b) * 4 + c], out[(c * 2 + a) * 3 + b], 0.0);
                    }
                }
            }
        }
    }
}
