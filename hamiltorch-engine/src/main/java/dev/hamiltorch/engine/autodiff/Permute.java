package dev.hamiltorch.engine.autodiff;

import java.util.Arrays;

/**
 * permute: the axes of a tensor reordered, axis d of the output being axis {@code axes[d]} of the input.
 * A permutation of the elements, so its backward rule is the inverse permutation.
 */
final class Permute {

    private Permute() {
    }

    static JvmTensor permute(JvmTensor a, int[] axes) {
        int rank = a.shape.length;
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute axes = " + Arrays.toString(axes) + " must list each of the "
                    + rank + " axes of shape " + Arrays.toString(a.shape) + " once");
        }
        int[] inverse = new int[rank];
        Arrays.fill(inverse, -1);
        boolean identity = true;
        for (int d = 0; d < rank; d++) {
            int ax = axes[d];
            if (ax < 0 || ax >= rank || inverse[ax] >= 0) {
                throw new IllegalArgumentException("permute axes = " + Arrays.toString(axes) + " must list each of the "
                        + rank + " axes of shape " + Arrays.toString(a.shape) + " once");
            }
            inverse[ax] = d;
            identity &= ax == d;
        }
        if (identity) {
            return a;
        }
        int[] perm = axes.clone();
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = a.shape[perm[d]];
        }
        double[] out = new double[a.size()];
        permute(a.data(), a.shape, perm, out);
        return JvmTensor.op1(out, shape, new Rule(perm, inverse), 0.0, a);
    }

    /**
     * out[i₀, …, i_{r−1}] = x[j] with j_{axes[d]} = i_d: the output walked in row-major order, the input
     * position advanced by the input stride of the axis each output index moves along.
     */
    static void permute(double[] x, int[] shape, int[] axes, double[] out) {
        int rank = shape.length;
        if (out.length == 0) {
            return;
        }
        int[] inStride = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            inStride[d] = s;
            s *= shape[d];
        }
        int[] length = new int[rank];
        int[] stride = new int[rank];
        for (int d = 0; d < rank; d++) {
            length[d] = shape[axes[d]];
            stride[d] = inStride[axes[d]];
        }
        int last = rank - 1;
        int innerLength = length[last];
        int innerStride = stride[last];
        int[] index = new int[rank];
        int src = 0;
        for (int o = 0; o < out.length; o += innerLength) {
            for (int k = 0, j = src; k < innerLength; k++, j += innerStride) {
                out[o + k] = x[j];
            }
            // odometer over the outer output axes
            for (int d = last - 1; d >= 0; d--) {
                src += stride[d];
                if (++index[d] < length[d]) {
                    break;
                }
                src -= stride[d] * length[d];
                index[d] = 0;
            }
        }
    }

    /** Backward of permute: the inverse permutation; its replay permutes again. */
    private record Rule(int[] axes, int[] inverse) implements Backward, Recomputable {
        @Override
        public void recompute(JvmTensor node) {
            JvmTensor a = node.parents[0];
            permute(a.data(), a.shape, axes, node.data);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {Permute.permute(g, inverse)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor a = node.parents[0];
            if (grads.wants(a)) {
                double[] out = new double[g.length];
                permute(g, node.shape, inverse, out);
                grads.add(a, out);
            }
        }
    }
}
