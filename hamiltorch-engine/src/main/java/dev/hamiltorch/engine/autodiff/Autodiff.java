package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * Reverse-mode differentiation over the graph recorded by {@link JvmTensor} operations, like
 * {@code torch.autograd.grad}: with {@code createGraph} the gradients are themselves recorded and can
 * be differentiated again.
 *
 * <p>A pass keeps its bookkeeping on the graph's nodes that depend on its inputs, so one graph must not
 * be differentiated with respect to the same variables from two threads at once (as in PyTorch);
 * different graphs, e.g. one per chain, may, even when they share a tensor captured from outside.
 */
public final class Autodiff {

    private static final JvmTensor[] NO_NODES = new JvmTensor[0];
    /** The seed of a scalar output's gradient; never modified (gradients are never updated in place). */
    private static final double[] ONE = {1.0};

    private Autodiff() {
    }

    /**
     * The gradients of a scalar {@code output} with respect to each of {@code inputs} (zeros for an
     * input the output does not depend on).
     *
     * @param createGraph whether to record the backward pass for higher derivatives
     */
    public static Tensor[] grad(Tensor output, Tensor[] inputs, boolean createGraph) {
        JvmTensor out = JvmTensor.of(output);
        if (out.size() != 1) {
            throw new IllegalArgumentException("output must be a scalar, its shape is "
                    + java.util.Arrays.toString(out.shape));
        }
        return grad(out, JvmTensor.scalarConstant(1.0).reshape(out.shape), inputs, createGraph);
    }

    /** The gradient of a scalar {@code output} with respect to one input. */
    public static Tensor grad(Tensor output, Tensor input, boolean createGraph) {
        return grad(output, new Tensor[] {input}, createGraph)[0];
    }

