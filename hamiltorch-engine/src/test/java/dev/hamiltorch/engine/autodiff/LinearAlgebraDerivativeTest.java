package dev.hamiltorch.engine.autodiff;

import static dev.hamiltorch.engine.autodiff.DerivativeCheck.named;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.namedN;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.shape;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.uniform;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * First and second derivatives of the products and the symmetric positive-definite operations. SPD
 * inputs are built as B Bᵀ + c I from a variable B, so finite differences of B move A symmetrically
 * (the single-entry convention is checked in {@link SymmetricConventionTest}).
 */
class LinearAlgebraDerivativeTest {

    static Tensor spd(Tensor b, double c) {
        int n = b.shape()[0];
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = c;
        }
        return b.matmul(b.transpose()).add(Tensor.of(eye, n, n));
    }

    static Stream<Named<DerivativeCheck.Case>> cases() {
        List<Named<DerivativeCheck.Case>> cases = new ArrayList<>();
        double[] b3 = uniform(51, 9, -1, 1);
        double[] b4 = uniform(52, 16, -1, 1);
        cases.add(namedN("dot", new int[][] {{4}, {4}}, new double[][] {uniform(53, 4, -2, 2), uniform(54, 4, -2, 2)},
                in -> in[0].dot(in[1])));
        cases.add(namedN("dot with itself", new int[][] {{4}}, new double[][] {uniform(55, 4, -2, 2)},
                in -> in[0].dot(in[0])));
        cases.add(namedN("matvec [2,3]·[3]", new int[][] {{2, 3}, {3}},
                new double[][] {uniform(56, 6, -2, 2), uniform(57, 3, -2, 2)}, in -> in[0].matvec(in[1])));
        cases.add(namedN("matmul [2,3]·[3,4]", new int[][] {{2, 3}, {3, 4}},
                new double[][] {uniform(58, 6, -1, 1), uniform(59, 12, -1, 1)}, in -> in[0].matmul(in[1])));
        cases.add(namedN("matmul Xᵀ X", new int[][] {{3, 2}}, new double[][] {uniform(60, 6, -1, 1)},
                in -> in[0].transpose().matmul(in[0])));
        cases.add(named("transpose [2,3]", uniform(61, 6, -2, 2), shape(2, 3), Tensor::transpose));
        cases.add(named("cholesky 3×3", b3, shape(3, 3), b -> spd(b, 2.0).cholesky()));
        cases.add(named("cholesky 4×4", b4, shape(4, 4), b -> spd(b, 1.5).cholesky()));
        cases.add(named("cholesky 1×1", new double[] {0.7}, shape(1, 1), b -> spd(b, 0.5).cholesky()));
        cases.add(named("cholesky, then log of its diagonal", b3, shape(3, 3),
                b -> spd(b, 2.0).cholesky().mul(Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})).sum(1).log()));
        cases.add(namedN("solve vector b", new int[][] {{3, 3}, {3}}, new double[][] {b3, uniform(62, 3, -2, 2)},
                in -> spd(in[0], 2.0).solve(in[1])));
        cases.add(namedN("solve matrix b [3,2]", new int[][] {{3, 3}, {3, 2}},
                new double[][] {b3, uniform(63, 6, -2, 2)}, in -> spd(in[0], 2.0).solve(in[1])));
        cases.add(namedN("solve, b constant", new int[][] {{4, 4}}, new double[][] {b4},
                in -> spd(in[0], 1.5).solve(Tensor.of(1, -2, 0.5, 3))));
        cases.add(namedN("quadratic form bᵀ A⁻¹ b", new int[][] {{3, 3}, {3}},
                new double[][] {b3, uniform(64, 3, -2, 2)}, in -> in[1].dot(spd(in[0], 2.0).solve(in[1]))));
        cases.add(named("logdet 3×3", b3, shape(3, 3), b -> spd(b, 2.0).logdet()));
        cases.add(named("logdet 4×4", b4, shape(4, 4), b -> spd(b, 1.5).logdet()));
        cases.add(namedN("triangularSolve L x = b", new int[][] {{3, 3}, {3}}, new double[][] {b3, uniform(65, 3, -2, 2)},
                in -> LinearAlgebra.triangularSolve(JvmTensor.of(spd(in[0], 2.0).cholesky()), JvmTensor.of(in[1]), false)));
        cases.add(namedN("triangularSolve Lᵀ X = B", new int[][] {{3, 3}, {3, 2}},
                new double[][] {b3, uniform(66, 6, -2, 2)},
                in -> LinearAlgebra.triangularSolve(JvmTensor.of(spd(in[0], 2.0).cholesky()), JvmTensor.of(in[1]), true)));
        // a free L: its upper triangle is not read, so its gradient there must be 0 as finite differences see
        cases.add(namedN("triangularSolve with a free L (upper triangle ignored)", new int[][] {{3, 3}, {3}},
                new double[][] {b3, uniform(67, 3, -2, 2)},
                in -> LinearAlgebra.triangularSolve(JvmTensor.of(in[0].add(Tensor.of(new double[][] {{3, 0, 0}, {0, 3, 0},
                        {0, 0, 3}}))), JvmTensor.of(in[1]), false)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstAndSecondDerivativesMatchFiniteDifferences(DerivativeCheck.Case c) {
        DerivativeCheck.check(c);
    }
}
