package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient convention of cholesky, solve and logdet with the matrix A itself as the variable
 * (see {@link LinearAlgebra}): they are functions of (A + Aᵀ)/2, so the gradient is symmetric and
 * perturbing one entry A_ij alone changes the result by h·Ā_ij, for entries above and below the
 * diagonal. Single-entry perturbations must stay inside the symmetry tolerance (1e-8 relative), so
 * they use h = 2e-9 and a looser tolerance; symmetric pair perturbations use the usual h.
 */
class SymmetricConventionTest {

    private static final double[][] A = {{2.5, 0.4, -0.3}, {0.4, 1.8, 0.2}, {-0.3, 0.2, 1.2}};
    private static final double SMALL_H = 2e-9;

    static Stream<Named<Function<Tensor, Tensor>>> functions() {
        Tensor b = Tensor.of(0.7, -1.1, 0.4);
        Tensor bm = Tensor.of(new double[][] {{0.7, 0.2}, {-1.1, 0.5}, {0.4, -0.9}});
        return Stream.of(
                Named.of("cholesky", a -> DerivativeCheck.probe(a.cholesky())),
                Named.of("solve (vector b)", a -> DerivativeCheck.probe(a.solve(b))),
                Named.of("solve (matrix b)", a -> DerivativeCheck.probe(a.solve(bm))),
                Named.of("logdet", a -> DerivativeCheck.probe(a.logdet())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void gradientIsSymmetricAndMatchesSingleEntryPerturbations(Function<Tensor, Tensor> f) {
        double[] a = flat(A);
        double[] g = gradient(f, a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(g[i * 3 + j], g[j * 3 + i], 1e-12, "symmetry at (" + i + ", " + j + ")");
                double[] plus = a.clone();
                double[] minus = a.clone();
                plus[i * 3 + j] += SMALL_H;
                minus[i * 3 + j] -= SMALL_H;
                double fd = (value(f, plus) - value(f, minus)) / (2 * SMALL_H);
                assertEquals(fd, g[i * 3 + j], 1e-5 * Math.max(1, Math.abs(fd)), "single entry (" + i + ", " + j + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void secondDerivativesMatchPerturbationsOfTheGradient(Function<Tensor, Tensor> f) {
        double[] a = flat(A);
        double[][] h = hessian(f, a);
        for (int k = 0; k < 9; k++) {
            // symmetric pair perturbation (usual h) and single-entry perturbation (small h)
            int i = k / 3;
            int j = k % 3;
            double[] plus = a.clone();
            double[] minus = a.clone();
            plus[i * 3 + j] += DerivativeCheck.H;
            minus[i * 3 + j] -= DerivativeCheck.H;
            if (i != j) {
                plus[j * 3 + i] += DerivativeCheck.H;
                minus[j * 3 + i] -= DerivativeCheck.H;
            }
            double[] gp = gradient(f, plus);
            double[] gm = gradient(f, minus);
            double[] single = singleEntryColumn(f, a, k);
            for (int r = 0; r < 9; r++) {
                double pair = (gp[r] - gm[r]) / (2 * DerivativeCheck.H);
                double expected = i == j ? h[r][k] : h[r][i * 3 + j] + h[r][j * 3 + i];
                assertEquals(pair, expected, 1e-5 * Math.max(1, Math.abs(pair)), "pair (" + i + ", " + j + "), row " + r);
                assertEquals(single[r], h[r][k], 1e-4 * Math.max(1, Math.abs(single[r])),
                        "single entry (" + i + ", " + j + "), row " + r);
            }
        }
    }

    private static double[] singleEntryColumn(Function<Tensor, Tensor> f, double[] a, int k) {
        double[] plus = a.clone();
        double[] minus = a.clone();
        plus[k] += SMALL_H;
        minus[k] -= SMALL_H;
        double[] gp = gradient(f, plus);
        double[] gm = gradient(f, minus);
        double[] column = new double[9];
        for (int r = 0; r < 9; r++) {
            column[r] = (gp[r] - gm[r]) / (2 * SMALL_H);
        }
        return column;
    }

    private static double value(Function<Tensor, Tensor> f, double[] a) {
        return f.apply(Tensor.of(a, 3, 3)).item();
    }

    private static double[] gradient(Function<Tensor, Tensor> f, double[] a) {
        JvmTensor x = JvmTensor.variable(a, 3, 3);
        return Autodiff.grad(f.apply(x), x, false).toArray();
    }

    private static double[][] hessian(Function<Tensor, Tensor> f, double[] a) {
        JvmTensor x = JvmTensor.variable(a, 3, 3);
        Tensor g = Autodiff.grad(f.apply(x), x, true);
        double[][] h = new double[9][];
        for (int r = 0; r < 9; r++) {
            double[] e = new double[9];
            e[r] = 1;
            h[r] = Autodiff.grad(g, Tensor.of(e, 3, 3), new Tensor[] {x}, false)[0].toArray();
        }
        return h;
    }

    private static double[] flat(double[][] m) {
        return Stream.of(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