    /**
     * The vector–Jacobian products gᵀ ∂output/∂input for each input, with {@code gradOutput} of the
     * output's shape.
     */
    public static Tensor[] grad(Tensor output, Tensor gradOutput, Tensor[] inputs, boolean createGraph) {
        JvmTensor out = JvmTensor.of(output);
        JvmTensor seed = JvmTensor.of(gradOutput);
        if (!java.util.Arrays.equals(out.shape, seed.shape)) {
            throw new IllegalArgumentException("gradOutput shape " + java.util.Arrays.toString(seed.shape)
                    + " differs from output shape " + java.util.Arrays.toString(out.shape));
        }
        JvmTensor[] in = new JvmTensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = JvmTensor.of(inputs[i]);
        }
        return backpropagate(out, seed, in, createGraph);
    }

    /**
     * One backward pass. Nodes are marked with a token new to the pass and their topological position
     * ({@link JvmTensor#visitMark}, {@link JvmTensor#slot}) instead of being kept in maps, and
     * gradients accumulate in an array indexed by that position.
     */
    private static Tensor[] backpropagate(JvmTensor out, JvmTensor seed, JvmTensor[] in, boolean createGraph) {
        Object pass = new Object(); // unique to this pass, unlike a counter needs no atomics and never wraps
        JvmTensor[] order = topologicalOrder(out, null, in, pass);
        int n = out.requiresGrad ? out.slot + 1 : 0; // the root comes last in post-order
        Tensor[] result = new Tensor[in.length];
        boolean nd4j = !createGraph && onNd4j(order, n);
        if (createGraph || nd4j) {
            // with ND4J nodes and no graph wanted: the same rules, unrecorded, the gradients kept where they are
            JvmTensor[] grads = nd4j ? pausedPass(order, n, seed, pass) : recordedPass(order, n, seed, pass);
            for (int i = 0; i < in.length; i++) {
                JvmTensor x = in[i];
                JvmTensor g = x.visitMark == pass ? grads[x.slot] : x == out ? seed : null;
                result[i] = g != null ? g : JvmTensor.wrap(new double[x.size()], x.shape);
            }
        } else {
            double[][] grads = directPass(order, n, seed.data(), pass);
            for (int i = 0; i < in.length; i++) {
                JvmTensor x = in[i];
                double[] g = x.visitMark == pass ? grads[x.slot] : x == out ? seed.data() : null;
                result[i] = JvmTensor.wrap(g != null ? g : new double[x.size()], x.shape);
            }
        }
        return result;
    }

    /**
     * {@code grad(out, x, true)} for the scalar {@code out} of the engine, without the public entry's
     * conversions and checks: the recorded gradient of a target's Hessian and third derivatives.
     */
    static JvmTensor recordedGradient(JvmTensor out, JvmTensor x) {
        Object pass = new Object();
        JvmTensor seed = JvmTensor.scalarConstant(1.0).reshape(out.shape);
        JvmTensor[] order = topologicalOrder(out, x, null, pass);
        int n = out.requiresGrad ? out.slot + 1 : 0;
        JvmTensor[] grads = recordedPass(order, n, seed, pass);
        JvmTensor g = x.visitMark == pass ? grads[x.slot] : x == out ? seed : null;
        return g != null ? g : JvmTensor.wrap(new double[x.size()], x.shape);
    }

    /**
     * The gradient of the scalar {@code out} with respect to {@code x} by a pass that records no graph,
     * written into {@code gradient}; the caller has checked that {@code out} has one element.
     */
    static void gradient(JvmTensor out, JvmTensor x, double[] gradient) {
        Object pass = new Object();
        JvmTensor[] order = topologicalOrder(out, x, null, pass);
        int n = out.requiresGrad ? out.slot + 1 : 0;
        if (onNd4j(order, n)) {
            JvmTensor[] grads = pausedPass(order, n, JvmTensor.wrap(ONE, out.shape), pass);
            JvmTensor g = x.visitMark == pass ? grads[x.slot] : x == out ? JvmTensor.wrap(ONE, out.shape) : null;
            if (g == null) {
                java.util.Arrays.fill(gradient, 0, x.size(), 0.0);
            } else {
                System.arraycopy(g.data(), 0, gradient, 0, x.size());
            }
            return;
        }
        gradientAlong(order, n, out, x, new Gradients(pass, n), null, gradient);
    }

    /** Whether a node of the first n of {@code order} is on ND4J storage. */
    private static boolean onNd4j(JvmTensor[] order, int n) {
        for (int k = 0; k < n; k++) {
            if (order[k].nd4j != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The gradients of a graph with nodes on ND4J: the differentiable rules with recording paused, so
     * the large gradients stay on ND4J's kernels instead of the JVM arrays of the rules' fast paths
     * ({@link Backward#accumulate}, a JVM-storage optimisation).
     */
    private static JvmTensor[] pausedPass(JvmTensor[] order, int n, JvmTensor seed, Object pass) {
        GradMode.pause();
        try {
            JvmTensor[] grads = new JvmTensor[n];
            // a vector's gradient gathered from its slices in one array (a network's θ and its blocks),
            // instead of one zero-padded copy of the vector per slice and a sum of them
            double[][] sliced = new double[n][];
            if (n > 0) {
                grads[n - 1] = seed;
            }
            for (int k = n - 1; k >= 0; k--) {
                JvmTensor node = order[k];
                if (sliced[k] != null) {
                    JvmTensor s = JvmTensor.wrap(sliced[k], node.shape);
                    grads[k] = grads[k] == null ? s : grads[k].add(s);
                }
                JvmTensor g = grads[k];
                if (g == null || node.backward == null) {
                    continue;
                }
                JvmTensor parent = node.parents != null && node.parents.length == 1 ? node.parents[0] : null;
                if (node.backward == ShapeOps.Rule.SLICE && parent.shape.length == 1 && parent.visitMark == pass) {
                    double[] into = sliced[parent.slot];
                    if (into == null) {
                        into = new double[parent.size()];
                        sliced[parent.slot] = into;
                    }
                    double[] v = g.data();
                    int from = (int) node.param;
                    for (int i = 0; i < v.length; i++) {
                        into[from + i] += v[i];
                    }
                    continue;
                }
                accumulateParents(node, node.backward.apply(node, g), grads, pass);
            }
            return grads;
        } finally {
            GradMode.resume();
        }
    }

    /** Adds the parents' gradients {@code parentGrads} of {@code node} into {@code grads}. */
    private static void accumulateParents(JvmTensor node, JvmTensor[] parentGrads, JvmTensor[] grads, Object pass) {
        JvmTensor[] parents = node.parents;
        for (int p = 0; p < parents.length; p++) {
            JvmTensor pg = parentGrads[p];
            JvmTensor parent = parents[p];
            // unvisited: a constant, or a leaf that is not an input, whose gradient nobody asked for
            if (pg == null || parent.visitMark != pass) {
                continue;
            }
            Gradients.checkShape(pg, parent);
            JvmTensor sum = grads[parent.slot];
            grads[parent.slot] = sum == null ? pg : sum.add(pg);
        }
    }

    /**
     * The gradient of the scalar {@code out} with respect to {@code x}, written into the first D entries
     * of {@code gradient}, by a pass that records no graph over the first {@code n} nodes of
     * {@code order}, with {@code grads} of the ordering's mark, empty, and the rules of {@code rules}
     * where given (see {@link #directPass(JvmTensor[], int, double[], Gradients, Backward[])}).
     */
    static void gradientAlong(JvmTensor[] order, int n, JvmTensor out, JvmTensor x, Gradients grads, Backward[] rules,
                              double[] gradient) {
        double[][] gs = directPass(order, n, ONE, grads, rules);
        double[] g = x.visitMark == grads.pass ? gs[x.slot] : x == out ? ONE : null;
        if (g == null) {
            java.util.Arrays.fill(gradient, 0, x.size(), 0.0);
        } else {
            System.arraycopy(g, 0, gradient, 0, g.length);
        }
    }

    /**
     * The gradients of the entries {@code from} to {@code to − 1} of the vector {@code out} with
     * respect to {@code x} (zeros where it does not depend on {@code x}), by passes that record no
     * graph and share one topological order; row {@code j − from} holds that of entry j. The rows are
     * never modified by this class and may share arrays with each other.
     */
    static double[][] unitVectorJacobianRows(JvmTensor out, JvmTensor x, int from, int to) {
        Object pass = new Object();
        // the passes only read the marks and slots, so one ordering serves them all
        JvmTensor[] order = topologicalOrder(out, x, null, pass);
        int n = out.requiresGrad ? out.slot + 1 : 0;
        double[][] rows = new double[to - from][];
        boolean nd4j = onNd4j(order, n);
        for (int j = from; j < to; j++) {
            double[] seed = new double[out.size()];
            seed[j] = 1.0;
            double[] g;
            if (nd4j) {
                JvmTensor[] grads = pausedPass(order, n, JvmTensor.wrap(seed, out.shape), pass);
                JvmTensor gx = x.visitMark == pass ? grads[x.slot] : null;
                g = gx != null ? gx.data() : x == out ? seed : null;
            } else {
                double[][] grads = directPass(order, n, seed, pass);
                g = x.visitMark == pass ? grads[x.slot] : x == out ? seed : null;
            }
            rows[j - from] = g != null ? g : new double[x.size()];
        }
        return rows;
    }

    /**
     * As {@link #unitVectorJacobianRows} for entries 0 to {@code to − 1}, but recorded, so that each row
     * can be differentiated again; a row that does not depend on {@code x} is a constant of zeros.
     */
    static JvmTensor[] recordedUnitVectorJacobianRows(JvmTensor out, JvmTensor x, int to) {
        Object pass = new Object();
        // recording makes new nodes only, so the marks and slots of this ordering stay valid
        JvmTensor[] order = topologicalOrder(out, x, null, pass);
        int n = out.requiresGrad ? out.slot + 1 : 0;
        JvmTensor[] rows = new JvmTensor[to];
        for (int j = 0; j < to; j++) {
            double[] e = new double[out.size()];
            e[j] = 1.0;
            JvmTensor seed = JvmTensor.wrap(e, out.shape);
            JvmTensor[] grads = recordedPass(order, n, seed, pass);
            JvmTensor g = x.visitMark == pass ? grads[x.slot] : x == out ? seed : null;
            rows[j] = g != null ? g : JvmTensor.wrap(new double[x.size()], x.shape);
        }
        return rows;
    }

    /** Gradients as recorded tensors, so that they can be differentiated again. */
    private static JvmTensor[] recordedPass(JvmTensor[] order, int n, JvmTensor seed, Object pass) {
        JvmTensor[] grads = new JvmTensor[n];
        if (n > 0) {
            grads[n - 1] = seed;
        }
        for (int k = n - 1; k >= 0; k--) {
            JvmTensor node = order[k];
            JvmTensor g = grads[k];
            if (g == null || node.backward == null) {
                continue;
            }
            accumulateParents(node, node.backward.apply(node, g), grads, pass);
        }
        return grads;
    }

    /** Gradients as plain arrays: each rule's {@link Backward#accumulate}, no graph, no tensors. */
    private static double[][] directPass(JvmTensor[] order, int n, double[] seed, Object pass) {
        return directPass(order, n, seed, new Gradients(pass, n), null);
    }

    /**
     * {@link #directPass} into {@code grads}, empty and of {@code n} nodes (a tape reuses one), on JVM
     * storage only (callers take {@link #pausedPass} where a node is on ND4J), with
     * the rule of node k taken from {@code rules[k]} (none where null) instead of the node when
     * {@code rules} is given: a tape's fused operations.
     */
    static double[][] directPass(JvmTensor[] order, int n, double[] seed, Gradients grads, Backward[] rules) {
        if (n == 0) {
            return grads.data;
        }
        grads.data[n - 1] = seed;
        try {
            for (int k = n - 1; k >= 0; k--) {
                JvmTensor node = order[k];
                double[] g = grads.data[k];
                Backward rule = rules == null ? node.backward : rules[k];
                if (g != null && rule != null) {
                    rule.accumulate(node, g, grads);
                }
            }
        } finally {
            grads.close();
        }
        return grads.data;
    }

    /**
     * Nodes that require gradients and lead to the output, each after all of its parents (iterative
     * post-order DFS), marked with {@code pass} and numbered by {@link JvmTensor#slot}. Leaves other
     * than the input {@code x} or {@code inputs} are left out: nothing is accumulated for them.
     */
    static JvmTensor[] topologicalOrder(JvmTensor root, JvmTensor x, JvmTensor[] inputs, Object pass) {
        if (!root.requiresGrad) {
            return NO_NODES;
        }
        if (TraceWatch.open != 0) {
            // a derivative taken inside a recorded density: its values are not recomputed by a replay
            TraceWatch.leftGraph(root, "a derivative was taken inside the density");
        }
        // the variables the inputs depend on: a node that depends on none of them cannot lead to an input
        JvmTensor[] wanted = x != null ? x.sources : null;
        for (int i = 0; inputs != null && i < inputs.length; i++) {
            wanted = JvmTensor.union(wanted, inputs[i].sources);
        }
        JvmTensor[] order = new JvmTensor[16];
        int count = 0;
        // a node's slot holds the index of its next parent to visit while it is on the stack
        JvmTensor[] stack = new JvmTensor[16];
        int top = 1;
        stack[0] = root;
        root.visitMark = pass;
        root.slot = 0;
        while (top > 0) {
            JvmTensor node = stack[top - 1];
            JvmTensor[] parents = node.parents;
            int i = node.slot;
            if (parents != null && i < parents.length) {
                node.slot = i + 1;
                JvmTensor p = parents[i];
                if (p.requiresGrad && p.visitMark != pass && (p.parents != null
                        ? p.sources == wanted || leadsTo(p, wanted)
                        : p == x || inputs != null && JvmTensor.contains(inputs, p))) {
                    p.visitMark = pass;
                    p.slot = 0;
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, 2 * top);
                    }
                    stack[top++] = p;
                }
            } else {
                top--;
                if (count == order.length) {
                    order = java.util.Arrays.copyOf(order, 2 * count);
                }
                node.slot = count;
                order[count++] = node;
            }
        }
        return order;
    }

    /**
     * Whether the operation's result {@code p} depends on one of the variables {@code wanted}: nodes
     * that do not are skipped, so that a pass never marks a tensor it has no business with (one
     * captured from outside the density, which other threads may be differentiating).
     */
    private static boolean leadsTo(JvmTensor p, JvmTensor[] wanted) {
        if (wanted == null) {
            return false;
        }
        for (JvmTensor v : wanted) {
            if (p.dependsOn(v)) {
                return true;
            }
        }
        return false;
    }
}
