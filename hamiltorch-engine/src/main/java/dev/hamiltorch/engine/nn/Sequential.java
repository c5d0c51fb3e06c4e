package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Modules applied one after the other, as PyTorch's {@code nn.Sequential}. Its parameters are its
 * children's in order, named by the child's index: {@code "0.weight"}, {@code "0.bias"},
 * {@code "3.weight"}, … (indices count every child, with or without parameters, as in PyTorch).
 */
public final class Sequential extends Module {

    private final List<Module> children;
    private final List<ParameterBlock> blocks;
    /** Where each child's blocks start in {@link #blocks}; one more entry for the end. */
    private final int[] firstBlock;

    private Sequential(List<Module> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one module, got none");
        }
        this.children = children;
        List<ParameterBlock> all = new ArrayList<>();
        firstBlock = new int[children.size() + 1];
        for (int i = 0; i < children.size(); i++) {
            firstBlock[i] = all.size();
            for (ParameterBlock b : children.get(i).parameterBlocks()) {
                all.add(new ParameterBlock(i + "." + b.name(), b.shape()));
            }
        }
        firstBlock[children.size()] = all.size();
        this.blocks = List.copyOf(all);
    }

    /** The modules {@code modules}, applied in order. */
    public static Sequential of(Module... modules) {
        Objects.requireNonNull(modules, "modules");
        for (int i = 0; i < modules.length; i++) {
            Objects.requireNonNull(modules[i], "modules[" + i + "]");
        }
        return new Sequential(List.of(modules));
    }

    /** The children, in order. */
    public List<Module> children() {
        return children;
    }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return blocks;
    }

    @Override
    public Tensor apply(List<Tensor> parameters, Tensor x) {
        if (parameters.size() != blocks.size()) {
            throw new IllegalArgumentException(this + " has " + blocks.size() + " parameter blocks, got "
                    + parameters.size() + " tensors");
        }
        Tensor h = x;
        for (int i = 0; i < children.size(); i++) {
            h = children.get(i).apply(parameters.subList(firstBlock[i], firstBlock[i + 1]), h);
        }
        return h;
    }

    /** Each child draws its own blocks, in order, from the one stream. */
    @Override
    public void initialise(RandomGenerator rng, double[][] values) {
        for (int i = 0; i < children.size(); i++) {
            children.get(i).initialise(rng, Arrays.copyOfRange(values, firstBlock[i], firstBlock[i + 1]));
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < children.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(children.get(i));
        }
        return sb.append(')').toString();
    }
}
