package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The half-Cauchy distribution, |Y| for Y Cauchy with location 0 and scale γ ({@code scale}):
 * <pre>  log p(x) = log(2/π) − log γ − log(1 + (x/γ)²),   x ≥ 0,</pre>
 * and −∞ for x &lt; 0.
 */
public final class HalfCauchy implements Distribution {

    private static final double LOG_TWO_OVER_PI = Math.log(2 / Math.PI);

    private final Tensor scale;

    private HalfCauchy(Tensor scale) {
        this.scale = scale;
    }

    /** {@code scale} must be positive where it is a constant. */
    public static HalfCauchy of(Tensor scale) {
        return new HalfCauchy(Params.positive("HalfCauchy", "scale", scale));
    }

    public static HalfCauchy of(double scale) {
        return of(Tensor.scalar(scale));
    }

    public Tensor scale() {
        return scale;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), x -> x >= 0);
        Tensor x = Support.guard(value, inside, 1.0);
        Tensor lp = x.div(scale).square().log1p().neg().sub(scale.log()).add(LOG_TWO_OVER_PI);
        return Support.restrict(lp, inside);
    }

    @Override
    public String toString() {
        return "HalfCauchy(scale=" + scale + ")";
    }
}
