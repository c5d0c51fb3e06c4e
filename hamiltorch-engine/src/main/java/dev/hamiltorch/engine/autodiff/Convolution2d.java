package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.Arrays;

/**
 * The 2-D convolution (cross-correlation, zero padding, dilation 1) and the two operations its
 * derivatives are made of, each with its own maths, kernels and backward rule.
 *
 * <p>All three come from one trilinear form of an input x (N × C × H × W), a weight w (O × C × kh × kw)
 * and an output-shaped g (N × O × outH × outW):
 * F(x, w, g) = Σ g[n, o, r, s] · w[o, c, i, j] · x[n, c, r·sh − ph + i, s·sw − pw + j]. Then
 * <ul>
 *   <li>the convolution y = {@link #convolve B(x, w)} is ∂F/∂g,</li>
 *   <li>its input gradient {@link #inputGradient T(g, w)} (the transposed convolution) is ∂F/∂x,</li>
 *   <li>its weight gradient {@link #weightGradient K(x, g)} is ∂F/∂w,</li>
 * </ul>
 * so the vector–Jacobian products of each are the other two: B's backward is (T(h, w), K(x, h)), T's is
 * (B(h, w), K(h, g)) and K's is (T(g, h), B(x, h)). The set is closed under differentiation, so every
 * derivative order exists on either storage. The JVM kernels are the exact unfold (im2col) and fold
 * (col2im) index map of {@link Unfold.Geometry} with a matrix product, in double precision; the ND4J
 * kernels are libnd4j's {@code conv2d}, {@code conv2d_bp} (oneDNN's where its natives are loaded).
 */
final class Convolution2d {

    private Convolution2d() {
    }

    /**
     * The convolution of the N × C × H × W {@code x} with the O × C × kh × kw {@code w}: N × O × outH × outW.
     *
     * @throws IllegalArgumentException if the shapes do not fit each other or the window
     */
    static JvmTensor convolve(JvmTensor x, JvmTensor w, SlidingWindow window) {
        if (x.shape.length != 4 || w.shape.length != 4 || x.shape[1] != w.shape[1]
                || w.shape[2] != window.kernelHeight() || w.shape[3] != window.kernelWidth()) {
            throw new IllegalArgumentException("conv2d needs an N×C×H×W input and an O×C×" + window.kernelHeight() + "×"
                    + window.kernelWidth() + " weight, got input shape " + Arrays.toString(x.shape) + " and weight shape "
                    + Arrays.toString(w.shape));
        }
        if (window.outputHeight(x.shape[2]) < 1 || window.outputWidth(x.shape[3]) < 1) {
            throw new IllegalArgumentException("conv2d window " + window + " does not fit the input of shape "
                    + Arrays.toString(x.shape));
        }
        Shape s = new Shape(new Unfold.Geometry(x.shape[0], x.shape[1], x.shape[2], x.shape[3], window), w.shape[0]);
        if (StoragePolicy.onNd4j(x) || w.nd4j != null) {
            if (!dev.hamiltorch.engine.nd4j.Nd4jNatives.oneDnn()) {
                return unfolded(x, w, s);
            }
            return Nd4jStorage.result(Nd4jStorage.conv2d(x, w, window), s.outputShape(), new ConvolveRule(s), 0.0, x, w);
        }
        double[] y = new double[s.outputSize()];
        s.convolve(x.data(), w.data(), y);
        return JvmTensor.op2(y, s.outputShape(), new ConvolveRule(s), x, w);
    }

    /**
     * B as unfold, one product and permutes, for ND4J's default natives: their own conv2d and conv2d_bp were
     * slower than im2col and OpenBLAS's product (480 against 444 ms per CNN gradient, docs/networks.md).
     */
    private static JvmTensor unfolded(JvmTensor x, JvmTensor w, Shape s) {
        int patch = s.patch();
        JvmTensor columns = Unfold.unfold(x, s.geometry.window(), 0.0).permute(1, 0, 2).reshape(patch, -1);
        return w.reshape(s.outChannels, patch).matmul(columns)
                .reshape(s.outChannels, s.geometry.batch(), s.geometry.outHeight(), s.geometry.outWidth())
                .permute(1, 0, 2, 3);
    }

