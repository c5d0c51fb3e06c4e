package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.testsupport.Probes;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * Checks first and second derivatives of a scalar function of several tensors against central finite
 * differences: the gradient against differences of the value, the Hessian (one-hot vector–Jacobian
 * products of a recorded gradient) against differences of the analytic gradient.
 */
final class DerivativeCheck {

    static final double H = 1e-5;
    static final double GRADIENT_TOLERANCE = 1e-6;
    static final double HESSIAN_TOLERANCE = 1e-5;

    /** A named scalar function of tensors of the given shapes, checked at the given values. */
    record Case(int[][] shapes, double[][] values, Function<Tensor[], Tensor> f) {
    }

    private DerivativeCheck() {
    }

    // ---- building cases -------------------------------------------------------------------------------

    /** A case of one input. */
    static Named<Case> named(String name, double[] x, int[] shape, Function<Tensor, Tensor> op) {
        return Named.of(name, new Case(new int[][] {shape}, new double[][] {x}, in -> probe(op.apply(in[0]))));
    }

    /** A case of two inputs. */
    static Named<Case> named(String name, double[] x, int[] sx, double[] y, int[] sy,
            java.util.function.BiFunction<Tensor, Tensor, Tensor> op) {
        return Named.of(name, new Case(new int[][] {sx, sy}, new double[][] {x, y},
                in -> probe(op.apply(in[0], in[1]))));
    }

    /** A case of any number of inputs. */
    static Named<Case> namedN(String name, int[][] shapes, double[][] values, Function<Tensor[], Tensor> op) {
        return Named.of(name, new Case(shapes, values, in -> probe(op.apply(in))));
    }

    /**
     * Σ w₁·y + Σ w₂·sin(y) with fixed pseudo-random weights of y's shape: a scalar that sees every
     * element of y, with a non-trivial second derivative even for ops linear in their inputs.
     */
    static Tensor probe(Tensor y) {
        return Probes.probe(y, 1234);
    }

    /** n values uniform in [lo, hi), seeded. */
    static double[] uniform(long seed, int n, double lo, double hi) {
        return Probes.uniform(seed, n, lo, hi);
    }

    /** n values with |v| in [lo, hi) and random signs, seeded. */
    static double[] awayFromZero(long seed, int n, double lo, double hi) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (lo + (hi - lo) * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
        }
        return v;
    }

    static int[] shape(int... s) {
        return s;
    }

    // ---- checking ---------------------------------------------------------------------------------------

    /** Asserts that the gradient and the Hessian agree with central finite differences. */
    static void check(Case c) {
        checkGradient(c);
        checkHessian(c);
    }

    static void checkGradient(Case c) {
        double[] x = flatten(c.values());
        double[] analytic = gradient(c, x);
        double[] numeric = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += H;
            minus[i] -= H;
            numeric[i] = (value(c, plus) - value(c, minus)) / (2 * H);
        }
        assertClose("gradient", numeric, analytic, GRADIENT_TOLERANCE);
    }

    static void checkHessian(Case c) {
        double[] x = flatten(c.values());
        double[][] analytic = hessian(c, x);
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += H;
            minus[i] -= H;
            double[] gp = gradient(c, plus);
            double[] gm = gradient(c, minus);
            double[] column = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                column[j] = (gp[j] - gm[j]) / (2 * H);
            }
            double[] analyticColumn = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                analyticColumn[j] = analytic[j][i];
            }
            assertClose("Hessian column " + i, column, analyticColumn, HESSIAN_TOLERANCE);
        }
    }

    static void assertClose(String what, double[] expected, double[] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            assertTrue(err <= tolerance * Math.max(1.0, Math.abs(expected[i])),
                    what + "[" + i + "]: finite differences " + expected[i] + ", autodiff " + actual[i]
                            + "\n  expected " + Arrays.toString(expected) + "\n  actual   " + Arrays.toString(actual));
        }
    }

    // ---- evaluation -----------------------------------------------------------------------------------------

    static double value(Case c, double[] x) {
        return c.f().apply(split(c, x, false)).item();
    }

    /** ∇f at x, by one backward pass. */
    static double[] gradient(Case c, double[] x) {
        Tensor[] in = split(c, x, true);
        Tensor y = c.f().apply(in);
        Tensor[] g = Autodiff.grad(y, in, false);
        return flatten(g);
    }

    /** ∇²f at x: row (p, i) is the vector–Jacobian product of the recorded gradient with e_(p,i). */
    static double[][] hessian(Case c, double[] x) {
        Tensor[] in = split(c, x, true);
        Tensor y = c.f().apply(in);
        Tensor[] g = Autodiff.grad(y, in, true);
        double[][] h = new double[x.length][];
        int row = 0;
        for (int p = 0; p < in.length; p++) {
            int n = in[p].size();
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                e[i] = 1.0;
                h[row++] = flatten(Autodiff.grad(g[p], Tensor.of(e, in[p].shape()), in, false));
            }
        }
        return h;
    }

    private static Tensor[] split(Case c, double[] x, boolean variables) {
        Tensor[] in = new Tensor[c.shapes().length];
        int offset = 0;
        for (int p = 0; p < in.length; p++) {
            int n = Broadcasting.size(c.shapes()[p]);
            double[] v = Arrays.copyOfRange(x, offset, offset + n);
            in[p] = variables ? JvmTensor.variable(v, c.shapes()[p]) : Tensor.of(v, c.shapes()[p]);
            offset += n;
        }
        return in;
    }

    private static double[] flatten(double[][] parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] flatten(Tensor[] parts) {
        return Arrays.stream(parts).flatMapToDouble(t -> Arrays.stream(t.toArray())).toArray();
    }
}
