package dev.hamiltorch.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.Autodiff;
import dev.hamiltorch.engine.autodiff.JvmTensor;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Reference comparisons and finite-difference gradient checks shared by the distribution tests. */
final class Checks {

    /** Relative tolerance against the reference densities (relative to max(1, |expected|)). */
    static final double REL = 1e-10;

    private Checks() {
    }

    /** |actual − expected| ≤ 1e-10 · max(1, |expected|); infinities must match exactly. */
    static void assertClose(double expected, double actual, String where) {
        if (Double.isInfinite(expected) || Double.isNaN(expected)) {
            assertEquals(expected, actual, where);
            return;
        }
        double tol = REL * Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(actual - expected) <= tol,
                where + ": expected " + expected + ", got " + actual + " (difference "
                        + Math.abs(actual - expected) + " > " + tol + ")");
    }

    /**
     * Checks {@code actual} elementwise against {@code reference}, which maps the broadcast elements of
     * {@code args} (value first, then the parameters) to the expected log density.
     */
    static void assertLogProb(Tensor actual, ToDoubleFunction<double[]> reference, Tensor... args) {
        int[] shape = new int[0];
        for (Tensor a : args) {
            shape = broadcast(shape, a.shape());
        }
        assertArrayEquals(shape, actual.shape(), "result shape");
        int n = actual.size();
        double[] out = actual.toArray();
        double[][] data = new double[args.length][];
        int[][] src = new int[args.length][];
        for (int a = 0; a < args.length; a++) {
            data[a] = args[a].toArray();
            src[a] = sourceIndex(args[a].shape(), shape);
        }
        for (int i = 0; i < n; i++) {
            double[] point = new double[args.length];
            for (int a = 0; a < args.length; a++) {
                point[a] = data[a][src[a][i]];
            }
            assertClose(reference.applyAsDouble(point), out[i], "at " + Arrays.toString(point));
        }
    }

    /**
     * Compares the autodiff gradient of the scalar {@code f(x)} at {@code at} (of the given shape) with
     * central finite differences.
     */
    static void assertGradient(Function<Tensor, Tensor> f, double[] at, int... shape) {
        JvmTensor x = JvmTensor.variable(at, shape);
        double[] g = Autodiff.grad(f.apply(x), x, false).toArray();
        assertEquals(at.length, g.length);
        for (int i = 0; i < at.length; i++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(at[i]));
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (f.apply(JvmTensor.constant(up, shape)).item() - f.apply(JvmTensor.constant(down, shape)).item())
                    / (2 * h);
            assertTrue(Double.isFinite(g[i]), "gradient[" + i + "] = " + g[i]);
            assertEquals(fd, g[i], 1e-6 * Math.max(1.0, Math.abs(fd)), "gradient[" + i + "] at "
                    + Arrays.toString(at));
        }
    }

    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** For each element of {@code target}, the flat index of the element of {@code shape} broadcast onto it. */
    static int[] sourceIndex(int[] shape, int[] target) {
        int n = 1;
        for (int d : target) {
            n *= d;
        }
        int[] index = new int[n];
        int[] coord = new int[target.length];
        for (int i = 0; i < n; i++) {
            int flat = 0;
            for (int ax = 0; ax < shape.length; ax++) {
                int t = coord[ax + target.length - shape.length];
                flat = flat * shape[ax] + (shape[ax] == 1 ? 0 : t);
            }
            index[i] = flat;
            for (int ax = target.length - 1; ax >= 0 && ++coord[ax] == target[ax]; ax--) {
                coord[ax] = 0;
            }
        }
        return index;
    }
}
