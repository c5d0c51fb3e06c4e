package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The half-normal distribution, |Y| for Y ~ N(0, σ²) with σ = {@code scale}:
 * <pre>  log p(x) = ½ log(2/π) − log σ − x² / (2σ²),   x ≥ 0,</pre>
 * and −∞ for x &lt; 0.
 */
public final class HalfNormal implements Distribution {

    private static final double HALF_LOG_TWO_OVER_PI = 0.5 * Math.log(2 / Math.PI);

    private final Tensor scale;

    private HalfNormal(Tensor scale) {
        this.scale = scale;
    }

    /** {@code scale} must be positive where it is a constant. */
    public static HalfNormal of(Tensor scale) {
        return new HalfNormal(Params.positive("HalfNormal", "scale", scale));
    }

    public static HalfNormal of(double scale) {
        return of(Tensor.scalar(scale));
    }

    public Tensor scale() {
        return scale;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), x -> x >= 0);
        Tensor x = Support.guard(value, inside, 1.0);
        Tensor lp = x.div(scale).square().mul(-0.5).sub(scale.log()).add(HALF_LOG_TWO_OVER_PI);
        return Support.restrict(lp, inside);
    }

    @Override
    public String toString() {
        return "HalfNormal(scale=" + scale + ")";
    }
}
