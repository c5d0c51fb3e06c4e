package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * Restriction of a log density to its support as recorded operations, so that a density with a
 * bounded support stays replayable (see {@link Tape}): the indicator of the support is a node of the
 * graph recomputed from the value at every replay, not values read into Java.
 *
 * <p>The three operations: {@link #indicator} (1 inside, 0 outside, NaN at NaN; no gradient),
 * {@link #guard} (the value where the indicator is not 0, a safe substitute elsewhere, so that the
 * density's formula stays finite outside) and {@link #restrict} (the log density inside, −∞ outside,
 * NaN at NaN, with a zero gradient outside, as {@code torch.where} gives).
 */
public final class SupportRestriction {

    private SupportRestriction() {
    }

    /** 1 where {@code inside} holds for the element of {@code value}, 0 where not, NaN where it is NaN. */
    public static Tensor indicator(Tensor value, DoublePredicate inside) {
        JvmTensor v = JvmTensor.of(value);
        double[] mask = new double[v.data.length];
        IndicatorRule rule = new IndicatorRule(inside);
        rule.fill(v.data, mask);
        // recorded when the value depends on θ, so that a replay recomputes it; its gradient is none
        return v.requiresGrad ? JvmTensor.op1(mask, v.shape, rule, 0.0, v) : JvmTensor.wrap(mask, v.shape);
    }

    /**
     * {@code value} where {@code indicator} is not 0, {@code fill} where it is 0, in the shape both
     * broadcast to.
     */
    public static Tensor guard(Tensor value, Tensor indicator, double fill) {
        JvmTensor v = JvmTensor.of(value);
        JvmTensor m = JvmTensor.of(indicator);
        int[] shape = broadcast(v, m);
        double[] out = new double[Broadcasting.size(shape)];
        guard(v, m, fill, shape, out);
        return JvmTensor.op2(out, shape, new GuardRule(fill), v, m);
    }

    /**
     * {@code logDensity} where {@code indicator} is 1, −∞ where it is 0 and NaN where it is NaN, in the
     * shape both broadcast to; the gradient reaches {@code logDensity} where the indicator is 1 only.
     */
    public static Tensor restrict(Tensor logDensity, Tensor indicator) {
        JvmTensor lp = JvmTensor.of(logDensity);
        JvmTensor m = JvmTensor.of(indicator);
        int[] shape = broadcast(lp, m);
        double[] out = new double[Broadcasting.size(shape)];
        restrict(lp, m, shape, out);
        return JvmTensor.op2(out, shape, RestrictRule.INSTANCE, lp, m);
    }

    private static int[] broadcast(JvmTensor a, JvmTensor b) {
        return Broadcasting.sameShape(a.shape, b.shape) ? a.shape : Broadcasting.broadcastShape(a.shape, b.shape);
    }

    private static void guard(JvmTensor v, JvmTensor m, double fill, int[] shape, double[] out) {
        int[] iv = Broadcasting.sourceIndex(v.shape, shape);
        int[] im = Broadcasting.sourceIndex(m.shape, shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = m.data[im[i]] != 0.0 ? v.data[iv[i]] : fill;
        }
    }

    private static void restrict(JvmTensor lp, JvmTensor m, int[] shape, double[] out) {
        if (Arrays.equals(lp.shape, shape) && Arrays.equals(m.shape, shape)) {
            // nothing broadcasts (a likelihood's log densities and their data): no index arrays per gradient
            for (int i = 0; i < out.length; i++) {
                double inside = m.data[i];
                out[i] = inside == 1.0 ? lp.data[i] : inside == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            return;
        }
        int[] il = Broadcasting.sourceIndex(lp.shape, shape);
        int[] im = Broadcasting.sourceIndex(m.shape, shape);
        for (int i = 0; i < out.length; i++) {
            double inside = m.data[im[i]];
            out[i] = inside == 1.0 ? lp.data[il[i]] : inside == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
    }

    /** 1 where {@code m} is {@code selected}, else 0: where the gradient passes, as a constant. */
    private static JvmTensor passing(JvmTensor m, boolean onlyOnes, int[] shape) {
        int[] im = Arrays.equals(m.shape, shape) ? null : Broadcasting.sourceIndex(m.shape, shape);
        double[] pass = new double[Broadcasting.size(shape)];
        for (int i = 0; i < pass.length; i++) {
            double inside = m.data[im == null ? i : im[i]];
            pass[i] = (onlyOnes ? inside == 1.0 : inside != 0.0) ? 1.0 : 0.0;
        }
        return JvmTensor.wrap(pass, shape);
    }

    /** The indicator's rule: recomputed from the value, no gradient (the indicator is locally constant). */
    private static final class IndicatorRule implements Backward, Recomputable {
        private final DoublePredicate inside;

        IndicatorRule(DoublePredicate inside) {
            this.inside = inside;
        }

        void fill(double[] v, double[] mask) {
            for (int i = 0; i < v.length; i++) {
                mask[i] = Double.isNaN(v[i]) ? Double.NaN : inside.test(v[i]) ? 1.0 : 0.0;
            }
        }

        @Override
        public void recompute(JvmTensor node) {
            fill(node.parents[0].data, node.data);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {null};
        }

        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            // no gradient
        }
    }

    /** {@link #guard}'s rule: the gradient passes where the value was selected. */
    private static final class GuardRule implements Backward, Recomputable {
        private final double fill;

        GuardRule(double fill) {
            this.fill = fill;
        }

        @Override
        public void recompute(JvmTensor node) {
            guard(node.parents[0], node.parents[1], fill, node.shape, node.data);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor v = node.parents[0];
            return new JvmTensor[] {Elementwise.mul(g, passing(node.parents[1], false, node.shape)).sumTo(v.shape), null};
        }
    }

    /** {@link #restrict}'s rule: the gradient passes where the indicator is 1, summed to the density's shape. */
    private enum RestrictRule implements Backward, Recomputable {
        INSTANCE;

        @Override
        public void recompute(JvmTensor node) {
            restrict(node.parents[0], node.parents[1], node.shape, node.data);
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor lp = node.parents[0];
            return new JvmTensor[] {Elementwise.mul(g, passing(node.parents[1], true, node.shape)).sumTo(lp.shape), null};
        }
    }
}
