package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The binomial distribution: successes in n ({@code totalCount}) trials, each with log-odds ℓ
 * ({@code logits}; success probability σ(ℓ)):
 * <pre>  log p(k) = log Γ(n+1) − log Γ(k+1) − log Γ(n−k+1) + kℓ − n log(1 + e^ℓ),   k ∈ {0, …, n},</pre>
 * and −∞ for any other k. {@code totalCount} is not differentiated.
 */
public final class Binomial implements Distribution {

    private final Tensor totalCount;
    private final Tensor logits;

    private Binomial(Tensor totalCount, Tensor logits) {
        this.totalCount = totalCount;
        this.logits = logits;
    }

    /**
     * {@code totalCount} must hold non-negative whole numbers (it is detached); {@code logits} must be
     * finite where it is a constant.
     */
    public static Binomial of(Tensor totalCount, Tensor logits) {
        Binomial d = new Binomial(Params.count("Binomial", "totalCount", totalCount),
                Params.real("Binomial", "logits", logits));
        Params.broadcastable("Binomial", new String[] {"totalCount", "logits"}, totalCount, logits);
        return d;
    }

    public static Binomial of(int totalCount, double logits) {
        return of(Tensor.scalar(totalCount), Tensor.scalar(logits));
    }

    public Tensor totalCount() {
        return totalCount;
    }

    public Tensor logits() {
        return logits;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        // k ≤ n is "not k > n"; whole-number k ≥ 0 is checked elementwise on the values
        Tensor inside = Support.indicator(value, Params::isCount).mul(value.gt(totalCount).neg().add(1.0));
        Tensor k = Support.guard(value, inside, 0.0);
        Tensor logChoose = totalCount.add(1.0).lgamma().sub(k.add(1.0).lgamma())
                .sub(totalCount.sub(k).add(1.0).lgamma());
        Tensor lp = logChoose.add(k.mul(logits)).sub(totalCount.mul(logits.softplus()));
        return Support.restrict(lp, inside);
    }

    @Override
    public String toString() {
        return "Binomial(totalCount=" + totalCount + ", logits=" + logits + ")";
    }
}
