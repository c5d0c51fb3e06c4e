package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.Arrays;

/**
 * Max pooling and the two linear operations its derivatives are made of, each with its own kernels and
 * backward rule. With a(x) the position of the first largest element of each window of x (padding never
 * wins; a NaN does, as the engine's maximum):
 * <ul>
 *   <li>{@link #maxPool M(x)}: y[k] = x[a(x)[k]], of the pooled shape;</li>
 *   <li>{@link #routeToMax P(x, g)}: g[k] added at x-position a(x)[k], of x's shape (M's backward);</li>
 *   <li>{@link #pickAtMax S(x, h)}: h[a(x)[k]], of the pooled shape (P's backward in g).</li>
 * </ul>
 * a(x) is locally constant, so P and S have no gradient in x, and P and S are each other's adjoint in
 * their second argument: every derivative order exists and those of the pooling itself beyond the first
 * are 0. The JVM kernels walk the windows; the ND4J kernels of M and P are libnd4j's {@code maxpool2d}
 * and {@code maxpool2d_bp}.
 */
final class MaxPooling {

    private MaxPooling() {
    }

    /**
     * The largest value of each channel's windows of the N × C × H × W {@code x}: N × C × outH × outW.
     *
     * @throws IllegalArgumentException if x is not of rank 4, the window does not fit or pads more than
     *         half the kernel
     */
    static JvmTensor maxPool(JvmTensor x, SlidingWindow window) {
        if (x.shape.length != 4) {
            throw new IllegalArgumentException("maxPool2d needs an N×C×H×W tensor (rank 4), got shape "
                    + Arrays.toString(x.shape));
        }
        if (2 * window.paddingHeight() > window.kernelHeight() || 2 * window.paddingWidth() > window.kernelWidth()) {
            throw new IllegalArgumentException("maxPool2d padding " + window.paddingHeight() + "×" + window.paddingWidth()
                    + " must be at most half the kernel " + window.kernelHeight() + "×" + window.kernelWidth());
        }
        Windows w = new Windows(new Unfold.Geometry(x.shape[0], x.shape[1], x.shape[2], x.shape[3], window));
        if (w.geometry.outHeight() < 1 || w.geometry.outWidth() < 1) {
            throw new IllegalArgumentException("maxPool2d window " + window + " does not fit the input of shape "
                    + Arrays.toString(x.shape));
        }
        if (StoragePolicy.onNd4j(x)) {
            org.nd4j.linalg.api.ndarray.INDArray r = Nd4jStorage.maxPool2d(x, window);
            if (r != null) {
                return Nd4jStorage.result(r, w.outputShape(), new MaxPoolRule(w, true), 0.0, x);
            }
        }
        double[] y = new double[w.outputSize()];
        w.pick(x.data(), x.data(), y);
        return JvmTensor.op1(y, w.outputShape(), new MaxPoolRule(w, false), 0.0, x);
    }

    /** P(x, g): each g[k] added onto the position of its window's maximum in x. */
    static JvmTensor routeToMax(JvmTensor x, JvmTensor g, Windows w) {
        return routeToMax(x, g, w, false);
    }

    /** {@link #routeToMax(JvmTensor, JvmTensor, Windows)}; {@code nanFree} if x is known to hold no NaN. */
    private static JvmTensor routeToMax(JvmTensor x, JvmTensor g, Windows w, boolean nanFree) {
        if (StoragePolicy.onNd4j(x) || StoragePolicy.onNd4j(g)) {
            org.nd4j.linalg.api.ndarray.INDArray r = Nd4jStorage.maxPool2dBackward(x, g, w.geometry.window(), nanFree);
            if (r != null) {
                return Nd4jStorage.result(r, w.geometry.inputShape(), new RouteRule(w), 0.0, x, g);
            }
        }
        double[] dx = new double[x.size()];
        w.route(x.data(), g.data(), dx);
        return JvmTensor.op2(dx, w.geometry.inputShape(), new RouteRule(w), x, g);
    }

