package dev.hamiltorch.engine.autodiff;

/**
 * The vector–Jacobian product of one operation, written in differentiable tensor operations so that
 * the backward pass can itself be differentiated (Hessians, third-order contractions).
 */
@FunctionalInterface
interface Backward {

    /**
     * The gradients with respect to the parents of {@code node}, the operation's output, given the
     * gradient {@code g} with respect to it; an entry may be null for a parent that needs none.
     */
    JvmTensor[] apply(JvmTensor node, JvmTensor g);

    /**
     * Adds the same gradients, as plain arrays, into {@code grads}: the backward pass that records no
     * graph. Rules of common operations override this with loops that build no tensors; the results
     * must equal {@link #apply}'s bit for bit.
     */
    default void accumulate(JvmTensor node, double[] g, Gradients grads) {
        accumulateByApply(this, node, g, grads);
    }

    /** {@link #accumulate} by {@code rule}'s {@link #apply}, unrecorded: for rules whose fast path does not cover a case. */
    static void accumulateByApply(Backward rule, JvmTensor node, double[] g, Gradients grads) {
        grads.pauseRecording();
        JvmTensor[] parentGrads = rule.apply(node, JvmTensor.wrap(g, node.shape));
        JvmTensor[] parents = node.parents;
        for (int p = 0; p < parents.length; p++) {
            JvmTensor pg = parentGrads[p];
            if (pg != null && grads.wants(parents[p])) {
                Gradients.checkShape(pg, parents[p]);
                grads.add(parents[p], pg.data());
            }
        }
    }
}
