package dev.hamiltorch.engine.autodiff;

import java.util.Arrays;

/** NumPy broadcasting rules and row-major index arithmetic. */
final class Broadcasting {

    private Broadcasting() {
    }

    /** Arrays.equals for shapes, but free when both are one array, as they mostly are. */
    static boolean sameShape(int[] a, int[] b) {
        if (a == b) {
            return true;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape two operands broadcast to. */
    static int[] broadcastShape(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return a.length == 0 ? b : a; // a scalar stretches to the other shape, which is shared, not copied
        }
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " cannot be broadcast together");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Row-major strides of {@code shape} aligned to {@code target}'s rank, 0 on broadcast axes. */
    static int[] broadcastStrides(int[] shape, int[] target) {
        int rank = target.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            int t = i + rank - shape.length;
            strides[t] = shape[i] == 1 && target[t] != 1 ? 0 : stride;
            stride *= shape[i];
        }
        return strides;
    }

    /**
     * For each element of a tensor of shape {@code target}, the flat index of the element of a tensor
     * of shape {@code shape} that broadcasts onto it.
     */
    static int[] sourceIndex(int[] shape, int[] target) {
        int n = size(target);
        int[] strides = broadcastStrides(shape, target);
        int[] index = new int[n];
        int[] counter = new int[target.length];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            index[i] = offset;
            for (int ax = target.length - 1; ax >= 0; ax--) {
                if (++counter[ax] < target[ax]) {
                    offset += strides[ax];
                    break;
                }
                offset -= strides[ax] * (target[ax] - 1);
                counter[ax] = 0;
            }
        }
        return index;
    }

    static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    static int normaliseAxis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis = " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /** {@code shape} without axis {@code axis}. */
    static int[] removeAxis(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** {@code shape} with axis {@code axis} set to length 1. */
    static int[] keepAxis(int[] shape, int axis) {
        int[] out = shape.clone();
        out[axis] = 1;
        return out;
    }
}
