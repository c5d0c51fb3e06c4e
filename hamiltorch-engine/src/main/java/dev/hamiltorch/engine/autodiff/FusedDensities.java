package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Log densities computed as one operation: one loop and one graph node instead of a chain of
 * elementwise operations, for the engine's distributions. Values and gradients are bit for bit those of
 * the chain they replace; the backward rules are written in differentiable operations, so Hessians
 * and third derivatives go through them as through the chain.
 */
public final class FusedDensities {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private FusedDensities() {
    }

    /**
     * The elementwise normal log density −((x − μ)/σ)²/2 − log σ − ½ log 2π, evaluated as
     * {@code x.sub(loc).div(scale).square().mul(-0.5).sub(scale.log()).sub(½ log 2π)} would be.
     *
     * @param logScale log σ, precomputed for a constant σ (same shape, {@code Math.log} of each element of σ,
     *        which a replay recomputes), or null to compute it here
     */
    public static Tensor normalLogProb(Tensor x, Tensor loc, Tensor scale, Tensor logScale) {
        if (!(x instanceof JvmTensor xt && loc instanceof JvmTensor mt && scale instanceof JvmTensor st)) {
            return normalLogProbOfTensors(x, loc, scale, logScale);
        }
        double[] xs = xt.data();
        double[] ms = mt.data();
        double[] ss = st.data();
        double[] logs = logScale instanceof JvmTensor l ? l.data() : logsOf(logScale, ss);
        if (logs.length != ss.length) {
            throw new IllegalArgumentException("logScale has " + logs.length + " elements, scale has " + ss.length);
        }
        if (oneShape(xt, mt, st)) {
            double[] out = new double[xs.length];
            normal(xs, ms, ss, logs, out);
            return JvmTensor.op(out, xt.shape, NormalRule.INSTANCE, xt, mt, st);
        }
        int[] shape = shapeOf(shapeOf(xt.shape, mt.shape), st.shape);
        double[] out = new double[Broadcasting.size(shape)];
        normalBroadcast(xt, mt, st, logs, shape, out);
        return JvmTensor.op(out, shape, NormalRule.INSTANCE, xt, mt, st);
    }

    /** Whether x, μ and σ have one shape, the common case. */
    private static boolean oneShape(JvmTensor xt, JvmTensor mt, JvmTensor st) {
        return xt.size() == mt.size() && xt.size() == st.size()
                && Broadcasting.sameShape(xt.shape, mt.shape) && Broadcasting.sameShape(xt.shape, st.shape);
    }

    /**
     * The density of x, μ and σ of one shape: the broadcasting kernel with every stride 1. Without
     * {@code logs} it takes log σ as {@code Math.log} of σ, the values {@code logs} would hold. Returns
     * the values' sum, added in order as a sum of the output would add them (its fused replay's value).
     */
    private static double normal(double[] xs, double[] ms, double[] ss, double[] logs, double[] out) {
        double total = 0;
        for (int i = 0; i < out.length; i++) {
            double s = ss[i];
            double z = (xs[i] - ms[i]) / s;
            out[i] = ((z * z) * -0.5 - (logs != null ? logs[i] : Math.log(s))) + -HALF_LOG_TWO_PI;
            total += out[i];
        }
        return total;
    }

    /** The density of x, μ and σ broadcast to {@code shape}, into {@code out}. */
    private static void normalBroadcast(JvmTensor xt, JvmTensor mt, JvmTensor st, double[] logs, int[] shape,
                                        double[] out) {
        double[] xs = xt.data();
        double[] ms = mt.data();
        double[] ss = st.data();
        int n = out.length;
        int sx = stride(xs.length, n);
        int sm = stride(ms.length, n);
        int sc = stride(ss.length, n);
        if (sx >= 0 && sm >= 0 && sc >= 0) {
            for (int i = 0; i < n; i++) {
                double z = (xs[i * sx] - ms[i * sm]) / ss[i * sc];
                out[i] = ((z * z) * -0.5 - logs[i * sc]) + -HALF_LOG_TWO_PI;
            }
        } else {
            int[] ix = Broadcasting.sourceIndex(xt.shape, shape);
            int[] im = Broadcasting.sourceIndex(mt.shape, shape);
            int[] is = Broadcasting.sourceIndex(st.shape, shape);
            for (int i = 0; i < n; i++) {
                double z = (xs[ix[i]] - ms[im[i]]) / ss[is[i]];
                out[i] = ((z * z) * -0.5 - logs[is[i]]) + -HALF_LOG_TWO_PI;
            }
        }
    }

