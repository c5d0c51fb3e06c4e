package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.Arrays;

/**
 * unfold (im2col): the sliding windows of an N × C × H × W tensor as the columns of an
 * N × (C·kh·kw) × L tensor, L = outH·outW (see {@link dev.hamiltorch.api.tensor.Tensor#unfold}).
 *
 * <p>The maths of the pair unfold / {@link Fold} lives here, in {@link Geometry}: column entry
 * {@code (n, (c·kh + i)·kw + j, r·outW + s)} reads input position
 * {@code (n, c, r·sh − ph + i, s·sw − pw + j)}. Unfold is that gather (padding positions read a constant);
 * fold is its adjoint, the scatter-add of the columns back onto the input positions. Both are linear,
 * so each one's backward rule is the other, and derivatives of every order come out of the pair.
 */
final class Unfold {

    private Unfold() {
    }

    /** The columns of {@code x} (N × C × H × W) under {@code window}, {@code padValue} in the padding. */
    static JvmTensor unfold(JvmTensor x, SlidingWindow window, double padValue) {
        if (x.shape.length != 4) {
            throw new IllegalArgumentException("unfold needs an N×C×H×W tensor (rank 4), got shape "
                    + Arrays.toString(x.shape));
        }
        Geometry g = new Geometry(x.shape[0], x.shape[1], x.shape[2], x.shape[3], window);
        double[] out = new double[g.columnsSize()];
        g.gather(x.data(), padValue, out);
        return JvmTensor.op1(out, g.columnsShape(), new Rule(g, padValue), 0.0, x);
    }

    /**
     * An input of {@code batch × channels × height × width} under a window: the index map between input
     * positions and column entries, in one place for unfold and fold.
     */
    record Geometry(int batch, int channels, int height, int width, SlidingWindow window, int outHeight,
                    int outWidth) {

        Geometry(int batch, int channels, int height, int width, SlidingWindow window) {
            this(batch, channels, height, width, window, window.outputHeight(height), window.outputWidth(width));
        }

        int[] inputShape() {
            return new int[] {batch, channels, height, width};
        }

        int[] columnsShape() {
            return new int[] {batch, window.patchSize(channels), outHeight * outWidth};
        }

        int columnsSize() {
            return Math.multiplyExact(batch, Math.multiplyExact(window.patchSize(channels), outHeight * outWidth));
        }

        /** cols[n, (c, i, j), (r, s)] = x[n, c, r·sh − ph + i, s·sw − pw + j], or padValue outside x. */
        void gather(double[] x, double padValue, double[] cols) {
            walk(x, cols, padValue, true);
        }

        /** x[n, c, r·sh − ph + i, s·sw − pw + j] += cols[n, (c, i, j), (r, s)] (entries in the padding dropped). */
        void scatterAdd(double[] cols, double[] x) {
            walk(x, cols, 0.0, false);
        }

        /** One loop over every column entry and the input position it reads, for both directions. */
        private void walk(double[] x, double[] cols, double padValue, boolean gather) {
            int kh = window.kernelHeight();
            int kw = window.kernelWidth();
            int sh = window.strideHeight();
            int sw = window.strideWidth();
            int ph = window.paddingHeight();
            int pw = window.paddingWidth();
            int windows = outHeight * outWidth;
            int col = 0;
            for (int n = 0; n < batch; n++) {
                for (int c = 0; c < channels; c++) {
                    int plane = (n * channels + c) * height * width;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++, col += windows) {
                            for (int r = 0; r < outHeight; r++) {
                                int y = r * sh - ph + i;
                                int at = col + r * outWidth;
                                if (y < 0 || y >= height) {
                                    if (gather) {
                                        Arrays.fill(cols, at, at + outWidth, padValue);
                                    }
                                    continue;
                                }
                                int row = plane + y * width;
                                for (int s = 0, xPos = j - pw; s < outWidth; s++, xPos += sw) {
                                    if (xPos < 0 || xPos >= width) {
                                        if (gather) {
                                            cols[at + s] = padValue;
                                        }
                                    } else if (gather) {
                                        cols[at + s] = x[row + xPos];
                                    } else {
                                        x[row + xPos] += cols[at + s];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Backward of unfold: fold (the adjoint); its replay gathers again. */
    private record Rule(Geometry geometry, double padValue) implements Backward, Recomputable {
        @Override
        public void recompute(JvmTensor node) {
            geometry.gather(node.parents[0].data(), padValue, node.data);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {Fold.fold(g, geometry)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor a = node.parents[0];
            if (grads.wants(a)) {
                double[] out = new double[a.size()];
                geometry.scatterAdd(g, out);
                grads.add(a, out);
            }
        }
    }
}
