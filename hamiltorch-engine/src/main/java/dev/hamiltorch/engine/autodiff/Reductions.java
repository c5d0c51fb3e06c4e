package dev.hamiltorch.engine.autodiff;

import java.util.Arrays;

/**
 * Sums, maxima and log-sum-exp over all elements or one axis.
 *
 * <p>A reduction over axis {@code a} of shape {@code [..., n, ...]} views the data as
 * {@code outer × n × inner} blocks (row-major), so element {@code (o, k, i)} sits at
 * {@code (o·n + k)·inner + i}.
 */
final class Reductions {

    private Reductions() {
    }

    static JvmTensor sum(JvmTensor a) {
        if (a.nd4j != null) {
            return JvmTensor.op1(new double[] {Nd4jStorage.sum(a)}, JvmTensor.SCALAR, Rule.SUM, 0.0, a);
        }
        return JvmTensor.op1(new double[] {sumOf(a)}, JvmTensor.SCALAR, Rule.SUM, 0.0, a);
    }

    /**
     * The rule of an operation whose output's sum has a kernel of its own, cheaper than adding the output's
     * elements (a fused density's: see {@link FusedDensities#bernoulliLogitsLogProb}). The sum is then that
     * kernel's in every evaluation, eager or replayed, so a replay still gives an eager evaluation's bits.
     */
    interface OwnSum {

        /** The sum of {@code node}'s output, from its parents' current values. */
        double sumOf(JvmTensor node);
    }

    /** The sum of the JVM-stored {@code a}'s elements, by its operation's own kernel where it has one. */
    private static double sumOf(JvmTensor a) {
        return a.backward instanceof OwnSum own ? own.sumOf(a) : sum(a.data());
    }

