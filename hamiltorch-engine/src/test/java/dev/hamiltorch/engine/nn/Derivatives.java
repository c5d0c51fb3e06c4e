package dev.hamiltorch.engine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.testsupport.Probes;
import java.util.Arrays;
import java.util.function.Function;

/**
 * First, second and third derivatives of a scalar function of one vector z, by the api's reverse mode
 * ({@link Autograd}), checked against central finite differences in double precision: the gradient
 * against differences of the value, every Hessian column against differences of the gradient, and the
 * gradient of uᵀ∇²f w (a third-order contraction) against differences of the Hessian–vector product.
 */
final class Derivatives {

    static final double H = 1e-5;
    static final double GRADIENT_TOLERANCE = 1e-7;
    static final double HESSIAN_TOLERANCE = 1e-6;
    static final double THIRD_TOLERANCE = 1e-6;

    private Derivatives() {
    }

    /** {@link Probes#probe}: a scalar with non-zero derivatives of every order in every output element. */
    static Tensor probe(Tensor y) {
        return Probes.probe(y, 77);
    }

    static double[] uniform(long seed, int n, double lo, double hi) {
        return Probes.uniform(seed, n, lo, hi);
    }

    static double value(Function<Tensor, Tensor> f, double[] z) {
        return f.apply(Tensor.of(z)).item();
    }

    static double[] gradient(Function<Tensor, Tensor> f, double[] z) {
        Tensor v = Autograd.variable(z, z.length);
        return Autograd.grad(f.apply(v), v, false).toArray();
    }

    /** ∇²f(z) w, from the recorded gradient. */
    static double[] hessianVector(Function<Tensor, Tensor> f, double[] z, double[] w) {
        Tensor v = Autograd.variable(z, z.length);
        Tensor g = Autograd.grad(f.apply(v), v, true);
        return Autograd.grad(g.dot(Tensor.of(w)), v, false).toArray();
    }

    /** ∇(uᵀ ∇²f(z) w): the third derivatives contracted with u and w, from two recorded passes. */
    static double[] thirdContraction(Function<Tensor, Tensor> f, double[] z, double[] u, double[] w) {
        Tensor v = Autograd.variable(z, z.length);
        Tensor g = Autograd.grad(f.apply(v), v, true);
        Tensor hw = Autograd.grad(g.dot(Tensor.of(w)), v, true);
        return Autograd.grad(hw.dot(Tensor.of(u)), v, false).toArray();
    }

    /** Asserts the first three derivatives of {@code f} at {@code z}. */
    static void check(String name, Function<Tensor, Tensor> f, double[] z) {
        int d = z.length;
        double[] grad = gradient(f, z);
        double[] numeric = new double[d];
        for (int i = 0; i < d; i++) {
            numeric[i] = (value(f, shifted(z, i, H)) - value(f, shifted(z, i, -H))) / (2 * H);
        }
        assertClose(name + ": gradient", numeric, grad, GRADIENT_TOLERANCE);
        for (int i = 0; i < d; i++) {
            double[] column = hessianVector(f, z, unit(d, i));
            double[] gp = gradient(f, shifted(z, i, H));
            double[] gm = gradient(f, shifted(z, i, -H));
            double[] fd = new double[d];
            for (int j = 0; j < d; j++) {
                fd[j] = (gp[j] - gm[j]) / (2 * H);
            }
            assertClose(name + ": Hessian column " + i, fd, column, HESSIAN_TOLERANCE);
        }
        double[] u = uniform(3, d, -1, 1);
        double[] w = uniform(4, d, -1, 1);
        double[] third = thirdContraction(f, z, u, w);
        double[] fd = new double[d];
        for (int i = 0; i < d; i++) {
            fd[i] = (dot(u, hessianVector(f, shifted(z, i, H), w)) - dot(u, hessianVector(f, shifted(z, i, -H), w)))
                    / (2 * H);
        }
        assertClose(name + ": third derivatives ∇(uᵀ∇²f w)", fd, third, THIRD_TOLERANCE);
        assertTrue(Arrays.stream(third).anyMatch(t -> Math.abs(t) > 1e-3), name + ": third derivatives all ≈ 0,"
                + " the check would be empty");
    }

    static void assertClose(String what, double[] expected, double[] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            assertTrue(err <= tolerance * Math.max(1.0, Math.abs(expected[i])),
                    what + "[" + i + "]: finite differences " + expected[i] + ", autodiff " + actual[i]);
        }
    }

    private static double[] shifted(double[] z, int i, double h) {
        double[] s = z.clone();
        s[i] += h;
        return s;
    }

    private static double[] unit(int d, int i) {
        double[] e = new double[d];
        e[i] = 1.0;
        return e;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
