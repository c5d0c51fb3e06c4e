package dev.hamiltorch.likelihoods;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/** Class labels given as a tensor of integers: checks and the one-hot matrix that picks each row's class. */
final class Labels {

    private Labels() {
    }

    /** The number of rows of {@code t}: its first axis, 1 for a scalar. */
    static int rows(Tensor t) {
        return t.rank() == 0 ? 1 : t.shape()[0];
    }

    /**
     * Checks that {@code targets} holds one integer label in [0, classes) per row.
     *
     * @throws IllegalArgumentException naming the first bad label and its row
     */
    static void check(String likelihood, Tensor targets, int rows, int classes) {
        int[] shape = targets.shape();
        if (!(shape.length == 1 && shape[0] == rows) && !(shape.length == 2 && shape[0] == rows && shape[1] == 1)) {
            throw new IllegalArgumentException("targets of shape " + Arrays.toString(shape) + ": " + likelihood
                    + " needs one label per row of the output, shape [" + rows + "]");
        }
        double[] y = targets.toArray();
        for (int n = 0; n < y.length; n++) {
            if (y[n] != Math.rint(y[n]) || y[n] < 0 || y[n] >= classes) {
                throw new IllegalArgumentException("targets[" + n + "] = " + y[n] + ": " + likelihood
                        + " needs a label in 0.." + (classes - 1) + " (the model has " + classes + " outputs)");
            }
        }
    }

    /** The rows × classes matrix with a 1 at each row's label, a constant. */
    static Tensor oneHot(Tensor targets, int classes) {
        double[] y = targets.toArray();
        double[] hot = new double[y.length * classes];
        for (int n = 0; n < y.length; n++) {
            hot[n * classes + (int) y[n]] = 1;
        }
        return Tensor.of(hot, y.length, classes);
    }

    /**
     * The number of classes of a rows × classes output.
     *
     * @throws IllegalArgumentException if the output is not a matrix
     */
    static int classes(String likelihood, int[] outputShape) {
        if (outputShape.length != 2) {
            throw new IllegalArgumentException("model output of shape " + Arrays.toString(outputShape) + ": "
                    + likelihood + " needs a batch × classes matrix");
        }
        return outputShape[1];
    }
}
