package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * log softmax along one axis, x − log Σ exp(x), as PyTorch's {@code nn.LogSoftmax(dim)}: log-probabilities
 * from logits, computed stably (shifted by the maximum).
 */
public final class LogSoftmax extends ParameterFree {

    private final int axis;

    private LogSoftmax(int axis) {
        this.axis = axis;
    }

    /** Along the last axis (the classes of an N × classes output). */
    public static LogSoftmax of() {
        return new LogSoftmax(-1);
    }

    /** Along {@code axis} (negative counts from the end). */
    public static LogSoftmax of(int axis) {
        return new LogSoftmax(axis);
    }

    @Override
    public Tensor apply(Tensor x) {
        int rank = x.rank();
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException("LogSoftmax axis = " + axis + " is out of range for an input of rank "
                    + rank);
        }
        int a = axis < 0 ? axis + rank : axis;
        int[] kept = x.shape();
        kept[a] = 1;
        return x.sub(x.logSumExp(a).reshape(kept));
    }

    /** Whether it runs along the last axis whatever the input's rank. */
    boolean lastAxis() {
        return axis == -1;
    }

    @Override
    public String toString() {
        return "LogSoftmax(axis=" + axis + ")";
    }
}
