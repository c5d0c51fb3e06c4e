package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * log(1 + z²) as one operation that stays finite wherever z is, for the log densities of Cauchy,
 * HalfCauchy and Student's t: {@code z.square().log1p()} overflows to +∞ once z² does (|z| above about
 * 1.3e154), making those densities −∞ where the true value is about −2 log|z|.
 *
 * <p>Up to |z| = 2⁵⁰⁰ (about 3.3e150) the value is {@code Math.log1p(z * z)}, bit for bit what
 * {@code z.square().log1p()} gives; beyond, 2 log|z| + log1p(1/z²). Its derivatives of every order k ≥ 1
 * are operations of their own, from log(1 + z²) = 2 Re log(z + i):
 * fₖ(z) = 2 (−1)ᵏ⁻¹ (k − 1)! Re (z + i)⁻ᵏ, with (z + i)⁻¹ = (z − i)/(1 + z²) computed without forming
 * z² for |z| &gt; 1, so gradients, Hessians and third derivatives are finite (and right) for huge z too.
 */
public final class Log1pSquare {

    /** Beyond 2⁵⁰⁰ z² comes within a factor 2²⁴ of overflow, and 1/z² is below 1e-301 of 1. */
    static final double LARGE = 0x1p500;

    private Log1pSquare() {
    }

    /** log(1 + z²) elementwise, differentiable to every order and replayable. */
    public static Tensor log1pSquare(Tensor z) {
        if (!(z instanceof JvmTensor t)) {
            return z.square().log1p(); // a tensor of another engine: the plain chain
        }
        return derivative(0, t);
    }

    /** fₖ(z), the k-th derivative of log(1 + z²) (k = 0: the function itself), as an operation on z. */
    private static JvmTensor derivative(int k, JvmTensor z) {
        double[] out = new double[z.size()];
        kernel(k, z.data(), out);
        return JvmTensor.op1(out, z.shape, Rule.INSTANCE, k, z);
    }

    /** fₖ of each element of x into out: the operation's kernel, which its replay calls as well. */
    static void kernel(int k, double[] x, double[] out) {
        if (k == 0) {
            for (int i = 0; i < x.length; i++) {
                out[i] = value(x[i]);
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                out[i] = derivative(k, x[i]);
            }
        }
    }

    /** log(1 + z²); NaN for NaN, +∞ for ±∞. */
    static double value(double z) {
        double a = Math.abs(z);
        // a NaN fails the test and comes out NaN from the second form
        return a <= LARGE ? Math.log1p(z * z) : 2 * Math.log(a) + Math.log1p(1 / (z * z));
    }

    /** fₖ(z) for k ≥ 1: 2 (−1)ᵏ⁻¹ (k − 1)! Re wᵏ, w = (z + i)⁻¹; 0 at ±∞, NaN for NaN. */
    static double derivative(int k, double z) {
        double re;
        double im;
        if (Math.abs(z) <= 1) {
            double d = 1 + z * z;
            re = z / d;
            im = -1 / d;
        } else {
            // with t = 1/z: z/(1 + z²) = t/(1 + t²) and −1/(1 + z²) = −t²/(1 + t²), no z² to overflow
            double t = 1 / z;
            double d = 1 + t * t;
            re = t / d;
            im = -(t * t) / d;
        }
        double powerRe = re;
        double powerIm = im;
        double factor = 2;
        for (int j = 1; j < k; j++) {
            double r = powerRe * re - powerIm * im;
            powerIm = powerRe * im + powerIm * re;
            powerRe = r;
            factor *= -j;
        }
        return factor * powerRe;
    }

    /** fₖ with k in the node's {@code param}: the gradient is g·fₖ₊₁, itself an operation, so differentiable. */
    private enum Rule implements Backward, Recomputable {
        INSTANCE;

        @Override
        public void recompute(JvmTensor node) {
            kernel((int) node.param, node.parents[0].data(), node.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            return new JvmTensor[] {Elementwise.mul(g, derivative((int) node.param + 1, node.parents[0]))};
        }

        /** apply's product g·fₖ₊₁ elementwise, without building its tensors: the same values bit for bit. */
        @Override
        public void accumulate(JvmTensor node, double[] g, Gradients grads) {
            int k = (int) node.param + 1;
            double[] x = node.parents[0].data();
            double[] out = new double[g.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = g[i] * derivative(k, x[i]);
            }
            grads.add(node.parents[0], out);
        }
    }
}
