package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.FusedDensities;
import java.util.Objects;

/**
 * The Bernoulli distribution with log-odds ℓ ({@code logits}; success probability σ(ℓ)):
 * <pre>  log p(k) = kℓ − log(1 + e^ℓ),   k ∈ {0, 1},</pre>
 * which is k log σ(ℓ) + (1 − k) log(1 − σ(ℓ)) without overflow; −∞ for any other k.
 */
public final class Bernoulli implements Distribution {

    private final Tensor logits;

    private Bernoulli(Tensor logits) {
        this.logits = logits;
    }

    /** {@code logits} must be finite where it is a constant. */
    public static Bernoulli of(Tensor logits) {
        return new Bernoulli(Params.real("Bernoulli", "logits", logits));
    }

    public static Bernoulli of(double logits) {
        return of(Tensor.scalar(logits));
    }

    public Tensor logits() {
        return logits;
    }

    @Override
    public Tensor logProb(Tensor value) {
        // constant outcomes (data): one fused operation, bit for bit the chain below
        Tensor fused = FusedDensities.bernoulliLogitsLogProb(logits, Objects.requireNonNull(value, "value"));
        if (fused != null) {
            return fused;
        }
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), k -> k == 0 || k == 1);
        Tensor k = Support.guard(value, inside, 0.0);
        return Support.restrict(k.mul(logits).sub(logits.softplus()), inside);
    }

    @Override
    public String toString() {
        return "Bernoulli(logits=" + logits + ")";
    }
}
