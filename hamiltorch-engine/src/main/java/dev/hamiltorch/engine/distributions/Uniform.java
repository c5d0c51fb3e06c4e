package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The continuous uniform distribution on [low, high):
 * <pre>  log p(x) = −log(high − low),   low ≤ x &lt; high,</pre>
 * and −∞ elsewhere (the half-open interval is PyTorch's). The gradient with respect to x is 0.
 */
public final class Uniform implements Distribution {

    private final Tensor low;
    private final Tensor high;

    private Uniform(Tensor low, Tensor high) {
        this.low = low;
        this.high = high;
    }

    /** {@code low} must be less than {@code high} where both are constants. */
    public static Uniform of(Tensor low, Tensor high) {
        Params.real("Uniform", "low", low);
        Params.real("Uniform", "high", high);
        Params.broadcastable("Uniform", new String[] {"low", "high"}, low, high);
        if (!low.requiresGrad() && !high.requiresGrad() && !Support.allOnes(high.gt(low))) {
            throw new DomainException("Uniform: low must be less than high, got low = " + low
                    + ", high = " + high);
        }
        return new Uniform(low, high);
    }

    public static Uniform of(double low, double high) {
        return of(Tensor.scalar(low), Tensor.scalar(high));
    }

    public Tensor low() {
        return low;
    }

    public Tensor high() {
        return high;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        Tensor inside;
        if (!low.requiresGrad() && !high.requiresGrad() && low.size() == 1 && high.size() == 1) {
            // constant scalar bounds: an indicator of the value alone, which a replay recomputes
            double lo = low.item();
            double hi = high.item();
            inside = Support.indicator(value, x -> lo <= x && x < hi);
        } else {
            // low ≤ x is "not x < low": gt and lt are the comparisons available
            inside = value.lt(low).neg().add(1.0).mul(high.gt(value))
                    .mul(Support.indicator(value, x -> true)); // NaN values stay NaN
        }
        return Support.restrict(high.sub(low).log().neg(), inside);
    }

    @Override
    public String toString() {
        return "Uniform(low=" + low + ", high=" + high + ")";
    }
}
