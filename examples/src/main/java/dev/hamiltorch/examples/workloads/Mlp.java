package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A one-hidden-layer perceptron written as a {@link Model}: x → tanh(x W₁ᵀ + b₁) W₂ᵀ + b₂, θ = (W₁, b₁, W₂, b₂),
 * each row-major, initialised as PyTorch's {@code Linear} (uniform in ±1/√fan-in).
 */
final class Mlp implements Model {

    private final int in;
    private final int hidden;
    private final int out;

    Mlp(int in, int hidden, int out) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
    }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return List.of(new ParameterBlock("0.weight", new int[] {hidden, in}),
                new ParameterBlock("0.bias", new int[] {hidden}),
                new ParameterBlock("2.weight", new int[] {out, hidden}),
                new ParameterBlock("2.bias", new int[] {out}));
    }

    @Override
    public Tensor forward(Tensor theta, Tensor x) {
        int a = hidden * in;
        int b = a + hidden;
        int c = b + out * hidden;
        Tensor w1 = theta.slice(0, 0, a).reshape(hidden, in);
        Tensor w2 = theta.slice(0, b, c).reshape(out, hidden);
        Tensor h = x.matmul(w1.transpose()).add(theta.slice(0, a, b)).tanh();
        return h.matmul(w2.transpose()).add(theta.slice(0, c, c + out));
    }

    /** Initial parameters from {@code seed}: each layer uniform in ±1/√(its inputs), as PyTorch's default. */
    double[] initialParameters(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] theta = new double[parameterCount()];
        int k = 0;
        for (int layer = 0; layer < 2; layer++) {
            int fanIn = layer == 0 ? in : hidden;
            int size = layer == 0 ? hidden * in + hidden : out * hidden + out;
            double bound = 1 / Math.sqrt(fanIn);
            for (int i = 0; i < size; i++) {
                theta[k++] = (2 * r.nextDouble() - 1) * bound;
            }
        }
        return theta;
    }
}
