package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.sampling.ChainRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A network, or any part of one: a {@link Model} f(θ, x) written in tensor operations, whose parameters
 * are the flat vector θ (see {@link #forward(Tensor, Tensor)}).
 *
 * <p><b>Parameter order.</b> θ is the concatenation of {@link #parameterBlocks()} in order, each block
 * flattened row-major: for layers, registration order and weight before bias, as hamiltorch's
 * {@code util.flatten}; a {@link Sequential} names its children's blocks {@code "0.weight"},
 * {@code "0.bias"}, {@code "3.weight"}, … by their index, as PyTorch's {@code state_dict}.
 *
 * <p><b>No state.</b> A module holds its architecture only. {@link #forward(Tensor, Tensor)} is a pure
 * function of (θ, x), so one module serves any number of chains at once, and taking derivatives of it
 * to any order (Hessians and third derivatives for RMHMC) needs nothing but the tensors.
 *
 * <p><b>Writing one's own module.</b> Extend this class with {@link #parameterBlocks()} (names and
 * shapes) and {@link #apply(List, Tensor)} (the output from the blocks as tensors, in any tensor
 * operations, loops included); override {@link #initialise(RandomGenerator, double[][])} to draw other
 * initial values than the default. Or, without a class, {@link #of(List, Forward)}. See
 * {@code docs/networks.md} for a recurrent cell written this way.
 */
public abstract class Module implements Model {

    /** For subclasses. */
    protected Module() {
    }

    /**
     * A module from its parameter blocks and a function of them, with the default initialisation
     * ({@link #initialise(RandomGenerator, double[][])}).
     *
     * @param blocks the parameter blocks, in the order they occupy θ
     * @param function the output from the blocks (as tensors of their shapes, in order) and the input
     */
    public static Module of(List<ParameterBlock> blocks, Forward function) {
        List<ParameterBlock> copy = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
        Objects.requireNonNull(function, "function");
        checkUniqueNames(copy);
        return new Module() {
            @Override
            public List<ParameterBlock> parameterBlocks() {
                return copy;
            }

            @Override
            public Tensor apply(List<Tensor> parameters, Tensor x) {
                return function.apply(parameters, x);
            }

            @Override
            public String toString() {
                return "Module" + copy;
            }
        };
    }

    /** A module's output as a function of its parameter tensors and its input. */
    @FunctionalInterface
    public interface Forward {

        /**
         * The output for input {@code x}.
         *
         * @param parameters one tensor per parameter block, of the block's shape, in order
         * @param x the input, first axis the batch
         */
        Tensor apply(List<Tensor> parameters, Tensor x);
    }

    /** The parameter tensors, in the order they occupy θ; empty for a module without parameters. */
    @Override
    public abstract List<ParameterBlock> parameterBlocks();

    /**
     * The output for input {@code x} (first axis the batch) given the parameters as tensors, one per
     * {@link #parameterBlocks() block}, of the block's shape; a pure function of its arguments.
     */
    public abstract Tensor apply(List<Tensor> parameters, Tensor x);

    /**
     * Draws initial values for the blocks into {@code values} (one array per block, of its size, in order,
     * zeros on entry) from {@code rng}, drawing them in θ's order.
     *
     * <p>The default is PyTorch's for {@code Linear} and {@code Conv2d} ({@code kaiming_uniform} with
     * a = √5 for weights, which is uniform on ±1/√fan_in, and the same bound for the bias): a block of rank
     * 2 or more is uniform on ±1/√fan_in with fan_in the product of its lengths after the first; a block
     * of rank 0 or 1 uses the fan_in of the closest block of rank 2 or more before it (the weight it is the
     * bias of), or its own length if there is none.
     */
    public void initialise(RandomGenerator rng, double[][] values) {
        List<ParameterBlock> blocks = parameterBlocks();
        int fanIn = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int[] shape = blocks.get(b).shape();
            if (shape.length >= 2) {
                fanIn = blocks.get(b).size() / shape[0];
            } else if (fanIn == 0) {
                fanIn = blocks.get(b).size();
            }
            uniform(rng, values[b], 1.0 / Math.sqrt(fanIn));
        }
    }

    /** Fills {@code values} with independent draws uniform on [−bound, bound), in order. */
    public static void uniform(RandomGenerator rng, double[] values, double bound) {
        for (int i = 0; i < values.length; i++) {
            values[i] = bound * (2.0 * rng.nextDouble() - 1.0);
        }
    }

    /**
     * The output for input {@code x} at parameters {@code theta}: θ cut into its blocks
     * ({@link #unflatten(Tensor)}), then {@link #apply(List, Tensor)}.
     *
     * @throws IllegalArgumentException if {@code theta} is not a vector of length {@link #parameterCount()}
     */
    @Override
    public final Tensor forward(Tensor theta, Tensor x) {
        return apply(unflatten(theta), Objects.requireNonNull(x, "x"));
    }

    /**
     * θ cut into the parameter tensors, one per block, of the blocks' shapes (hamiltorch's
     * {@code unflatten}); differentiable.
     *
     * @throws IllegalArgumentException if {@code theta} is not a vector of length {@link #parameterCount()}
     */
    public final List<Tensor> unflatten(Tensor theta) {
        Objects.requireNonNull(theta, "theta");
        List<ParameterBlock> blocks = parameterBlocks();
        int count = parameterCount();
        if (theta.rank() != 1 || theta.size() != count) {
            throw new IllegalArgumentException("theta has shape " + Arrays.toString(theta.shape()) + ", this module needs a"
                    + " vector of its " + count + " parameters");
        }
        List<Tensor> parts = new ArrayList<>(blocks.size());
        int offset = 0;
        for (ParameterBlock b : blocks) {
            int n = b.size();
            parts.add(theta.slice(0, offset, offset + n).reshape(b.shape()));
            offset += n;
        }
        return parts;
    }

    /**
     * Initial parameters drawn from {@code seed} by {@link #initialise(RandomGenerator, double[][])}
     * (PyTorch's defaults for the layers here), as the flat θ: the same seed gives the same vector.
     */
    public final Tensor initialParameters(long seed) {
        List<ParameterBlock> blocks = parameterBlocks();
        double[][] values = new double[blocks.size()][];
        for (int b = 0; b < values.length; b++) {
            values[b] = new double[blocks.get(b).size()];
        }
        initialise(ChainRandom.of(seed, 0), values);
        double[] theta = new double[parameterCount()];
        int offset = 0;
        for (double[] v : values) {
            System.arraycopy(v, 0, theta, offset, v.length);
            offset += v.length;
        }
        return Tensor.of(theta);
    }

    /** Fails on two blocks of one name, which would make θ's order ambiguous to a reader. */
    static void checkUniqueNames(List<ParameterBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (blocks.get(i).name().equals(blocks.get(j).name())) {
                    throw new IllegalArgumentException("two parameter blocks are named " + blocks.get(i).name());
                }
            }
        }
    }
}