    /** S(x, h): h read at the position of each window's maximum in x. */
    static JvmTensor pickAtMax(JvmTensor x, JvmTensor h, Windows w) {
        double[] y = new double[w.outputSize()];
        w.pick(x.data(), h.data(), y);
        return JvmTensor.op2(y, w.outputShape(), new PickRule(w), x, h);
    }

    /** The windows of one pooling and the JVM kernels that find each window's first maximum. */
    record Windows(Unfold.Geometry geometry) {

        int[] outputShape() {
            return new int[] {geometry.batch(), geometry.channels(), geometry.outHeight(), geometry.outWidth()};
        }

        int outputSize() {
            return geometry.batch() * geometry.channels() * geometry.outHeight() * geometry.outWidth();
        }

        /** out[k] = v[a(x)[k]]. */
        void pick(double[] x, double[] v, double[] out) {
            int[] at = argmax(x);
            for (int k = 0; k < at.length; k++) {
                out[k] = v[at[k]];
            }
        }

        /** dx[a(x)[k]] += g[k]. */
        void route(double[] x, double[] g, double[] dx) {
            int[] at = argmax(x);
            for (int k = 0; k < at.length; k++) {
                dx[at[k]] += g[k];
            }
        }

        /** The flat x-position of the first largest element of every window (NaN wins), in output order. */
        int[] argmax(double[] x) {
            SlidingWindow w = geometry.window();
            int height = geometry.height();
            int width = geometry.width();
            int[] at = new int[outputSize()];
            int k = 0;
            for (int plane = 0; plane < geometry.batch() * geometry.channels(); plane++) {
                int base = plane * height * width;
                for (int r = 0; r < geometry.outHeight(); r++) {
                    for (int s = 0; s < geometry.outWidth(); s++, k++) {
                        int best = -1;
                        double m = 0.0;
                        for (int i = 0; i < w.kernelHeight(); i++) {
                            int y = r * w.strideHeight() - w.paddingHeight() + i;
                            if (y < 0 || y >= height) {
                                continue;
                            }
                            for (int j = 0; j < w.kernelWidth(); j++) {
                                int xPos = s * w.strideWidth() - w.paddingWidth() + j;
                                if (xPos < 0 || xPos >= width) {
                                    continue;
                                }
                                int p = base + y * width + xPos;
                                double v = x[p];
                                if (best < 0 || !Double.isNaN(m) && (v > m || Double.isNaN(v))) {
                                    best = p;
                                    m = v;
                                }
                            }
                        }
                        at[k] = best;
                    }
                }
            }
            return at;
        }
    }

    /**
     * Backward of M(x): P(x, g); its replay pools again. {@code nanFree}: ND4J's kernel pooled x and found no
     * NaN in it (x never changes), so P need not search again.
     */
    private record MaxPoolRule(Windows windows, boolean nanFree) implements Backward, Recomputable {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {routeToMax(node.parents[0], g, windows, nanFree)};
        }

        @Override
        public void recompute(JvmTensor node) {
            double[] x = node.parents[0].data();
            windows.pick(x, x, node.data());
        }
    }

    /** Backward of P(x, g): nothing in x (a is locally constant), S(x, h) in g; its replay routes again. */
    private record RouteRule(Windows windows) implements Backward, Recomputable {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor h) {
            return new JvmTensor[] {null, pickAtMax(node.parents[0], h, windows)};
        }

        @Override
        public void recompute(JvmTensor node) {
            double[] dx = node.data();
            Arrays.fill(dx, 0.0);
            windows.route(node.parents[0].data(), node.parents[1].data(), dx);
        }
    }

    /** Backward of S(x, h): nothing in x, P(x, k) in h; its replay picks again. */
    private record PickRule(Windows windows) implements Backward, Recomputable {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor k) {
            return new JvmTensor[] {null, routeToMax(node.parents[0], k, windows)};
        }

        @Override
        public void recompute(JvmTensor node) {
            windows.pick(node.parents[0].data(), node.parents[1].data(), node.data());
        }
    }
}
