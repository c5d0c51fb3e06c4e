package dev.hamiltorch.engine.autodiff;

/** Products and small dense factorizations. */
final class LinearAlgebra {

    private LinearAlgebra() {
    }

    static JvmTensor dot(JvmTensor a, JvmTensor b) {
        throw new UnsupportedOperationException("dot");
    }

    static JvmTensor matvec(JvmTensor a, JvmTensor v) {
        throw new UnsupportedOperationException("matvec");
    }

    static JvmTensor matmul(JvmTensor a, JvmTensor b) {
        throw new UnsupportedOperationException("matmul");
    }

    static JvmTensor transpose(JvmTensor a) {
        throw new UnsupportedOperationException("transpose");
    }

    static JvmTensor cholesky(JvmTensor a) {
        throw new UnsupportedOperationException("cholesky");
    }

    static JvmTensor solve(JvmTensor a, JvmTensor b) {
        throw new UnsupportedOperationException("solve");
    }

    static JvmTensor logdet(JvmTensor a) {
        throw new UnsupportedOperationException("logdet");
    }
}
