package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Log densities computed as one operation: one loop and one graph node instead of a chain of
 * elementwise operations, for the engine's distributions. Values and gradients are bit for bit those of
 * the chain they replace (the sum of a Bernoulli density has a kernel of its own, within about n·2⁻⁵²
 * of adding its elements: see {@link #bernoulliLogitsLogProb}); the backward rules are written in
 * differentiable operations, so Hessians and third derivatives go through them as through the chain.
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

    /**
     * The density of x and of μ and σ each of x's length (stride 1) or one value (stride 0), as the
     * broadcasting kernel computes it (log σ as {@code Math.log} of σ, once for one value), returning the
     * values' sum added in order: a prior N(0, 1) on θ replayed in one loop.
     */
    private static double normalStrided(double[] xs, double[] ms, int sm, double[] ss, int sc, double[] out) {
        double logScale = sc == 0 ? Math.log(ss[0]) : 0.0;
        double total = 0;
        for (int i = 0; i < out.length; i++) {
            double s = ss[i * sc];
            double z = (xs[i] - ms[i * sm]) / s;
            out[i] = ((z * z) * -0.5 - (sc == 0 ? logScale : Math.log(s))) + -HALF_LOG_TWO_PI;
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
            int sm = stride(ms.length, n);
            int sc = stride(ss.length, n);
            // x as long as the node: its broadcast is the identity, so no sums; μ and σ of its length or one value
            if (x.visitMark != pass || loc.visitMark == pass || scale.visitMark == pass || node.size() != n
                    || sm < 0 || sc < 0) {
                return false;
            }
            double[] gx = new double[n];
            for (int i = 0; i < n; i++) {
                double s = ss[i * sc];
                gx[i] = ((g[i * stride] * -0.5) * (((xs[i] - ms[i * sm]) / s) * 2.0)) / s;
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
     * The sum of a density node replayed as one operation (a normal or a Bernoulli density with
     * log-odds): its values and sum in one call, and in the backward pass the sum's gradient handed to
     * the density without the array of copies the sum's rule makes; null for another node. The results
     * are those of the two rules, bit for bit (for the Bernoulli density, of its sum's own kernel). A new
     * operation for each tape: the Bernoulli one keeps scratch arrays.
     */
    static Recomputable summed(JvmTensor density) {
        if (density.backward == NormalRule.INSTANCE) {
            return SummedNormal.INSTANCE;
        }
        return density.backward instanceof BernoulliLogitsRule ? new SummedBernoulliLogits(density.size()) : null;
    }

    // ---- Bernoulli with log-odds ---------------------------------------------------------------------

    /**
     * The elementwise Bernoulli log density of the constant outcomes {@code value} with log-odds
     * {@code logits} ℓ of the same shape, as one operation: kℓ − log(1 + e^ℓ) where k is 0 or 1, −∞ where
     * k is another number, NaN where it is NaN. Its values and gradient are bit for bit those of the chain
     * {@code Bernoulli.logProb} writes otherwise (the support's guard and restriction, {@code k.mul(ℓ)},
     * {@code ℓ.softplus()}, their difference), while e^−|ℓ| is computed once per element for softplus and
     * for the gradient's σ(ℓ); the backward rule is written in differentiable operations, so Hessians and
     * third derivatives go through it. With the outcomes a constant, ∂/∂ℓ = k − σ(ℓ) inside the support.
     * Its sum ({@code .sum()}, eager or replayed) has a kernel of its own ({@link #bernoulliLogitsSum}:
     * one log per 32 elements instead of a log1p per element), and a replay fuses the sum with the
     * density ({@link #summed}): for a logistic regression {@code Bernoulli.of(X.matvec(w))} the
     * replayed gradient is the matrix product, one pass over ℓ, and Xᵀ(k − σ(ℓ)).
     *
     * @return the density, or null where the fused operation does not apply (outcomes that require
     *         gradients, shapes that broadcast, another engine's tensors): the caller writes the chain
     */
    public static Tensor bernoulliLogitsLogProb(Tensor logits, Tensor value) {
        if (!(logits instanceof JvmTensor l) || !(value instanceof JvmTensor v) || v.requiresGrad
                || !Broadcasting.sameShape(l.shape, v.shape)) {
            return null;
        }
        BernoulliLogitsRule rule = BernoulliLogitsRule.of(v);
        double[] out = new double[l.size()];
        bernoulliLogits(l.data(), rule, out);
        return JvmTensor.op1(out, l.shape, rule, 0.0, l);
    }

    /** The Bernoulli log densities of log-odds {@code l} into {@code out}, each as the chain computes it. */
    private static void bernoulliLogits(double[] l, BernoulliLogitsRule rule, double[] out) {
        double[] k = rule.k;
        double[] inside = rule.inside;
        for (int i = 0; i < out.length; i++) {
            double x = l[i];
            double lp = k[i] * x - Elementwise.softplus(x, Math.exp(-Math.abs(x)));
            // the support's restriction: −∞ outside, NaN where the outcome is NaN
            double in = inside[i];
            out[i] = in == 1.0 ? lp : in == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
    }

    /** How many factors 1 + e^−|ℓ| (each in [1, 2]) {@link #bernoulliLogitsSum} multiplies before a log. */
    private static final int PRODUCT_RUN = 32;

    /**
     * The sum of the Bernoulli log densities of log-odds {@code l}, and σ(ℓ) into {@code sigma} if not
     * null. Σ (kℓ − max(ℓ, 0)) − Σ log1p(e^−|ℓ|), with kℓ − max(ℓ, 0) exact for k in {0, 1}, and the
     * second sum as logs of products of {@value #PRODUCT_RUN} factors 1 + e^−|ℓ|: one {@code Math.log}
     * (an intrinsic) per run instead of a {@code Math.log1p} (a native call in JDK 17, about 11 of the
     * 30 µs of a 1000-row logistic regression's replayed gradient) per element. Each factor is rounded
     * once (a relative 2⁻⁵³) and each product a run's worth, so the result differs from adding the
     * elements' densities by about n·2⁻⁵² in absolute value (2·10⁻¹³ at n = 1000), less than that
     * addition's own rounding for densities of order 1. Special values are the elements' sum's: −∞
     * outside the support, NaN at NaN.
     */
    private static double bernoulliLogitsSum(double[] l, BernoulliLogitsRule rule, double[] sigma) {
        double[] k = rule.k;
        double[] inside = rule.inside;
        double linear = 0;
        double logs = 0;
        double product = 1;
        for (int i = 0; i < l.length; i++) {
            double x = l[i];
            double e = Math.exp(-Math.abs(x));
            double in = inside[i];
            if (in == 1.0) {
                linear += k[i] * x - Math.max(x, 0.0);
                product *= 1.0 + e;
            } else {
                linear += in == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            if (i % PRODUCT_RUN == PRODUCT_RUN - 1) {
                logs += Math.log(product);
                product = 1;
            }
            if (sigma != null) {
                sigma[i] = Elementwise.sigmoid(x, e);
            }
        }
        return linear - (logs + Math.log(product));
    }

    /**
     * ∂/∂ℓ of the Bernoulli densities given the incoming gradient g (element i at {@code i·stride}) and
     * σ(ℓ), into {@code out}: (gk) + (−g)σ(ℓ) with g zeroed outside the support, the two terms the chain's
     * product and softplus hand to ℓ, added as its backward pass adds them.
     */
    private static void bernoulliLogitsGradient(double[] g, int stride, double[] sigma, BernoulliLogitsRule rule,
                                                double[] out) {
        double[] k = rule.k;
        double[] pass = rule.pass;
        for (int i = 0; i < out.length; i++) {
            double gi = pass == null ? g[i * stride] : g[i * stride] * pass[i];
            out[i] = gi * k[i] + (gi * -1.0) * sigma[i];
        }
    }

    /** σ of each element of ℓ, into {@code sigma}. */
    private static void sigmoids(double[] l, double[] sigma) {
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = Elementwise.sigmoid(l[i]);
        }
    }

    /**
     * Backward of {@link #bernoulliLogitsLogProb}: the outcomes are the rule's (a constant of the
     * recording), the node's only parent is ℓ.
     */
    private static final class BernoulliLogitsRule implements Backward, Recomputable, Reductions.OwnSum {
        /** The outcomes, 0 where outside the support (the guard's substitute). */
        final double[] k;
        /** The support's indicator: 1 inside, 0 outside, NaN where the outcome is NaN. */
        final double[] inside;
        /** 1 where the gradient passes (inside), else 0; null when every outcome is inside. */
        final double[] pass;

        private BernoulliLogitsRule(double[] k, double[] inside, double[] pass) {
            this.k = k;
            this.inside = inside;
            this.pass = pass;
        }

        /** The rule of the last outcomes seen: an eager density evaluates with the same data at every θ. */
        private static volatile BernoulliLogitsRule last;
        /** The outcomes {@link #last} was made of (a constant: its values never change). */
        private JvmTensor outcomes;

        /** The rule of the constant outcomes {@code value}, the last one made when it is of the same tensor. */
        static BernoulliLogitsRule of(JvmTensor value) {
            BernoulliLogitsRule rule = last;
            if (rule == null || rule.outcomes != value) {
                rule = of(value.data());
                rule.outcomes = value;
                last = rule; // a racing thread makes an equal rule
            }
            return rule;
        }

        private static BernoulliLogitsRule of(double[] outcomes) {
            int n = outcomes.length;
            double[] k = new double[n];
            double[] inside = new double[n];
            double[] pass = new double[n];
            boolean all = true;
            for (int i = 0; i < n; i++) {
                double y = outcomes[i];
                inside[i] = Double.isNaN(y) ? Double.NaN : y == 0 || y == 1 ? 1.0 : 0.0;
                k[i] = inside[i] != 0.0 ? y : 0.0;
                pass[i] = inside[i] == 1.0 ? 1.0 : 0.0;
                all &= inside[i] == 1.0;
            }
            return new BernoulliLogitsRule(k, inside, all ? null : pass);
        }

        @Override
        public void recompute(JvmTensor node) {
            bernoulliLogits(node.parents[0].data(), this, node.data());
        }

        /** See {@link #bernoulliLogitsSum}. */
        @Override
        public double sumOf(JvmTensor node) {
            return bernoulliLogitsSum(node.parents[0].data(), this, null);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor l = node.parents[0];
            JvmTensor gi = pass == null ? g : Elementwise.mul(g, JvmTensor.wrap(pass, l.shape));
            JvmTensor fromProduct = Elementwise.mul(gi, JvmTensor.wrap(k, l.shape));
            JvmTensor fromSoftplus = Elementwise.mul(Elementwise.mulScalar(gi, -1.0), Elementwise.sigmoid(l));
            return new JvmTensor[] {Elementwise.add(fromProduct, fromSoftplus)};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            JvmTensor l = node.parents[0];
            if (grads.wants(l)) {
                double[] out = new double[g.length];
                sigmoids(l.data(), out);
                bernoulliLogitsGradient(g, 1, out, this, out);
                grads.add(l, out);
            }
        }
    }

    /**
     * See {@link #summed}; its node is the sum, whose parent is the Bernoulli density. The forward pass
     * keeps σ(ℓ), which the backward pass needs, and the gradient goes into an array of this tape's
     * (a tape belongs to one thread, and its gradients live for one backward pass): a replayed gradient
     * allocates nothing here.
     */
    private static final class SummedBernoulliLogits implements ReplayedSum {
        private final double[] sigma;
        private final double[] gradient;
        /** Whether {@link #sigma} holds σ of ℓ's current values (not before the first replay). */
        private boolean sigmaCurrent;

        SummedBernoulliLogits(int n) {
            this.sigma = new double[n];
            this.gradient = new double[n];
        }

        /** The sum, by the density's own sum kernel; the density's elements, which nothing else reads, are left. */
        @Override
        public void recompute(JvmTensor sum) {
            JvmTensor density = sum.parents[0];
            sum.data()[0] = bernoulliLogitsSum(density.parents[0].data(), (BernoulliLogitsRule) density.backward, sigma);
            sigmaCurrent = true;
        }

        @Override
        public void accumulate(JvmTensor sum, double[] g, Gradients grads) {
            JvmTensor density = sum.parents[0];
            JvmTensor l = density.parents[0];
            if (!grads.wants(l)) {
                return;
            }
            if (!sigmaCurrent) { // the first gradient follows the recording, not a replay
                sigmoids(l.data(), sigma);
                sigmaCurrent = true;
            }
            // the sum's rule hands every element its one incoming value: stride 0
            bernoulliLogitsGradient(g, 0, sigma, (BernoulliLogitsRule) density.backward, gradient);
            grads.add(l, gradient);
        }
    }

    /** A replay's fused sum: it is recomputed and differentiated on arrays only, never recorded. */
    private interface ReplayedSum extends Recomputable, Backward {

        @Override
        default JvmTensor[] apply(JvmTensor sum, JvmTensor g) {
            throw new UnsupportedOperationException("a replay's fused operation records no graph");
        }
    }

    /** See {@link #summed}; its node is the sum, whose parent is the normal density. */
    private enum SummedNormal implements ReplayedSum {
        INSTANCE;

        @Override
        public void recompute(JvmTensor sum) {
            JvmTensor normal = sum.parents[0];
            double[] xs = normal.parents[0].data();
            double[] ms = normal.parents[1].data();
            double[] ss = normal.parents[2].data();
            int n = xs.length;
            int sm = stride(ms.length, n);
            int sc = stride(ss.length, n);
            if (normal.size() != n || sm < 0 || sc < 0) {
                NormalRule.INSTANCE.recompute(normal);
                Reductions.Rule.SUM.recompute(sum);
                return;
            }
            // the kernel's values summed as they come, in the sum's order: the same bits
            sum.data()[0] = sm == 1 && sc == 1 ? normal(xs, ms, ss, null, normal.data())
                    : normalStrided(xs, ms, sm, ss, sc, normal.data());
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
