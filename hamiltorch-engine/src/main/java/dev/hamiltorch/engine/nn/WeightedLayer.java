package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.model.ParameterBlock;
import java.util.List;

/** A layer with a {@code weight} block and, optionally, a {@code bias} of the weight's first length. */
abstract class WeightedLayer extends Module {

    private final List<ParameterBlock> blocks;

    /** Checks that every length of the weight, named in {@code names}, is at least 1. */
    WeightedLayer(String[] names, int[] weightShape, boolean bias) {
        for (int i = 0; i < weightShape.length; i++) {
            if (weightShape[i] < 1) {
                throw new IllegalArgumentException(names[i] + " = " + weightShape[i] + ": must be at least 1");
            }
        }
        ParameterBlock weight = new ParameterBlock("weight", weightShape);
        this.blocks = bias ? List.of(weight, new ParameterBlock("bias", new int[] {weightShape[0]})) : List.of(weight);
    }

    @Override
    public final List<ParameterBlock> parameterBlocks() {
        return blocks;
    }

    final boolean hasBias() {
        return blocks.size() == 2;
    }

    /** The end of the layer's description: ")" or ", bias=false)". */
    final String closing() {
        return hasBias() ? ")" : ", bias=false)";
    }
}