    private static double sum(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
        }
        return s;
    }

    static JvmTensor sum(JvmTensor a, int axis) {
        int ax = Broadcasting.normaliseAxis(axis, a.shape.length);
        if (a.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.sum(a, ax), Broadcasting.removeAxis(a.shape, ax), Rule.SUM_AXIS, ax, a);
        }
        return alongAxis(a, ax, Rule.SUM_AXIS);
    }

    /** A reduction along the normalised axis {@code ax}, which is removed; the rule names the reduction. */
    private static JvmTensor alongAxis(JvmTensor a, int ax, Rule rule) {
        int[] outShape = Broadcasting.removeAxis(a.shape, ax);
        double[] out = new double[Broadcasting.size(outShape)];
        alongAxis(rule, a.data(), a.shape, ax, out);
        return JvmTensor.op1(out, outShape, rule, ax, a);
    }

    /** The kernel of an axis reduction, into out (of zeros), chosen by its rule; its replay calls it too. */
    private static void alongAxis(Rule rule, double[] x, int[] shape, int ax, double[] out) {
        switch (rule) {
            case SUM_AXIS -> sum(x, shape, ax, out);
            case MAX_AXIS -> maxima(x, shape, ax, out, null);
            case LOG_SUM_EXP_AXIS -> logSumExp(x, shape, ax, out);
            default -> throw new IllegalArgumentException(rule + " is not a reduction along an axis");
        }
    }

    /** Sums x (of {@code shape}) along {@code ax} into out, whose entries start at 0. */
    private static void sum(double[] x, int[] shape, int ax, double[] out) {
        int n = shape[ax];
        int inner = ShapeOps.inner(shape, ax);
        int outer = ShapeOps.outer(shape, ax);
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            int dst = o * inner;
            for (int k = 0; k < n; k++) {
                int src = base + k * inner;
                for (int i = 0; i < inner; i++) {
                    out[dst + i] += x[src + i];
                }
            }
        }
    }

    /** The largest element; its gradient goes to the first position holding it. */
    static JvmTensor max(JvmTensor a) {
        double[] x = a.data();
        if (x.length == 0) {
            throw new IllegalArgumentException("max of an empty tensor, shape " + Arrays.toString(a.shape));
        }
        return JvmTensor.op1(new double[] {x[argmax(x, 0, x.length, 1)]}, JvmTensor.SCALAR, Rule.MAX, 0.0, a);
    }

    /** The largest element along {@code axis} (removed); ties send the gradient to the first. */
    static JvmTensor max(JvmTensor a, int axis) {
        int ax = Broadcasting.normaliseAxis(axis, a.shape.length);
        if (a.shape[ax] == 0) {
            throw new IllegalArgumentException("max over axis = " + axis + " of length 0, shape "
                    + Arrays.toString(a.shape));
        }
        if (a.nd4j != null) {
            org.nd4j.linalg.api.ndarray.INDArray r = Nd4jStorage.max(a, ax);
            if (r != null) {
                return Nd4jStorage.result(r, Broadcasting.removeAxis(a.shape, ax), Rule.MAX_AXIS, ax, a);
            }
        }
        return alongAxis(a, ax, Rule.MAX_AXIS);
    }

    /** The maxima of x (of {@code shape}) along {@code ax} into out, and 1 at their positions into mask if given. */
    private static void maxima(double[] x, int[] shape, int ax, double[] out, double[] mask) {
        int n = shape[ax];
        int inner = ShapeOps.inner(shape, ax);
        int outer = ShapeOps.outer(shape, ax);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = argmax(x, o * n * inner + i, n, inner);
                out[o * inner + i] = x[best];
                if (mask != null) {
                    mask[best] = 1.0;
                }
            }
        }
    }

    /** An axis reduction's replay: its kernel along the axis in the node's parameter, into zeros. */
    private static void recomputeAlongAxis(Rule rule, JvmTensor node) {
        JvmTensor a = node.parents[0];
        Arrays.fill(node.data(), 0.0);
        alongAxis(rule, a.data(), a.shape, (int) node.param, node.data());
    }

    /** 1 at the first largest element of x (along {@code ax}, or of all if ax is −1), else 0: a constant. */
    private static JvmTensor argmaxMask(JvmTensor a, int ax) {
        double[] mask = new double[a.size()];
        if (ax < 0) {
            mask[argmax(a.data(), 0, a.size(), 1)] = 1.0;
        } else {
            maxima(a.data(), a.shape, ax, new double[a.size() / a.shape[ax]], mask);
        }
        return JvmTensor.wrap(mask, a.shape);
    }

    /** log Σ exp(x) over all elements (−∞ for an empty tensor). */
    static JvmTensor logSumExp(JvmTensor a) {
        return JvmTensor.op1(new double[] {logSumExp(a.data())}, JvmTensor.SCALAR, Rule.LOG_SUM_EXP, 0.0, a);
    }

    private static double logSumExp(double[] x) {
        return x.length == 0 ? Double.NEGATIVE_INFINITY : logSumExp(x, 0, x.length, 1);
    }

    /** log Σ exp(x) along {@code axis}, which is removed. */
    static JvmTensor logSumExp(JvmTensor a, int axis) {
        return alongAxis(a, Broadcasting.normaliseAxis(axis, a.shape.length), Rule.LOG_SUM_EXP_AXIS);
    }

    private static void logSumExp(double[] x, int[] shape, int ax, double[] out) {
        int n = shape[ax];
        if (n == 0) {
            Arrays.fill(out, Double.NEGATIVE_INFINITY);
            return;
        }
        int inner = ShapeOps.inner(shape, ax);
        int outer = ShapeOps.outer(shape, ax);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                out[o * inner + i] = logSumExp(x, o * n * inner + i, n, inner);
            }
        }
    }

    // ---- kernels ----------------------------------------------------------------------------------------

    /** Index of the first largest of {@code n} elements from {@code start} with {@code stride}; NaN wins. */
    private static int argmax(double[] x, int start, int n, int stride) {
        int best = start;
        double m = x[start];
        for (int k = 1, j = start + stride; k < n && !Double.isNaN(m); k++, j += stride) {
            double v = x[j];
            if (v > m || Double.isNaN(v)) {
                m = v;
                best = j;
            }
        }
        return best;
    }

    /** Stable log Σ exp over {@code n} elements from {@code start} with {@code stride}: shift by the max. */
    private static double logSumExp(double[] x, int start, int n, int stride) {
        double m = x[argmax(x, start, n, stride)];
        if (Double.isInfinite(m) || Double.isNaN(m)) {
            // all −∞ gives −∞; any +∞ gives +∞; a NaN propagates (x − m would be NaN or −∞ − −∞)
            return m;
        }
        double s = 0;
        for (int k = 0, j = start; k < n; k++, j += stride) {
            s += Math.exp(x[j] - m);
        }
        return m + Math.log(s);
    }

    /** Backward rules of the sums, maxima and log-sum-exps, and their replays. */
    enum Rule implements Backward, Recomputable {
        /** Backward of {@link #sum(JvmTensor, int)} over axis {@code param}: the gradient broadcast back. */
        SUM_AXIS {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                int[] shape = node.parents[0].shape;
                return new JvmTensor[] {g.reshape(Broadcasting.keepAxis(shape, (int) node.param)).broadcastTo(shape)};
            }
        },
        /**
         * Backward of {@link #max(JvmTensor)}: the gradient to the first largest element. The mask is a
         * constant (the argmax is locally fixed), so the second derivative through it is 0.
         */
        MAX {
            @Override
            public void recompute(JvmTensor node) {
                double[] x = node.parents[0].data();
                node.data()[0] = x[argmax(x, 0, x.length, 1)];
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {Elementwise.mul(argmaxMask(node.parents[0], -1), g)};
            }
        },
        /** Backward of {@link #max(JvmTensor, int)} along axis {@code param}, as {@link #MAX}. */
        MAX_AXIS {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                int ax = (int) node.param;
                return new JvmTensor[] {Elementwise.mul(argmaxMask(a, ax), g.reshape(Broadcasting.keepAxis(a.shape, ax)))};
            }
        },
        /** Backward of {@link #logSumExp(JvmTensor, int)} along axis {@code param}: g·softmax along it. */
        LOG_SUM_EXP_AXIS {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                int[] kept = Broadcasting.keepAxis(a.shape, (int) node.param);
                return new JvmTensor[] {Elementwise.mul(g.reshape(kept), Elementwise.exp(Elementwise.sub(a, node.reshape(kept))))};
            }
        },
        /** Backward of {@link #logSumExp(JvmTensor)}: g·exp(x − out) = g·softmax(x), with the recorded output. */
        LOG_SUM_EXP {
            @Override
            public void recompute(JvmTensor node) {
                node.data()[0] = logSumExp(node.parents[0].data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                return new JvmTensor[] {Elementwise.mul(g, Elementwise.exp(Elementwise.sub(a, node)))};
            }
        },
        /** Backward of {@link #sum(JvmTensor)}: the gradient broadcast back to the parent's shape. */
        SUM {
            @Override
            public void recompute(JvmTensor node) {
                node.data()[0] = sumOf(node.parents[0]);
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                int[] shape = node.parents[0].shape;
                if (!g.requiresGrad && g.shape.length == 0 && shape.length > 0) {
                    // a constant scalar, as broadcastTo fills it, without its checks and recorded rule
                    double[] out = new double[Broadcasting.size(shape)];
                    java.util.Arrays.fill(out, g.data()[0]);
                    return new JvmTensor[] {JvmTensor.wrap(out, shape)};
                }
                return new JvmTensor[] {g.broadcastTo(shape)};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                if (a.shape.length == 0) {
                    grads.add(a, g);
                    return;
                }
                double[] out = new double[a.size()];
                double v = g[0];
                for (int i = 0; i < out.length; i++) {
                    out[i] = v;
                }
                grads.add(a, out);
            }
        };

        /** An axis reduction's replay, by its kernel; the reductions over all elements override it. */
        @Override
        public void recompute(JvmTensor node) {
            recomputeAlongAxis(this, node);
        }
    }
}
