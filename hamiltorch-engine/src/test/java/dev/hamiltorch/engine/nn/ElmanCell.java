package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A module written by hand, as docs/networks.md shows: an Elman recurrent cell run over a sequence,
 * h_t = tanh(x_t W_ihᵀ + b_ih + h_{t−1} W_hhᵀ + b_hh) from h_0 = 0, whose output is the last h.
 * An input of shape N × T × I gives N × H. Initialised as PyTorch's {@code nn.RNNCell}: every block
 * uniform on ±1/√H.
 */
final class ElmanCell extends Module {

    private final int inputSize;
    private final int hiddenSize;

    ElmanCell(int inputSize, int hiddenSize) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return List.of(new ParameterBlock("weight_ih", new int[] {hiddenSize, inputSize}),
                new ParameterBlock("weight_hh", new int[] {hiddenSize, hiddenSize}),
                new ParameterBlock("bias_ih", new int[] {hiddenSize}),
                new ParameterBlock("bias_hh", new int[] {hiddenSize}));
    }

    @Override
    public Tensor apply(List<Tensor> p, Tensor x) {
        int n = x.shape()[0];
        int steps = x.shape()[1];
        Tensor h = Tensor.zeros(n, hiddenSize);
        for (int t = 0; t < steps; t++) {
            Tensor xt = x.slice(1, t, t + 1).reshape(n, inputSize);
            h = xt.matmul(p.get(0).transpose()).add(p.get(2))
                    .add(h.matmul(p.get(1).transpose())).add(p.get(3)).tanh();
        }
        return h;
    }

    @Override
    public void initialise(RandomGenerator rng, double[][] values) {
        for (double[] block : values) {
            Module.uniform(rng, block, 1.0 / Math.sqrt(hiddenSize));
        }
    }
}
