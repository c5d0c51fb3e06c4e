package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J's im2col, col2im and permute kernels against their definitions written as loops: column entry
 * (n, (c·kh + i)·kw + j, r·outW + s) reads input (n, c, r·sh − ph + i, s·sw − pw + j), the padding value
 * outside; fold is unfold's adjoint, ⟨unfold(x), y⟩ = ⟨x, fold(y)⟩.
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

    private static double[] unfoldByLoops(double[] x, int kh, int kw, int sh, int sw, int ph, int pw, double pad) {
        int oh = (H + 2 * ph - kh) / sh + 1;
        int ow = (W + 2 * pw - kw) / sw + 1;
        double[] cols = new double[N * C * kh * kw * oh * ow];
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        for (int r = 0; r < oh; r++) {
                            for (int s = 0; s < ow; s++) {
                                int y = r * sh - ph + i;
                                int z = s * sw - pw + j;
                                int row = (c * kh + i) * kw + j;
                                cols[(n * C * kh * kw + row) * oh * ow + r * ow + s] =
                                        y < 0 || y >= H || z < 0 || z >= W ? pad : x[((n * C + c) * H + y) * W + z];
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }

    private static double[] toHost(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    @Test
    void unfoldIsIm2colWithAnyPaddingValue() throws Exception {
        double[] x = values(N * C * H * W, 1);
        try (AutoCloseable p = StoragePolicy.override(true, false, 1, 1)) {
            JvmTensor onNd4j = Nd4jStorage.constant(x, new int[] {N, C, H, W});
            int[][] settings = {{3, 3, 1, 1, 1, 1}, {2, 3, 2, 1, 0, 1}, {2, 2, 2, 2, 0, 0}, {3, 2, 2, 3, 1, 0}};
            for (int[] k : settings) {
                for (double pad : new double[] {0.0, Double.NEGATIVE_INFINITY}) {
                    INDArray cols = Nd4jStorage.unfold(onNd4j, k[0], k[1], k[2], k[3], k[4], k[5], pad);
                    assertArrayEquals(unfoldByLoops(x, k[0], k[1], k[2], k[3], k[4], k[5], pad), toHost(cols), 0.0,
                            java.util.Arrays.toString(k) + " pad " + pad);
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
            double[] ux = unfoldByLoops(x, kh, kw, sh, sw, ph, pw, 0.0);
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
