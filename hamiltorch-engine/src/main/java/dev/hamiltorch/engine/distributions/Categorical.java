package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * The categorical distribution over classes 0, …, K−1 with unnormalised log probabilities ℓ
 * ({@code logits}, a vector [K] or a batch [..., K]):
 * <pre>  log p(k) = ℓ_k − log Σ_j exp(ℓ_j),   k ∈ {0, …, K−1},</pre>
 * and −∞ for any other k. Values are class indices held as doubles; their shape broadcasts against the
 * batch shape of the logits (all but the last axis) and the result has the broadcast shape. The value
 * is not differentiated (it indexes).
 */
public final class Categorical implements Distribution {

    private final Tensor logits;

    private Categorical(Tensor logits) {
        this.logits = logits;
    }

    /** {@code logits} must have rank ≥ 1 and a non-empty last axis, and be finite where it is a constant. */
    public static Categorical of(Tensor logits) {
        Params.real("Categorical", "logits", logits);
        int[] shape = logits.shape();
        if (shape.length == 0 || shape[shape.length - 1] == 0) {
            throw new IllegalArgumentException("Categorical: logits must have shape [..., K] with K ≥ 1, got "
                    + Arrays.toString(shape));
        }
        return new Categorical(logits);
    }

    public static Categorical of(double... logits) {
        return of(Tensor.of(logits));
    }

    public Tensor logits() {
        return logits;
    }

    /** The number of classes K. */
    public int numClasses() {
        int[] shape = logits.shape();
        return shape[shape.length - 1];
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        int[] logitShape = logits.shape();
        int last = logitShape.length - 1;
        int classes = logitShape[last];
        double[] k = value.toArray();
        int[] valueShape = value.shape();
        // the class index is selected by a one-hot constant, since there is no gather operation
        double[] oneHot = new double[k.length * classes];
        double[] inside = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            if (Double.isNaN(k[i])) {
                inside[i] = Double.NaN; // propagate NaN rather than call it outside the support
            } else if (Params.isCount(k[i]) && k[i] < classes) {
                oneHot[i * classes + (int) k[i]] = 1.0;
                inside[i] = 1.0;
            }
        }
        int[] oneHotShape = Arrays.copyOf(valueShape, valueShape.length + 1);
        oneHotShape[valueShape.length] = classes;
        int[] keptShape = logitShape.clone();
        keptShape[last] = 1;
        Tensor logPmf = logits.sub(logits.logSumExp(last).reshape(keptShape));
        Tensor picked = logPmf.mul(Tensor.of(oneHot, oneHotShape));
        Tensor lp = picked.sum(picked.rank() - 1);
        return Support.restrict(lp, Tensor.of(inside, valueShape));
    }

    @Override
    public String toString() {
        return "Categorical(logits=" + logits + ")";
    }
}
