package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The gamma distribution with concentration (shape) α and rate β, PyTorch's parameterisation (mean
 * α/β):
 * <pre>  log p(x) = α log β + (α − 1) log x − βx − log Γ(α),   x &gt; 0,</pre>
 * and −∞ for x ≤ 0 and x = +∞ (the density's limit at 0 is not represented).
 */
public final class Gamma implements Distribution {

    private final Tensor concentration;
    private final Tensor rate;

    private Gamma(Tensor concentration, Tensor rate) {
        this.concentration = concentration;
        this.rate = rate;
    }

    /** {@code concentration} and {@code rate} must be positive where they are constants. */
    public static Gamma of(Tensor concentration, Tensor rate) {
        Gamma d = new Gamma(Params.positive("Gamma", "concentration", concentration),
                Params.positive("Gamma", "rate", rate));
        Params.broadcastable("Gamma", new String[] {"concentration", "rate"}, concentration, rate);
        return d;
    }

    public static Gamma of(double concentration, double rate) {
        return of(Tensor.scalar(concentration), Tensor.scalar(rate));
    }

    public Tensor concentration() {
        return concentration;
    }

    public Tensor rate() {
        return rate;
    }

    @Override
    public Tensor logProb(Tensor value) {
        // +∞ is excluded too: the formula would give ∞ − ∞ there, the density's limit is 0
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"),
                x -> x > 0 && x < Double.POSITIVE_INFINITY);
        Tensor x = Support.guard(value, inside, 1.0);
        Tensor lp = concentration.mul(rate.log()).add(concentration.sub(1.0).mul(x.log()))
                .sub(rate.mul(x)).sub(concentration.lgamma());
        return Support.restrict(lp, inside);
    }

    @Override
    public String toString() {
        return "Gamma(concentration=" + concentration + ", rate=" + rate + ")";
    }
}
