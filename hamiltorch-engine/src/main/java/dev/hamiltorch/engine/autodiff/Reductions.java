package dev.hamiltorch.engine.autodiff;

/** Sums, maxima and log-sum-exp over all elements or one axis. */
final class Reductions {

    private Reductions() {
    }

    static JvmTensor sum(JvmTensor a) {
        double s = 0;
        for (double v : a.data) {
            s += v;
        }
        int[] shape = a.shape;
        return JvmTensor.op(new double[] {s}, JvmTensor.SCALAR, g -> new JvmTensor[] {g.broadcastTo(shape)}, a);
    }

    static JvmTensor sum(JvmTensor a, int axis) {
        throw new UnsupportedOperationException("sum(axis)");
    }

    static JvmTensor max(JvmTensor a) {
        throw new UnsupportedOperationException("max");
    }

    static JvmTensor max(JvmTensor a, int axis) {
        throw new UnsupportedOperationException("max(axis)");
    }

    static JvmTensor logSumExp(JvmTensor a) {
        throw new UnsupportedOperationException("logSumExp");
    }

    static JvmTensor logSumExp(JvmTensor a, int axis) {
        throw new UnsupportedOperationException("logSumExp(axis)");
    }
}
