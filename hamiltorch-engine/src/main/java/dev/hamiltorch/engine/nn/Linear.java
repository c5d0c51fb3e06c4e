package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The affine map y = x Wᵀ + b over the last axis of the input, as PyTorch's {@code nn.Linear}: blocks
 * {@code weight} (out × in) and, unless left out, {@code bias} (out). An input of shape
 * (…, in) gives (…, out); a vector of length in gives a vector of length out.
 */
public final class Linear extends WeightedLayer {

    final int inFeatures;
    final int outFeatures;

    private Linear(int inFeatures, int outFeatures, boolean bias) {
        super(new String[] {"outFeatures", "inFeatures"}, new int[] {outFeatures, inFeatures}, bias);
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
    }

    /** {@code in → out} with a bias. */
    public static Linear of(int inFeatures, int outFeatures) {
        return new Linear(inFeatures, outFeatures, true);
    }

    /** {@code in → out}, with a bias block if {@code bias}. */
    public static Linear of(int inFeatures, int outFeatures, boolean bias) {
        return new Linear(inFeatures, outFeatures, bias);
    }

    @Override
    public Tensor apply(List<Tensor> parameters, Tensor x) {
        int[] shape = x.shape();
        if (shape.length == 0 || shape[shape.length - 1] != inFeatures) {
            throw new IllegalArgumentException(this + " needs inputs whose last axis has length " + inFeatures
                    + ", got shape " + Arrays.toString(shape));
        }
        Tensor rows = shape.length == 2 ? x : x.reshape(-1, inFeatures);
        Tensor y = rows.matmul(parameters.get(0).transpose());
        if (hasBias()) {
            y = y.add(parameters.get(1));
        }
        if (shape.length == 2) {
            return y;
        }
        int[] out = shape.clone();
        out[out.length - 1] = outFeatures;
        return y.reshape(out);
    }

    @Override
    public String toString() {
        return "Linear(" + inFeatures + ", " + outFeatures + closing();
    }
}
