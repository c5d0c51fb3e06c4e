package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The exponential distribution with rate λ ({@code rate}; mean 1/λ):
 * <pre>  log p(x) = log λ − λx,   x ≥ 0,</pre>
 * and −∞ for x &lt; 0.
 */
public final class Exponential implements Distribution {

    private final Tensor rate;

    private Exponential(Tensor rate) {
        this.rate = rate;
    }

    /** {@code rate} must be positive where it is a constant. */
    public static Exponential of(Tensor rate) {
        return new Exponential(Params.positive("Exponential", "rate", rate));
    }

    public static Exponential of(double rate) {
        return of(Tensor.scalar(rate));
    }

    public Tensor rate() {
        return rate;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), x -> x >= 0);
        Tensor x = Support.guard(value, inside, 0.0);
        return Support.restrict(rate.log().sub(rate.mul(x)), inside);
    }

    @Override
    public String toString() {
        return "Exponential(rate=" + rate + ")";
    }
}
