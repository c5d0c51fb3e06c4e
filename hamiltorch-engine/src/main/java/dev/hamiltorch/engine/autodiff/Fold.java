package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.Arrays;

/**
 * fold (col2im): the adjoint of {@link Unfold}, adding each column entry of an N × (C·kh·kw) × L tensor
 * onto the input position it was read from (see {@link dev.hamiltorch.api.tensor.Tensor#fold}); the index
 * map is {@link Unfold.Geometry}'s. Its backward rule is unfold with zero padding.
 */
final class Fold {

    private Fold() {
    }

    /** The N × C × height × width tensor the columns {@code cols} fold back onto. */
    static JvmTensor fold(JvmTensor cols, SlidingWindow window, int height, int width) {
        int patch = window.kernelHeight() * window.kernelWidth();
        if (cols.shape.length != 3 || cols.shape[1] % patch != 0) {
            throw new IllegalArgumentException("fold needs N × (C·" + window.kernelHeight() + "·"
                    + window.kernelWidth() + ") × L columns, got shape " + Arrays.toString(cols.shape));
        }
        Unfold.Geometry g = new Unfold.Geometry(cols.shape[0], cols.shape[1] / patch, height, width, window);
        if (!Arrays.equals(g.columnsShape(), cols.shape)) {
            throw new IllegalArgumentException("fold onto " + height + "×" + width + " needs columns of shape "
                    + Arrays.toString(g.columnsShape()) + ", got " + Arrays.toString(cols.shape));
        }
        return fold(cols, g);
    }

    /** fold for a geometry already checked (unfold's backward). */
    static JvmTensor fold(JvmTensor cols, Unfold.Geometry geometry) {
        double[] out = new double[geometry.batch() * geometry.channels() * geometry.height() * geometry.width()];
        geometry.scatterAdd(cols.data(), out);
        return JvmTensor.op1(out, geometry.inputShape(), new Rule(geometry), 0.0, cols);
    }

    /** Backward of fold: unfold with zero padding; its replay scatters again. */
    private record Rule(Unfold.Geometry geometry) implements Backward, Recomputable {
        @Override
        public void recompute(JvmTensor node) {
            Arrays.fill(node.data, 0.0);
            geometry.scatterAdd(node.parents[0].data(), node.data);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {Unfold.unfold(g, geometry.window(), 0.0)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor a = node.parents[0];
            if (grads.wants(a)) {
                double[] out = new double[a.size()];
                geometry.gather(g, 0.0, out);
                grads.add(a, out);
            }
        }
    }
}
