package dev.hamiltorch.likelihoods;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import java.util.Random;

/**
 * A hand-written model for the tests: inputs → tanh(x W₁ᵀ + b₁) → h W₂ᵀ + b₂, θ = (W₁, b₁, W₂, b₂) in that
 * order, each row-major, written in the api's tensor operations only.
 */
final class TinyMlp implements Model {

    private final int in;
    private final int hidden;
    private final int out;

    TinyMlp(int in, int hidden, int out) {
        this.in = in;
        this.hidden = hidden;
        this.out = out;
    }

    @Override
    public List<ParameterBlock> parameterBlocks() {
        return List.of(new ParameterBlock("0.weight", new int[] {hidden, in}), new ParameterBlock("0.bias", new int[] {hidden}),
                new ParameterBlock("2.weight", new int[] {out, hidden}), new ParameterBlock("2.bias", new int[] {out}));
    }

    @Override
    public Tensor forward(Tensor theta, Tensor x) {
        int a = hidden * in;
        int b = a + hidden;
        int c = b + out * hidden;
        Tensor w1 = theta.slice(0, 0, a).reshape(hidden, in);
        Tensor b1 = theta.slice(0, a, b);
        Tensor w2 = theta.slice(0, b, c).reshape(out, hidden);
        Tensor b2 = theta.slice(0, c, c + out);
        Tensor h = x.matmul(w1.transpose()).add(b1).tanh();
        return h.matmul(w2.transpose()).add(b2);
    }

    /** Initial parameters: N(0, 0.5²) from {@code seed}. */
    double[] initial(long seed) {
        Random r = new Random(seed);
        double[] theta = new double[parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.5 * r.nextGaussian();
        }
        return theta;
    }
}
