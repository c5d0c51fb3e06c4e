package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode differentiation over the graph recorded by {@link JvmTensor} operations, like
 * {@code torch.autograd.grad}: with {@code createGraph} the gradients are themselves recorded and can
 * be differentiated again.
 */
public final class Autodiff {

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
        if (out.data.length != 1) {
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
        Map<JvmTensor, JvmTensor> grads = backpropagate(out, seed, createGraph);
        Tensor[] result = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) {
            JvmTensor g = grads.get(in[i]);
            result[i] = g != null ? g : JvmTensor.wrap(new double[in[i].data.length], in[i].shape);
        }
        return result;
    }

    private static Map<JvmTensor, JvmTensor> backpropagate(JvmTensor out, JvmTensor seed, boolean createGraph) {
        List<JvmTensor> order = topologicalOrder(out);
        Map<JvmTensor, JvmTensor> grads = new IdentityHashMap<>(order.size() * 2);
        grads.put(out, seed);
        GradMode.Pause pause = createGraph ? null : GradMode.pause();
        try {
            for (int k = order.size() - 1; k >= 0; k--) {
                JvmTensor node = order.get(k);
                JvmTensor g = grads.get(node);
                if (g == null || node.backward == null) {
                    continue;
                }
                JvmTensor[] parentGrads = node.backward.apply(g);
                JvmTensor[] parents = node.parents;
                for (int p = 0; p < parents.length; p++) {
                    JvmTensor pg = parentGrads[p];
                    if (pg == null || !parents[p].requiresGrad) {
                        continue;
                    }
                    // a wrong shape here would broadcast silently in the merge below
                    assert java.util.Arrays.equals(pg.shape, parents[p].shape) : "backward rule returned shape "
                            + java.util.Arrays.toString(pg.shape) + " for a parent of shape "
                            + java.util.Arrays.toString(parents[p].shape);
                    grads.merge(parents[p], pg, JvmTensor::add);
                }
            }
        } finally {
            if (pause != null) {
                pause.close();
            }
        }
        return grads;
    }

    /** Nodes that require gradients, each after all of its parents (iterative post-order DFS). */
    private static List<JvmTensor> topologicalOrder(JvmTensor root) {
        List<JvmTensor> order = new ArrayList<>();
        if (!root.requiresGrad) {
            return order;
        }
        IdentityHashMap<JvmTensor, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<JvmTensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        stack.push(root);
        next.push(0);
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            JvmTensor node = stack.peek();
            int i = next.pop();
            JvmTensor[] parents = node.parents;
            if (parents != null && i < parents.length) {
                next.push(i + 1);
                JvmTensor p = parents[i];
                if (p.requiresGrad && visited.put(p, Boolean.TRUE) == null) {
                    stack.push(p);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
    }
}
