package dev.hamiltorch.engine.autodiff;

import java.util.Arrays;

/**
 * The gradients of one backward pass that records no graph, as arrays indexed by the nodes'
 * {@link JvmTensor#slot}. Arrays stored here are never modified: a second contribution makes a new sum,
 * so a rule may hand over an array it shares (e.g. the incoming gradient itself).
 */
final class Gradients {

    final Object pass;
    final double[][] data;
    private boolean paused;

    Gradients(Object pass, int nodes) {
        this.pass = pass;
        this.data = new double[nodes][];
    }

    /** Empties the gradients for another pass over the same nodes. */
    void clear() {
        Arrays.fill(data, null);
    }

    /** Whether {@code parent} is on the pass, i.e. its gradient is wanted. */
    boolean wants(JvmTensor parent) {
        return parent.visitMark == pass;
    }

    /** Adds {@code contribution} (the parent's size) to the gradient of a parent on the pass. */
    void add(JvmTensor parent, double[] contribution) {
        assert contribution.length == parent.size() : "backward rule returned " + contribution.length
                + " values for a parent of shape " + Arrays.toString(parent.shape);
        int s = parent.slot;
        double[] sum = data[s];
        if (sum == null) {
            data[s] = contribution;
            return;
        }
        // old + new, in the order the graph-building pass adds them; a new array, as stored ones are shared
        double[] merged = new double[sum.length];
        for (int i = 0; i < merged.length; i++) {
            merged[i] = sum[i] + contribution[i];
        }
        data[s] = merged;
    }

    /** Switches recording off for the rest of the pass, for rules that run tensor operations. */
    void pauseRecording() {
        if (!paused) {
            paused = true;
            GradMode.pause();
        }
    }

    /** Ends the pass: resumes recording if it was paused. */
    void close() {
        if (paused) {
            paused = false;
            GradMode.resume();
        }
    }

    /** A wrong shape would broadcast silently when gradients are summed. */
    static void checkShape(JvmTensor pg, JvmTensor parent) {
        assert Arrays.equals(pg.shape, parent.shape) : "backward rule returned shape "
                + Arrays.toString(pg.shape) + " for a parent of shape " + Arrays.toString(parent.shape);
    }
}