    /** The chain of tensor operations, for tensors of another engine. */
    private static Tensor normalLogProbOfTensors(Tensor x, Tensor loc, Tensor scale, Tensor logScale) {
        Tensor log = logScale != null ? logScale : scale.log();
        return x.sub(loc).div(scale).square().mul(-0.5).sub(log).sub(HALF_LOG_TWO_PI);
    }

    /** The data of a given log σ (null: computed from σ). */
    private static double[] logsOf(Tensor logScale, double[] scale) {
        return logScale != null ? JvmTensor.of(logScale).data() : logs(scale);
    }

    /** Math.log of each element, once per element of σ however far it is broadcast. */
    private static double[] logs(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.log(x[i]);
        }
        return out;
    }

    /**
     * How an operand of {@code length} elements is read at element i of a result of {@code n}: at i
     * (1, same layout), at 0 (0, one element), or through a broadcast index (−1).
     */
    private static int stride(int length, int n) {
        return length == n ? 1 : length == 1 ? 0 : -1;
    }

    private static int[] shapeOf(int[] a, int[] b) {
        return Broadcasting.sameShape(a, b) ? a : Broadcasting.broadcastShape(a, b);
    }

    /**
     * Backward of {@link #normalLogProb}, as the chain d = x − μ, z = d/σ, q = −z²/2, − log σ would
     * have it: with t = −g/2 and u = t·2z, ∂x ← u/σ, ∂μ ← −u/σ, ∂σ ← −g/σ + (−(u·d)/(σσ)).
     */
    private enum NormalRule implements Backward, Recomputable {
        INSTANCE;

        /** log σ is recomputed as Math.log of σ's elements, which is what the given log σ holds. */
        @Override
        public void recompute(JvmTensor node) {
            JvmTensor x = node.parents[0];
            JvmTensor loc = node.parents[1];
            JvmTensor scale = node.parents[2];
            double[] out = node.data();
            int n = out.length;
            if (x.size() == n && loc.size() == n && scale.size() == n) {
                // operands of the output's length read element i, as in the one-shape case
                normal(x.data(), loc.data(), scale.data(), null, out);
            } else {
                normalBroadcast(x, loc, scale, logs(scale.data()), node.shape, out);
            }
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor x = node.parents[0];
            JvmTensor loc = node.parents[1];
            JvmTensor scale = node.parents[2];
            if (x.requiresGrad && !loc.requiresGrad && !scale.requiresGrad) {
                int n = g.size();
                if (x.size() == n && loc.size() == n && scale.size() == n
                        && Broadcasting.sameShape(g.shape, x.shape) && Broadcasting.sameShape(x.shape, loc.shape)
                        && Broadcasting.sameShape(x.shape, scale.shape)) {
                    return new JvmTensor[] {gradientInX(g, x, loc, scale), null, null};
                }
            }
            JvmTensor d = Elementwise.sub(x, loc);
            JvmTensor z = Elementwise.div(d, scale);
            JvmTensor u = Elementwise.mul(Elementwise.mulScalar(g, -0.5), Elementwise.mulScalar(z, 2.0));
            JvmTensor gd = x.requiresGrad || loc.requiresGrad ? Elementwise.div(u, scale).sumTo(d.shape) : null;
            JvmTensor gScale = null;
            if (scale.requiresGrad) {
                JvmTensor fromLog = Elementwise.div(g.neg().sumTo(scale.shape), scale);
                JvmTensor fromDiv = Elementwise.div(Elementwise.mul(u, d), Elementwise.mul(scale, scale)).neg()
                        .sumTo(scale.shape);
                gScale = Elementwise.add(fromLog, fromDiv);
            }
            return new JvmTensor[] {x.requiresGrad ? gd.sumTo(x.shape) : null,
                                    loc.requiresGrad ? gd.neg().sumTo(loc.shape) : null, gScale};
        }

        /**
         * The x gradient of the common case (constant μ and σ, one shape) as one recorded node instead
         * of the chain's six: the same values, and {@link GradientInXRule} differentiates it as the
         * chain's rules would.
         */
        private static JvmTensor gradientInX(JvmTensor g, JvmTensor x, JvmTensor loc, JvmTensor scale) {
            double[] gs = g.data();
            double[] xs = x.data();
            double[] ms = loc.data();
            double[] ss = scale.data();
            double[] out = new double[gs.length];
            for (int i = 0; i < out.length; i++) {
                double s = ss[i];
                out[i] = ((gs[i] * -0.5) * (((xs[i] - ms[i]) / s) * 2.0)) / s;
            }
            return JvmTensor.op(out, x.shape, GradientInXRule.INSTANCE, g, x, loc, scale);
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            if (!accumulateInXOnly(node, g, 1, grads)) {
                JvmTensor[] parents = node.parents;
                Object pass = grads.pass;
                accumulateBroadcast(node, g, grads, parents[0].visitMark == pass, parents[1].visitMark == pass,
                        parents[2].visitMark == pass);
            }
        }

        /**
         * The common case of {@link #accumulate}, the gradient in x alone with x, μ and σ of one shape,
         * reading element i of the incoming gradient at {@code i·stride} (0: one value for all, as a
         * sum's gradient is); false, and nothing done, in the other cases.
         */
        static boolean accumulateInXOnly(JvmTensor node, double[] g, int stride, Gradients grads) {
            JvmTensor x = node.parents[0];
            JvmTensor loc = node.parents[1];
            JvmTensor scale = node.parents[2];
            // grads.wants(), read directly: this rule runs once per gradient of every normal density
            Object pass = grads.pass;
            double[] xs = x.data();
            double[] ms = loc.data();
            double[] ss = scale.data();
            int n = xs.length;
            if (x.visitMark != pass || loc.visitMark == pass || scale.visitMark == pass || node.shape != x.shape
                    || ms.length != n || ss.length != n) {
                return false;
            }
            // x's shape is the node's, so no sums
            double[] gx = new double[n];
            for (int i = 0; i < n; i++) {
                double s = ss[i];
                gx[i] = ((g[i * stride] * -0.5) * (((xs[i] - ms[i]) / s) * 2.0)) / s;
            }
            grads.add(x, gx);
            return true;
        }

        /** {@link #accumulate}'s general case: any of x, μ and σ wanted, broadcast to the node's shape. */
        private static void accumulateBroadcast(JvmTensor node, double[] g, Gradients grads, boolean wantX,
                                                boolean wantLoc, boolean wantScale) {
            JvmTensor x = node.parents[0];
            JvmTensor loc = node.parents[1];
            JvmTensor scale = node.parents[2];
            int[] shape = node.shape;
            int n = g.length;
            double[] xs = x.data();
            double[] ms = loc.data();
            double[] ss = scale.data();
            int sx = stride(xs.length, n);
            int sm = stride(ms.length, n);
            int sc = stride(ss.length, n);
            boolean strided = sx >= 0 && sm >= 0 && sc >= 0;
            int[] ix = strided ? null : Broadcasting.sourceIndex(x.shape, shape);
            int[] im = strided ? null : Broadcasting.sourceIndex(loc.shape, shape);
            int[] is = strided ? null : Broadcasting.sourceIndex(scale.shape, shape);
            double[] gd = wantX || wantLoc ? new double[n] : null;
            double[] negG = wantScale ? new double[n] : null;
            double[] fromDiv = wantScale ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                double s = ss[strided ? i * sc : is[i]];
                double d = xs[strided ? i * sx : ix[i]] - ms[strided ? i * sm : im[i]];
                double z = d / s;
                double u = (g[i] * -0.5) * (z * 2.0);
                if (gd != null) {
                    gd[i] = u / s;
                }
                if (wantScale) {
                    negG[i] = g[i] * -1.0;
                    fromDiv[i] = ((u * d) / (s * s)) * -1.0;
                }
            }
            if (gd != null) {
                int[] dShape = shapeOf(x.shape, loc.shape);
                double[] gdOfD = ShapeOps.sumTo(gd, shape, dShape);
                if (wantX) {
                    grads.add(x, ShapeOps.sumTo(gdOfD, dShape, x.shape));
                }
                if (wantLoc) {
                    grads.add(loc, ShapeOps.sumTo(Elementwise.scaled(gdOfD, -1.0), dShape, loc.shape));
                }
            }
            if (wantScale) {
                double[] a = ShapeOps.sumTo(negG, shape, scale.shape);
                double[] b = ShapeOps.sumTo(fromDiv, shape, scale.shape);
                double[] sum = new double[ss.length];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] = a[j] / ss[j] + b[j];
                }
                grads.add(scale, sum);
            }
        }
    }

    /**
     * Backward of {@link NormalRule#gradientInX}'s node gx = ((g·−½)·(((x − μ)/σ)·2))/σ, parents
     * (g, x, μ, σ) with μ and σ constant, as the chain d = x − μ, z = d/σ, a = g·−½, b = z·2, u = a·b,
     * u/σ would have it: with h the incoming gradient, ∂x ← (((h/σ)·a)·2)/σ and ∂g ← ((h/σ)·b)·−½.
     */
    private enum GradientInXRule implements Backward {
        INSTANCE;

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor h) {
            JvmTensor g = node.parents[0];
            JvmTensor x = node.parents[1];
            JvmTensor loc = node.parents[2];
            JvmTensor scale = node.parents[3];
            if (!h.requiresGrad && !g.requiresGrad) {
                // ∂x does not involve x: with h and g constant it is a constant, computed in one loop
                return new JvmTensor[] {null, x.requiresGrad ? constantGradientInX(h.data(), g.data(), scale.data(), x.shape)
                                                             : null, null, null};
            }
            JvmTensor gu = Elementwise.div(h, scale);
            JvmTensor gx = null;
            if (x.requiresGrad) {
                JvmTensor a = Elementwise.mulScalar(g, -0.5);
                gx = Elementwise.div(Elementwise.mulScalar(Elementwise.mul(gu, a), 2.0), scale);
            }
            JvmTensor gg = null;
            if (g.requiresGrad) {
                JvmTensor b = Elementwise.mulScalar(Elementwise.div(Elementwise.sub(x, loc), scale), 2.0);
                gg = Elementwise.mulScalar(Elementwise.mul(gu, b), -0.5);
            }
            return new JvmTensor[] {gg, gx, null, null};
        }

        /** (((h/σ)·(g·−½))·2)/σ, as the chain's operations on constants compute it. */
        private static JvmTensor constantGradientInX(double[] h, double[] gs, double[] ss, int[] shape) {
            double[] gx = new double[h.length];
            for (int i = 0; i < gx.length; i++) {
                double s = ss[i];
                gx[i] = (((h[i] / s) * (gs[i] * -0.5)) * 2.0) / s;
            }
            return JvmTensor.wrap(gx, shape);
        }

        @Override
        public void accumulate(JvmTensor node, double[] h, Gradients grads) {
            JvmTensor g = node.parents[0];
            JvmTensor x = node.parents[1];
            double[] gs = g.data();
            double[] xs = x.data();
            double[] ms = node.parents[2].data();
            double[] ss = node.parents[3].data();
            int n = h.length;
            // the chain reaches x (through d) before g (through a)
            if (grads.wants(x)) {
                double[] gx = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = ss[i];
                    gx[i] = (((h[i] / s) * (gs[i] * -0.5)) * 2.0) / s;
                }
                grads.add(x, gx);
            }
            if (grads.wants(g)) {
                double[] gg = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = ss[i];
                    gg[i] = ((h[i] / s) * (((xs[i] - ms[i]) / s) * 2.0)) * -0.5;
                }
                grads.add(g, gg);
            }
        }
    }

    /**
     * The sum of a normal density node, replayed as one operation: its values and sum in one call, and
     * in the backward pass the sum's gradient handed to the density without the array of copies the
     * sum's rule makes. The results are those of the two rules, bit for bit.
     */
    static Recomputable summedNormal(JvmTensor normal) {
        return normal.backward == NormalRule.INSTANCE ? SummedNormal.INSTANCE : null;
    }

    /** See {@link #summedNormal}; its node is the sum, whose parent is the normal density. */
    private enum SummedNormal implements Recomputable, Backward {
        INSTANCE;

        @Override
        public void recompute(JvmTensor sum) {
            JvmTensor normal = sum.parents[0];
            double[] xs = normal.parents[0].data();
            double[] ms = normal.parents[1].data();
            double[] ss = normal.parents[2].data();
            int n = xs.length;
            if (ms.length != n || ss.length != n || normal.size() != n) {
                NormalRule.INSTANCE.recompute(normal);
                Reductions.Rule.SUM.recompute(sum);
                return;
            }
            // the one-shape kernel's values summed as they come, in the sum's order: the same bits
            sum.data()[0] = normal(xs, ms, ss, null, normal.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor sum, JvmTensor g) {
            throw new UnsupportedOperationException("a replay's fused operation records no graph");
        }

        @Override
        public void accumulate(JvmTensor sum, double[] g, Gradients grads) {
            JvmTensor normal = sum.parents[0];
            if (!NormalRule.accumulateInXOnly(normal, g, 0, grads)) {
                double[] spread = new double[normal.size()];
                Arrays.fill(spread, g[0]); // what the sum's rule hands its parent
                NormalRule.INSTANCE.accumulate(normal, spread, grads);
            }
        }
    }
}
