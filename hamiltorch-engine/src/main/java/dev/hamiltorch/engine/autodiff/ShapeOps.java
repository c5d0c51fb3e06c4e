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
            shape[inferred] = a.size() / known;
        }
        if (Broadcasting.size(shape) != a.size()) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(a.shape) + " to "
                    + Arrays.toString(newShape));
        }
        if (Broadcasting.sameShape(shape, a.shape)) {
            return a;
        }
        if (a.data == null) { // on ND4J only: a view there
            return Nd4jStorage.result(Nd4jStorage.reshape(a, shape), shape, Rule.RESHAPE, 0.0, a);
        }
        return JvmTensor.op1(a.data(), shape, Rule.RESHAPE, 0.0, a);
    }

    static JvmTensor broadcastTo(JvmTensor a, int[] target) {
        if (Broadcasting.sameShape(a.shape, target)) {
            return a;
        }
        int[] full = Broadcasting.broadcastShape(a.shape, target);
        if (!Arrays.equals(full, target)) {
            throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(a.shape) + " to "
                    + Arrays.toString(target));
        }
        if (a.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.broadcastTo(a, target), target.clone(), new BroadcastBackward(a.shape),
                    0.0, a);
        }
        int n = Broadcasting.size(target);
        double[] out = new double[n];
        if (a.size() == 1) {
            Arrays.fill(out, a.data()[0]);
        } else {
            int[] src = Broadcasting.sourceIndex(a.shape, target);
            for (int i = 0; i < n; i++) {
                out[i] = a.data()[src[i]];
            }
        }
        return JvmTensor.op(out, target.clone(), new BroadcastBackward(a.shape), a);
    }

    /** Sums {@code a} down to {@code target}, a shape that broadcasts to {@code a}'s shape. */
    static JvmTensor sumTo(JvmTensor a, int[] target) {
        if (Broadcasting.sameShape(a.shape, target)) {
            return a;
        }
        if (a.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.sumTo(a, target), target.clone(), new SumToBackward(a.shape), 0.0, a);
        }
        return JvmTensor.op(sumTo(a.data(), a.shape, target), target.clone(), new SumToBackward(a.shape), a);
    }

    /** The values of {@link #sumTo(JvmTensor, int[])}: {@code x} itself when the shapes agree. */
    static double[] sumTo(double[] x, int[] shape, int[] target) {
        if (Broadcasting.sameShape(shape, target)) {
            return x;
        }
        double[] out = new double[Broadcasting.size(target)];
        if (out.length == 1) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            out[0] = s;
        } else {
            int[] dst = Broadcasting.sourceIndex(target, shape);
            for (int i = 0; i < dst.length; i++) {
                out[dst[i]] += x[i];
            }
        }
        return out;
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}; backward pads. */
    static JvmTensor slice(JvmTensor a, int axis, int from, int to) {
        int ax = Broadcasting.normaliseAxis(axis, a.shape.length);
        int n = a.shape[ax];
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("slice from = " + from + ", to = " + to + " is out of range for axis "
                    + axis + " of length " + n + " (need 0 <= from <= to <= " + n + ")");
        }
        if (from == 0 && to == n) {
            return a;
        }
        int[] shape = a.shape.clone();
        shape[ax] = to - from;
        double[] out = new double[Broadcasting.size(shape)];
        slice(a.data(), a.shape, ax, from, to - from, out);
        return JvmTensor.op1(out, shape, Rule.SLICE, from, a);
    }

    /** Copies {@code m} positions from {@code from} along {@code axis} of {@code x} (of {@code shape}) into {@code out}. */
    private static void slice(double[] x, int[] shape, int axis, int from, int m, double[] out) {
        int n = shape[axis];
        int inner = inner(shape, axis);
        int outer = outer(shape, axis);
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x, (o * n + from) * inner, out, o * m * inner, m * inner);
        }
    }

    /**
     * {@code a} placed at positions {@code from …} of a zero tensor whose axis {@code axis} has length
     * {@code length}: the adjoint of {@link #slice}, so its backward is a slice.
     */
    static JvmTensor pad(JvmTensor a, int axis, int from, int length) {
        int m = a.shape[axis];
        if (from == 0 && m == length) {
            return a;
        }
        int[] shape = a.shape.clone();
        shape[axis] = length;
        return JvmTensor.op(padded(a.data(), a.shape, axis, from, length), shape, new PadBackward(axis, from, m), a);
    }

    /**
     * Backward of {@link #broadcastTo}: a sum back to the original shape. {@code accumulate} computes
     * {@link #sumTo(JvmTensor, int[])}'s values without building tensors.
     */
    private record BroadcastBackward(int[] original) implements Backward {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {sumTo(g, original)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor a = node.parents[0];
            if (grads.wants(a)) {
                grads.add(a, sumTo(g, node.shape, original));
            }
        }
    }

    /**
     * Backward of {@link #sumTo(JvmTensor, int[])}: a broadcast back to the original shape.
     * {@code accumulate} computes {@link #broadcastTo}'s values without building tensors.
     */
    private record SumToBackward(int[] original) implements Backward {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {broadcastTo(g, original)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor a = node.parents[0];
            if (!grads.wants(a)) {
                return;
            }
            if (Broadcasting.sameShape(node.shape, original)) {
                grads.add(a, g);
                return;
            }
            int[] full = Broadcasting.broadcastShape(node.shape, original);
            if (!Arrays.equals(full, original)) {
                throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(node.shape) + " to "
                        + Arrays.toString(original));
            }
            int n = Broadcasting.size(original);
            double[] out = new double[n];
            if (g.length == 1) {
                Arrays.fill(out, g[0]);
            } else {
                int[] src = Broadcasting.sourceIndex(node.shape, original);
                for (int i = 0; i < n; i++) {
                    out[i] = g[src[i]];
                }
            }
            grads.add(a, out);
        }
    }

    /**
     * Backward of {@link #pad}: the slice {@code from … from + m} along {@code axis}. {@code accumulate}
     * computes {@link #slice}'s values without building tensors.
     */
    private record PadBackward(int axis, int from, int m) implements Backward {
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {slice(g, axis, from, from + m)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor a = node.parents[0];
            if (!grads.wants(a)) {
                return;
            }
            int[] shape = node.shape;
            int ax = Broadcasting.normaliseAxis(axis, shape.length);
            int n = shape[ax];
            if (from == 0 && from + m == n) {
                grads.add(a, g);
                return;
            }
            int inner = inner(shape, ax);
            int outer = outer(shape, ax);
            double[] out = new double[outer * m * inner];
            for (int o = 0; o < outer; o++) {
                System.arraycopy(g, (o * n + from) * inner, out, o * m * inner, m * inner);
            }
            grads.add(a, out);
        }
    }

    /** The sub-tensor at position {@code i} of the first axis, which is removed. */
    static JvmTensor index(JvmTensor a, int i) {
        if (a.shape.length == 0) {
            throw new IllegalArgumentException("index(" + i + ") needs a tensor of rank >= 1, got a scalar");
        }
        if (i < 0 || i >= a.shape[0]) {
            throw new IndexOutOfBoundsException("index i = " + i + " is out of range for axis 0 of length "
                    + a.shape[0]);
        }
        // one node doing slice(0, i, i + 1) then reshape, so its gradient is theirs
        double[] out = new double[a.size() / a.shape[0]];
        System.arraycopy(a.data(), i * out.length, out, 0, out.length);
        int[] shape = a.shape.length == 1 ? JvmTensor.SCALAR : Arrays.copyOfRange(a.shape, 1, a.shape.length);
        return JvmTensor.op1(out, shape, Rule.INDEX, i, a);
    }

    /** Joins tensors along an existing axis; all other lengths must agree. */
    static JvmTensor concat(int axis, JvmTensor[] parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor, parts is empty");
        }
        int[] first = parts[0].shape;
        int ax = Broadcasting.normaliseAxis(axis, first.length);
        int total = 0;
        for (int p = 0; p < parts.length; p++) {
            int[] s = parts[p].shape;
            boolean compatible = s.length == first.length;
            for (int d = 0; compatible && d < s.length; d++) {
                compatible = d == ax || s[d] == first[d];
            }
            if (!compatible) {
                throw new IllegalArgumentException("concat along axis " + axis + ": parts[" + p + "] has shape "
                        + Arrays.toString(s) + ", incompatible with parts[0] of shape " + Arrays.toString(first));
            }
            total += s[ax];
        }
        if (parts.length == 1) {
            return parts[0];
        }
        int[] shape = first.clone();
        shape[ax] = total;
        double[] out = new double[Broadcasting.size(shape)];
        ConcatRule rule = new ConcatRule(ax);
        rule.concat(parts, out);
        return JvmTensor.op(out, shape, rule, parts.clone());
    }

    /** concat's rule along its axis: each part's gradient is its slice of g; its replay copies the parts again. */
    private static final class ConcatRule implements Backward, Recomputable {
        private final int ax;

        ConcatRule(int ax) {
            this.ax = ax;
        }

        /** The parts, in order, into out, laid out along the axis. */
        void concat(JvmTensor[] parts, double[] out) {
            int[] first = parts[0].shape;
            int inner = inner(first, ax);
            int outer = outer(first, ax);
            int total = out.length / (outer * inner == 0 ? 1 : outer * inner);
            int offset = 0;
            for (JvmTensor part : parts) {
                int block = part.shape[ax] * inner;
                for (int o = 0; o < outer; o++) {
                    System.arraycopy(part.data(), o * block, out, o * total * inner + offset * inner, block);
                }
                offset += part.shape[ax];
            }
        }

        @Override
        public void recompute(JvmTensor node) {
            concat(node.parents, node.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor[] parts = node.parents;
            JvmTensor[] grads = new JvmTensor[parts.length];
            int offset = 0;
            for (int p = 0; p < parts.length; p++) {
                int next = offset + parts[p].shape[ax];
                grads[p] = parts[p].requiresGrad ? slice(g, ax, offset, next) : null;
                offset = next;
            }
            return grads;
        }
    }

    /** Stacks tensors of one shape along a new axis {@code axis} (0 … rank; negative counts from the end). */
    static JvmTensor stack(int axis, JvmTensor[] parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack needs at least one tensor, parts is empty");
        }
        int[] first = parts[0].shape;
        int ax = Broadcasting.normaliseAxis(axis, first.length + 1);
        int[] expanded = new int[first.length + 1];
        for (int d = 0, j = 0; d < expanded.length; d++) {
            expanded[d] = d == ax ? 1 : first[j++];
        }
        JvmTensor[] reshaped = new JvmTensor[parts.length];
        for (int p = 0; p < parts.length; p++) {
            if (!Arrays.equals(parts[p].shape, first)) {
                throw new IllegalArgumentException("stack: parts[" + p + "] has shape " + Arrays.toString(parts[p].shape)
                        + ", expected the shape of parts[0], " + Arrays.toString(first));
            }
            reshaped[p] = reshape(parts[p], expanded);
        }
        if (parts.length == 1) {
            return reshaped[0];
        }
        return concat(ax, reshaped);
    }

    /** Backward rules of reshape, slice and index, which need nothing but their node, and their replays. */
    enum Rule implements Backward, Recomputable {
        /** Backward of {@link #reshape}: the gradient takes the parent's shape; no data moves. */
        RESHAPE {
            @Override
            public void recompute(JvmTensor node) {
                // the output shares its parent's array, which is already current
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {reshape(g, node.parents[0].shape)};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                grads.add(node.parents[0], g);
            }
        },
        /** Backward of {@link #slice} from {@code param}: the gradient padded with zeros to the parent's shape. */
        SLICE {
            @Override
            public void recompute(JvmTensor node) {
                JvmTensor a = node.parents[0];
                int axis = slicedAxis(node);
                slice(a.data(), a.shape, axis, (int) node.param, node.shape[axis], node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                int axis = slicedAxis(node);
                return new JvmTensor[] {pad(g, axis, (int) node.param, node.parents[0].shape[axis])};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                int axis = slicedAxis(node);
                grads.add(node.parents[0], padded(g, node.shape, axis, (int) node.param, node.parents[0].shape[axis]));
            }
        },
        /** Backward of {@link #index}: the gradient placed at position {@code param} of axis 0. */
        INDEX {
            @Override
            public void recompute(JvmTensor node) {
                double[] out = node.data();
                System.arraycopy(node.parents[0].data(), (int) node.param * out.length, out, 0, out.length);
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                int[] shape = node.parents[0].shape;
                int[] kept = shape.clone();
                kept[0] = 1;
                return new JvmTensor[] {pad(reshape(g, kept), 0, (int) node.param, shape[0])};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                double[] out = new double[a.size()];
                System.arraycopy(g, 0, out, (int) node.param * g.length, g.length);
                grads.add(a, out);
            }
        }
    }

    /** The axis a slice node cut: the one where its length differs from its parent's (a full slice is no node). */
    private static int slicedAxis(JvmTensor node) {
        int[] parent = node.parents[0].shape;
        int axis = 0;
        while (node.shape[axis] == parent[axis]) {
            axis++;
        }
        return axis;
    }

    /** The values of {@link #pad}. */
    static double[] padded(double[] x, int[] shape, int axis, int from, int length) {
        int m = shape[axis];
        if (from == 0 && m == length) {
            return x;
        }
        int inner = inner(shape, axis);
        int outer = outer(shape, axis);
        double[] out = new double[outer * length * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x, o * m * inner, out, (o * length + from) * inner, m * inner);
        }
        return out;
    }

    /** Product of the lengths before {@code axis}. */
    static int outer(int[] shape, int axis) {
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        return outer;
    }

    /** Product of the lengths after {@code axis}. */
    static int inner(int[] shape, int axis) {
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        return inner;
    }
}
