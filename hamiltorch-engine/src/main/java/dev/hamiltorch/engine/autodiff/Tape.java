package dev.hamiltorch.engine.autodiff;

/**
 * A log density's graph, recorded once and replayed at every new θ (taping, as in ADOL-C and CppAD):
 * θ is written into the variable's data, each operation {@link Recomputable#recompute recomputes} its
 * output in place in the recorded order, and the backward pass walks that same order. A replay
 * therefore skips the density's Java code, the graph's allocation and its ordering, and gives the
 * values an eager evaluation at θ gives, bit for bit.
 *
 * <p>A graph is replayable when nothing in its recorded evaluation depended on θ outside the graph (see
 * {@link TraceWatch}) and every operation on the path from θ to the output is {@link Recomputable}. The
 * path holds only nodes that depend on θ, so were made by the recorded evaluation and are the tape's
 * alone; anything else they read is fixed between evaluations.
 * A tape mutates its nodes: it belongs to one thread, and its nodes must not be handed to anyone else.
 */
final class Tape {

    private final JvmTensor x;
    private final JvmTensor output;
    /** Every node from θ to the output, each after its parents; the backward pass's order. */
    private final JvmTensor[] order;
    /** How many entries of {@link #order} are used. */
    private final int size;
    /** The operations of {@link #order}'s nodes, null for θ itself and for a node fused into its consumer. */
    private final Recomputable[] operations;
    /** The backward rules of {@link #order}'s nodes, the fused ones where operations were fused. */
    private final Backward[] rules;
    /** The gradients of this tape's backward passes, cleared for each; they read its ordering's mark. */
    private final Gradients grads;
    /** The thread that recorded the graph, the only one that may replay it. */
    final Thread owner;
    /** Whether a replay has overwritten the recorded evaluation's values (its tensors are stale then). */
    boolean replayed;
    /** Set while this tape's own backward pass runs: its rules read the nodes the replay just recomputed. */
    private boolean inOwnPass;

    private Tape(JvmTensor x, JvmTensor output, JvmTensor[] order, int size, Recomputable[] operations,
                 Backward[] rules, Object pass) {
        this.x = x;
        this.output = output;
        this.order = order;
        this.size = size;
        this.operations = operations;
        this.rules = rules;
        this.grads = new Gradients(pass, size);
        this.owner = Thread.currentThread();
        for (int k = 0; k < size; k++) {
            order[k].tape = this;
        }
    }

    /**
     * The tape of the scalar {@code output} of the variable {@code x}, or null if an operation on the
     * way cannot be recomputed or the output does not depend on anything that requires gradients.
     */
    static Tape of(JvmTensor output, JvmTensor x) {
        if (!output.requiresGrad) {
            return null;
        }
        Object pass = new Object();
        JvmTensor[] order = Autodiff.topologicalOrder(output, x, null, pass);
        int size = output.slot + 1; // the output comes last in post-order
        Recomputable[] operations = new Recomputable[size];
        Backward[] rules = new Backward[size]; // θ's stays null: it has no rule
        // the order holds only nodes that depend on θ, so made by the recorded evaluation and the tape's
        // alone; whatever else they read (constants, tensors captured from outside) is fixed
        for (int k = 0; k < size; k++) {
            JvmTensor node = order[k];
            if (node == x) {
                continue;
            }
            // replay recomputes JVM arrays in place: a storage optimisation of the JVM backend only
            if (node.nd4j != null || !(node.backward instanceof Recomputable r)) {
                return null;
            }
            rules[k] = node.backward;
            operations[k] = r;
        }
        fuseSummedDensities(order, size, output, operations, rules, pass);
        return new Tape(x, output, order, size, operations, rules, pass);
    }

    /**
     * Replaces each sum of a normal or Bernoulli density that nothing else reads by one fused operation
     * (see {@link FusedDensities#summed}): log densities are mostly such sums, and at a few elements
     * the sum's own bookkeeping costs as much as its arithmetic. Kept: about 20 % faster on the JMH suite's
     * 20,000-iteration gaussian3d (median of 7 interleaved forks, loaded machine; see the README).
     */
    private static void fuseSummedDensities(JvmTensor[] order, int size, JvmTensor output, Recomputable[] operations,
                                            Backward[] rules, Object pass) {
        int[] readers = new int[size];
        for (int k = 0; k < size; k++) {
            JvmTensor[] parents = order[k].parents;
            for (int j = 0; parents != null && j < parents.length; j++) {
                if (parents[j].visitMark == pass) {
                    readers[parents[j].slot]++;
                }
            }
        }
        for (int k = 0; k < size; k++) {
            if (operations[k] != Reductions.Rule.SUM) {
                continue;
            }
            JvmTensor summed = order[k].parents[0];
            Recomputable fused = summed.visitMark == pass && summed != output && readers[summed.slot] == 1
                    ? FusedDensities.summed(summed) : null;
            if (fused != null) {
                operations[summed.slot] = null;
                rules[summed.slot] = null;
                operations[k] = fused;
                rules[k] = (Backward) fused;
            }
        }
    }

    /** The output recomputed at {@code theta} (D values, copied into θ's data). */
    double logDensity(double[] theta) {
        if (!replayed) {
            replayed = true;
        }
        System.arraycopy(theta, 0, x.data(), 0, x.size());
        for (int k = 0; k < size; k++) {
            Recomputable operation = operations[k];
            if (operation != null) {
                operation.recompute(order[k]);
            }
        }
        return output.data()[0];
    }

    /** The output at {@code theta}, with its gradient written into {@code gradient}. */
    double logDensityAndGradient(double[] theta, double[] gradient) {
        double value = logDensity(theta);
        gradient(gradient);
        return value;
    }

    /** The output's value at the last θ evaluated. */
    double output() {
        return output.data()[0];
    }

    /** The gradient at the last replayed θ, by a backward pass over the recorded order. */
    void gradient(double[] gradient) {
        grads.clear();
        inOwnPass = true;
        try {
            Autodiff.gradientAlong(order, size, output, x, grads, rules, gradient);
        } finally {
            inOwnPass = false;
        }
    }

    /**
     * Whether this tape's nodes hold values of a later θ than the one they were recorded at, for the
     * reader on the current thread: after a replay they do, except to the tape's own backward pass on
     * its owner thread, whose rules (e.g. softplus's, which takes the sigmoid of its input) read the
     * values the replay has just recomputed.
     */
    boolean stale() {
        return replayed && !(inOwnPass && owner == Thread.currentThread());
    }
}
