package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad shapes, axes and matrices are rejected with messages naming the argument and its value. */
class ErrorMessagesTest {

    private static final Tensor M = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private static final Tensor V = Tensor.of(1, 2, 3);

    private static void rejects(String message, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertEquals(message, x.getMessage());
    }

    @Test
    void broadcastingAndArithmetic() {
        rejects("shapes [2, 3] and [2] cannot be broadcast together", () -> M.add(Tensor.of(1, 2)));
        rejects("shapes [3] and [2] cannot be broadcast together", () -> V.pow(Tensor.of(1, 2)));
        rejects("clamp bounds lo = 1.0, hi = 0.0: need lo <= hi", () -> V.clamp(1, 0));
    }

    @Test
    void reductions() {
        rejects("axis = 2 is out of range for rank 2", () -> M.sum(2));
        rejects("axis = -3 is out of range for rank 2", () -> M.logSumExp(-3));
        rejects("axis = 0 is out of range for rank 0", () -> Tensor.scalar(1).max(0));
        rejects("max of an empty tensor, shape [0]", () -> Tensor.zeros(0).max());
        rejects("max over axis = 1 of length 0, shape [2, 0]", () -> Tensor.zeros(2, 0).max(1));
    }

    @Test
    void shapeOperations() {
        rejects("cannot reshape [2, 3] to [4]", () -> M.reshape(4));
        rejects("slice from = 2, to = 5 is out of range for axis 1 of length 3 (need 0 <= from <= to <= 3)",
                () -> M.slice(1, 2, 5));
        rejects("slice from = 2, to = 1 is out of range for axis 0 of length 3 (need 0 <= from <= to <= 3)",
                () -> V.slice(0, 2, 1));
        rejects("axis = 2 is out of range for rank 2", () -> M.slice(2, 0, 1));
        rejects("index(0) needs a tensor of rank >= 1, got a scalar", () -> Tensor.scalar(1).index(0));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> M.index(2));
        assertEquals("index i = 2 is out of range for axis 0 of length 2", e.getMessage());
        rejects("concat needs at least one tensor, parts is empty", () -> Tensor.concat(0));
        rejects("concat along axis 0: parts[1] has shape [2], incompatible with parts[0] of shape [2, 3]",
                () -> Tensor.concat(0, M, Tensor.of(1, 2)));
        rejects("concat along axis 1: parts[1] has shape [3, 1], incompatible with parts[0] of shape [2, 3]",
                () -> Tensor.concat(1, M, Tensor.zeros(3, 1)));
        rejects("stack: parts[1] has shape [2], expected the shape of parts[0], [3]",
                () -> Tensor.stack(0, V, Tensor.of(1, 2)));
        rejects("axis = 2 is out of range for rank 2", () -> Tensor.stack(2, V, V));
        rejects("stack needs at least one tensor, parts is empty", () -> Tensor.stack(0));
        rejects("shapes [2, 3] and [2] cannot be broadcast together", () -> Tensor.where(M, M, Tensor.of(1, 2)));
    }

    @Test
    void linearAlgebra() {
        rejects("dot needs two vectors of one length: this has shape [3], other has shape [2]",
                () -> V.dot(Tensor.of(1, 2)));
        rejects("matvec needs an m×n matrix and a vector of length n: this has shape [2, 3], vector has shape [2]",
                () -> M.matvec(Tensor.of(1, 2)));
        rejects("matmul needs an m×k and a k×n matrix: this has shape [2, 3], other has shape [2, 3]",
                () -> M.matmul(M));
        rejects("transpose needs a matrix, this has shape [3]", V::transpose);
        rejects("cholesky needs a square matrix, this has shape [2, 3]", M::cholesky);
        rejects("logdet needs a square matrix, this has shape [3]", V::logdet);
        Tensor spd = Tensor.of(new double[][] {{4, 2}, {2, 3}});
        rejects("solve needs b of shape [2] or [2, k] for a 2×2 matrix, b has shape [3]", () -> spd.solve(V));
        rejects("solve needs b of shape [2] or [2, k] for a 2×2 matrix, b has shape []", () -> spd.solve(Tensor.scalar(1)));
    }

    @Test
    void nonSpdMatricesAreRejected() {
        String prefix = "matrix is not symmetric positive-definite";
        Tensor indefinite = Tensor.of(new double[][] {{1, 2}, {2, 1}});
        Tensor asymmetric = Tensor.of(new double[][] {{2, 1}, {0, 2}});
        Tensor singular = Tensor.of(new double[][] {{1, 1}, {1, 1}});
        Tensor withNaN = Tensor.of(new double[][] {{1, 0}, {0, Double.NaN}});
        for (Tensor bad : new Tensor[] {indefinite, asymmetric, singular, withNaN}) {
            for (Executable op : new Executable[] {bad::cholesky, bad::logdet, () -> bad.solve(Tensor.of(1, 1))}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op);
                assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
            }
        }
        rejects(prefix + ": pivot 1 is -3.0", indefinite::cholesky);
        rejects(prefix + ": entries (1, 0) = 0.0 and (0, 1) = 1.0 differ", asymmetric::cholesky);
    }

    @Test
    void autodiffRejectsNonScalarOutputs() {
        JvmTensor x = JvmTensor.variable(new double[] {1, 2});
        rejects("output must be a scalar, its shape is [2]", () -> Autodiff.grad(x.mul(2.0), x, false));
    }
}
