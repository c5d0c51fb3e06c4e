package dev.hamiltorch.engine.autodiff;

import static dev.hamiltorch.engine.autodiff.DerivativeCheck.named;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.shape;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * unfold (im2col), fold (its adjoint) and permute: values against their definitions written as plain
 * loops, the adjoint identity, first and second derivatives against central finite differences, and a
 * replayed graph of them equal to the eager one bit for bit.
 */
class SlidingWindowOpsTest {

    /** Windows with every kind of geometry: stride 1 and 2, padding 0 to 2, rectangular kernels. */
    static List<SlidingWindow> windows() {
        return List.of(SlidingWindow.of(2, 1, 0), SlidingWindow.of(3, 2, 1), SlidingWindow.of(2, 2, 0),
                new SlidingWindow(3, 2, 1, 2, 2, 1), new SlidingWindow(1, 3, 3, 1, 0, 2));
    }

    /** The entry definition of unfold, by plain indexing: x[n, c, r·sh − ph + i, s·sw − pw + j] or pad. */
    static double[] unfoldByDefinition(double[] x, int n, int c, int h, int w, SlidingWindow win, double pad) {
        int oh = win.outputHeight(h);
        int ow = win.outputWidth(w);
        int kh = win.kernelHeight();
        int kw = win.kernelWidth();
        double[] out = new double[n * c * kh * kw * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        for (int r = 0; r < oh; r++) {
                            for (int s = 0; s < ow; s++) {
                                int y = r * win.strideHeight() - win.paddingHeight() + i;
                                int xx = s * win.strideWidth() - win.paddingWidth() + j;
                                int row = (ch * kh + i) * kw + j;
                                int at = (b * c * kh * kw + row) * oh * ow + r * ow + s;
                                out[at] = y < 0 || y >= h || xx < 0 || xx >= w ? pad : x[((b * c + ch) * h + y) * w + xx];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("windows")
    void unfoldReadsTheWindowsAndFoldIsItsAdjoint(SlidingWindow win) {
        int n = 2;
        int c = 3;
        int h = 5;
        int w = 6;
        double[] x = uniform(7, n * c * h * w, -2, 2);
        Tensor input = Tensor.of(x, n, c, h, w);
        Tensor cols = input.unfold(win);
        int oh = win.outputHeight(h);
        int ow = win.outputWidth(w);
        assertArrayEquals(new int[] {n, c * win.kernelHeight() * win.kernelWidth(), oh * ow}, cols.shape());
        assertArrayEquals(unfoldByDefinition(x, n, c, h, w, win, 0.0), cols.toArray(), 0.0);
        assertArrayEquals(unfoldByDefinition(x, n, c, h, w, win, -7.5), input.unfold(win, -7.5).toArray(), 0.0);
        // ⟨unfold(x), y⟩ = ⟨x, fold(y)⟩ for every x and y: fold is unfold's adjoint
        double[] y = uniform(8, cols.size(), -2, 2);
        Tensor folded = Tensor.of(y, cols.shape()).fold(win, h, w);
        assertArrayEquals(new int[] {n, c, h, w}, folded.shape());
        double lhs = cols.mul(Tensor.of(y, cols.shape())).sum().item();
        double rhs = input.mul(folded).sum().item();
        assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)));
    }

    @Test
    void foldAddsOverlappingWindows() {
        // 1×1×1×3 input, kernel 1×2, stride 1: the middle position is read by both windows
        SlidingWindow win = new SlidingWindow(1, 2, 1, 1, 0, 0);
        Tensor cols = Tensor.of(new double[] {1, 2, 10, 20}, 1, 2, 2);
        assertArrayEquals(new double[] {1, 12, 20}, cols.fold(win, 1, 3).toArray(), 0.0);
    }

    @Test
    void permuteMovesAxes() {
        double[] x = uniform(9, 24, -1, 1);
        Tensor t = Tensor.of(x, 2, 3, 4);
        Tensor p = t.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(t.get(a, b, c), p.get(c, a, b), 0.0);
                }
            }
        }
        assertTrue(t.permute(0, 1, 2) == t, "the identity permutation is the tensor itself");
        assertArrayEquals(x, p.permute(1, 2, 0).toArray(), 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        Tensor image = Tensor.zeros(1, 1, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4, 4).unfold(SlidingWindow.of(2, 1, 0)));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> image.unfold(SlidingWindow.of(5, 1, 0)));
        assertTrue(big.getMessage().contains("smaller than the kernel"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.of(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.of(2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SlidingWindow.of(2, 1, -1));
        IllegalArgumentException fold = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(1, 4, 8).fold(SlidingWindow.of(2, 1, 0), 4, 4));
        assertTrue(fold.getMessage().contains("[1, 4, 9]"), fold.getMessage());
        IllegalArgumentException perm = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).permute(0, 0));
        assertTrue(perm.getMessage().contains("[0, 0]"), perm.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).permute(0));
    }

    static Stream<Named<DerivativeCheck.Case>> cases() {
        List<Named<DerivativeCheck.Case>> cases = new ArrayList<>();
        // small, as the Hessian check costs (inputs)² gradients; the geometry is what matters
        int[] image = shape(1, 2, 3, 4);
        double[] x = uniform(51, 24, -2, 2);
        for (SlidingWindow win : windows()) {
            cases.add(named("unfold " + win, x, image, t -> t.unfold(win)));
            cases.add(named("unfold, pad 0.5, " + win, x, image, t -> t.unfold(win, 0.5).square()));
            int[] cols = Tensor.zeros(image).unfold(win).shape();
            double[] y = uniform(52, Tensor.zeros(cols).size(), -2, 2);
            cases.add(named("fold " + win, y, cols, t -> t.fold(win, 3, 4)));
            cases.add(named("fold of a square " + win, y, cols, t -> t.square().fold(win, 3, 4)));
        }
        cases.add(named("permute (2, 0, 1)", uniform(53, 24, -2, 2), shape(2, 3, 4), t -> t.permute(2, 0, 1)));
        cases.add(named("permute (1, 0) of a product", uniform(54, 6, -2, 2), shape(2, 3),
                t -> t.permute(1, 0).matmul(t)));
        cases.add(named("permute (3, 1, 0, 2) squared", uniform(55, 24, -2, 2), shape(2, 1, 3, 4),
                t -> t.permute(3, 1, 0, 2).square()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativesMatchFiniteDifferences(DerivativeCheck.Case c) {
        DerivativeCheck.check(c);
    }

    @Test
    void aConvolutionGraphReplaysBitForBit() {
        SlidingWindow conv = SlidingWindow.of(3, 2, 1);
        SlidingWindow pool = SlidingWindow.of(2, 2, 0);
        Tensor image = Tensor.of(uniform(61, 2 * 1 * 6 * 6, 0, 1), 2, 1, 6, 6);
        int d = 2 * 9 + 2;
        LogDensity f = theta -> {
            Tensor kernel = theta.slice(0, 0, 18).reshape(2, 9);
            Tensor bias = theta.slice(0, 18, 20).reshape(2, 1, 1);
            Tensor cols = image.unfold(conv).permute(1, 0, 2).reshape(9, -1);
            Tensor y = kernel.matmul(cols).reshape(2, 2, 3, 3).permute(1, 0, 2, 3).add(bias).tanh();
            Tensor pooled = y.reshape(4, 1, 3, 3).unfold(pool, Double.NEGATIVE_INFINITY).max(1);
            Tensor back = y.unfold(pool).fold(pool, 3, 3);
            return pooled.square().sum().add(back.sin().sum());
        };
        AutodiffTarget replayed = new AutodiffTarget(f, d);
        AutodiffTarget eager = new AutodiffTarget(f, d, false);
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 20; k++) {
            double[] theta = random.doubles(d, -1, 1).toArray();
            double[] g = new double[d];
            double[] expected = new double[d];
            assertEquals(eager.logDensityAndGradient(theta, expected), replayed.logDensityAndGradient(theta, g), 0.0);
            assertArrayEquals(expected, g, 0.0);
        }
        assertTrue(replayed.replays());
    }
}
