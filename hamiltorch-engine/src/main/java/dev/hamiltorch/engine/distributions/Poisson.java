package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The Poisson distribution with rate λ ({@code rate}):
 * <pre>  log p(k) = k log λ − λ − log Γ(k+1),   k ∈ {0, 1, 2, …},</pre>
 * and −∞ for any other k.
 */
public final class Poisson implements Distribution {

    private final Tensor rate;

    private Poisson(Tensor rate) {
        this.rate = rate;
    }

    /** {@code rate} must be positive where it is a constant. */
    public static Poisson of(Tensor rate) {
        return new Poisson(Params.positive("Poisson", "rate", rate));
    }

    public static Poisson of(double rate) {
        return of(Tensor.scalar(rate));
    }

    public Tensor rate() {
        return rate;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), Params::isCount);
        Tensor k = Support.guard(value, inside, 0.0);
        Tensor lp = k.mul(rate.log()).sub(rate).sub(k.add(1.0).lgamma());
        return Support.restrict(lp, inside);
    }

    @Override
    public String toString() {
        return "Poisson(rate=" + rate + ")";
    }
}
