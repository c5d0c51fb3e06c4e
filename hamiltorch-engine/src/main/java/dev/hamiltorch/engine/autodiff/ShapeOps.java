package dev.hamiltorch.engine.autodiff;

import java.util.Arrays;

/** Reshaping, broadcasting, slicing and joining. */
final class ShapeOps {

    private ShapeOps() {
    }

    static JvmTensor reshape(JvmTensor a, int[] newShape) {
        int[] shape = newShape.clone();
        int inferred = -1;
        int known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("shape = " + Arrays.toString(newShape) + ": bad length");
            } else {
                known *= shape[i];
            }
        }
        if (inferred >= 0 && known > 0) {
            shape[inferred] = a.data.length / known;
        }
        if (Broadcasting.size(shape) != a.data.length) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(a.shape) + " to "
                    + Arrays.toString(newShape));
        }
        if (Arrays.equals(shape, a.shape)) {
            return a;
        }
        int[] original = a.shape;
        return JvmTensor.op(a.data, shape, g -> new JvmTensor[] {reshape(g, original)}, a);
    }

    static JvmTensor broadcastTo(JvmTensor a, int[] target) {
        if (Arrays.equals(a.shape, target)) {
            return a;
        }
        int[] full = Broadcasting.broadcastShape(a.shape, target);
        if (!Arrays.equals(full, target)) {
            throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(a.shape) + " to "
                    + Arrays.toString(target));
        }
        int n = Broadcasting.size(target);
        double[] out = new double[n];
        if (a.data.length == 1) {
            Arrays.fill(out, a.data[0]);
        } else {
            int[] src = Broadcasting.sourceIndex(a.shape, target);
            for (int i = 0; i < n; i++) {
                out[i] = a.data[src[i]];
            }
        }
        int[] original = a.shape;
        return JvmTensor.op(out, target.clone(), g -> new JvmTensor[] {sumTo(g, original)}, a);
    }

    /** Sums {@code a} down to {@code target}, a shape that broadcasts to {@code a}'s shape. */
    static JvmTensor sumTo(JvmTensor a, int[] target) {
        if (Arrays.equals(a.shape, target)) {
            return a;
        }
        double[] out = new double[Broadcasting.size(target)];
        if (out.length == 1) {
            double s = 0;
            for (double v : a.data) {
                s += v;
            }
            out[0] = s;
        } else {
            int[] dst = Broadcasting.sourceIndex(target, a.shape);
            for (int i = 0; i < dst.length; i++) {
                out[dst[i]] += a.data[i];
            }
        }
        int[] original = a.shape;
        return JvmTensor.op(out, target.clone(), g -> new JvmTensor[] {broadcastTo(g, original)}, a);
    }

    static JvmTensor slice(JvmTensor a, int axis, int from, int to) {
        throw new UnsupportedOperationException("slice");
    }

    static JvmTensor index(JvmTensor a, int i) {
        throw new UnsupportedOperationException("index");
    }
}