    /** T(g, w): the gradient of ⟨g, B(x, w)⟩ with respect to x, of x's shape. */
    static JvmTensor inputGradient(JvmTensor g, JvmTensor w, Shape s) {
        if (StoragePolicy.onNd4j(g) || w.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.conv2dInputGradient(g, w, s), s.geometry.inputShape(),
                    new InputGradientRule(s), 0.0, g, w);
        }
        double[] dx = new double[s.inputSize()];
        s.inputGradient(g.data(), w.data(), dx);
        return JvmTensor.op2(dx, s.geometry.inputShape(), new InputGradientRule(s), g, w);
    }

    /** K(x, g): the gradient of ⟨g, B(x, w)⟩ with respect to w, of w's shape. */
    static JvmTensor weightGradient(JvmTensor x, JvmTensor g, Shape s) {
        if (StoragePolicy.onNd4j(x) || StoragePolicy.onNd4j(g)) {
            return Nd4jStorage.result(Nd4jStorage.conv2dWeightGradient(x, g, s), s.weightShape(),
                    new WeightGradientRule(s), 0.0, x, g);
        }
        double[] dw = new double[s.weightSize()];
        s.weightGradient(x.data(), g.data(), dw);
        return JvmTensor.op2(dw, s.weightShape(), new WeightGradientRule(s), x, g);
    }

    /**
     * B's two gradients (T(h, w), K(x, h)), in one native call ({@code conv2d_bp}) when the values are on
     * ND4J and both are wanted: the nodes are T's and K's all the same.
     */
    private static JvmTensor[] convolveBackward(JvmTensor x, JvmTensor w, JvmTensor h, Shape s) {
        boolean wantX = x.requiresGrad;
        boolean wantW = w.requiresGrad;
        if (wantX && wantW && (StoragePolicy.onNd4j(h) || StoragePolicy.onNd4j(x))) {
            org.nd4j.linalg.api.ndarray.INDArray[] both = Nd4jStorage.conv2dBackward(x, w, h, s);
            return new JvmTensor[] {
                Nd4jStorage.result(both[0], s.geometry.inputShape(), new InputGradientRule(s), 0.0, h, w),
                Nd4jStorage.result(both[1], s.weightShape(), new WeightGradientRule(s), 0.0, x, h)};
        }
        return new JvmTensor[] {wantX ? inputGradient(h, w, s) : null, wantW ? weightGradient(x, h, s) : null};
    }

    /**
     * The shapes of one convolution: the input's geometry under the window and the number of output
     * channels; the JVM kernels, as products with the unfolded input (columns N × C·kh·kw × L).
     */
    record Shape(Unfold.Geometry geometry, int outChannels) {

        int patch() {
            return geometry.window().patchSize(geometry.channels());
        }

        int windows() {
            return geometry.outHeight() * geometry.outWidth();
        }

        int[] outputShape() {
            return new int[] {geometry.batch(), outChannels, geometry.outHeight(), geometry.outWidth()};
        }

        int outputSize() {
            return Math.multiplyExact(geometry.batch(), Math.multiplyExact(outChannels, windows()));
        }

        int inputSize() {
            return geometry.batch() * geometry.channels() * geometry.height() * geometry.width();
        }

        int[] weightShape() {
            SlidingWindow w = geometry.window();
            return new int[] {outChannels, geometry.channels(), w.kernelHeight(), w.kernelWidth()};
        }

        int weightSize() {
            return outChannels * patch();
        }

        /** y[n] (O × L) = w (O × P) · cols[n] (P × L). */
        void convolve(double[] x, double[] w, double[] y) {
            double[] cols = new double[geometry.columnsSize()];
            geometry.gather(x, 0.0, cols);
            int p = patch();
            int l = windows();
            for (int n = 0; n < geometry.batch(); n++) {
                multiplyAdd(w, 0, false, cols, n * p * l, false, outChannels, p, l, y, n * outChannels * l);
            }
        }

        /** cols[n] (P × L) = wᵀ (P × O) · g[n] (O × L), folded back onto the input's positions. */
        void inputGradient(double[] g, double[] w, double[] dx) {
            double[] cols = new double[geometry.columnsSize()];
            int p = patch();
            int l = windows();
            for (int n = 0; n < geometry.batch(); n++) {
                multiplyAdd(w, 0, true, g, n * outChannels * l, false, p, outChannels, l, cols, n * p * l);
            }
            geometry.scatterAdd(cols, dx);
        }

        /** dw (O × P) = Σₙ g[n] (O × L) · cols[n]ᵀ (L × P). */
        void weightGradient(double[] x, double[] g, double[] dw) {
            double[] cols = new double[geometry.columnsSize()];
            geometry.gather(x, 0.0, cols);
            int p = patch();
            int l = windows();
            for (int n = 0; n < geometry.batch(); n++) {
                multiplyAdd(g, n * outChannels * l, false, cols, n * p * l, true, outChannels, l, p, dw, 0);
            }
        }

        /**
         * out (m × n, from outAt) += A (m × k) · B (k × n), A read from a at aAt (transposed: stored k × m),
         * B from b at bAt (transposed: stored n × k).
         */
        private static void multiplyAdd(double[] a, int aAt, boolean aTransposed, double[] b, int bAt,
                                        boolean bTransposed, int m, int k, int n, double[] out, int outAt) {
            for (int i = 0; i < m; i++) {
                int row = outAt + i * n;
                if (bTransposed) {
                    for (int j = 0; j < n; j++) {
                        double s = 0.0;
                        for (int q = 0; q < k; q++) {
                            s += (aTransposed ? a[aAt + q * m + i] : a[aAt + i * k + q]) * b[bAt + j * k + q];
                        }
                        out[row + j] += s;
                    }
                } else {
                    for (int q = 0; q < k; q++) {
                        double aiq = aTransposed ? a[aAt + q * m + i] : a[aAt + i * k + q];
                        int brow = bAt + q * n;
                        for (int j = 0; j < n; j++) {
                            out[row + j] += aiq * b[brow + j];
                        }
                    }
                }
            }
        }
    }

    /** Backward of B(x, w): (T(h, w), K(x, h)); its replay convolves again. */
    private record ConvolveRule(Shape shape) implements Backward, Recomputable {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor h) {
            return convolveBackward(node.parents[0], node.parents[1], h, shape);
        }

        @Override
        public void recompute(JvmTensor node) {
            double[] y = node.data();
            Arrays.fill(y, 0.0);
            shape.convolve(node.parents[0].data(), node.parents[1].data(), y);
        }
    }

    /** Backward of T(g, w): (B(h, w), K(h, g)); its replay computes T again. */
    private record InputGradientRule(Shape shape) implements Backward, Recomputable {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor h) {
            JvmTensor g = node.parents[0];
            JvmTensor w = node.parents[1];
            return new JvmTensor[] {g.requiresGrad ? convolve(h, w, shape.geometry.window()) : null,
                w.requiresGrad ? weightGradient(h, g, shape) : null};
        }

        @Override
        public void recompute(JvmTensor node) {
            double[] dx = node.data();
            Arrays.fill(dx, 0.0);
            shape.inputGradient(node.parents[0].data(), node.parents[1].data(), dx);
        }
    }

    /** Backward of K(x, g): (T(g, h), B(x, h)); its replay computes K again. */
    private record WeightGradientRule(Shape shape) implements Backward, Recomputable {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor h) {
            JvmTensor x = node.parents[0];
            JvmTensor g = node.parents[1];
            return new JvmTensor[] {x.requiresGrad ? inputGradient(g, h, shape) : null,
                g.requiresGrad ? convolve(x, h, shape.geometry.window()) : null};
        }

        @Override
        public void recompute(JvmTensor node) {
            double[] dw = node.data();
            Arrays.fill(dw, 0.0);
            shape.weightGradient(node.parents[0].data(), node.parents[1].data(), dw);
        }
    }
}
