package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * The half-normal distribution, |Y| for Y ~ N(0, σ²) with σ = {@code scale}:
 * <pre>  log p(x) = ½ log(2/π) − log σ − x² / (2σ²),   x ≥ 0,</pre>
 * and −∞ for x &lt; 0.
 */
public final class HalfNormal extends HalfScale {

    private static final double HALF_LOG_TWO_OVER_PI = 0.5 * Math.log(2 / Math.PI);

    private HalfNormal(Tensor scale) {
        super("HalfNormal", scale);
    }

    /** {@code scale} must be positive where it is a constant. */
    public static HalfNormal of(Tensor scale) {
        return new HalfNormal(scale);
    }

    public static HalfNormal of(double scale) {
        return of(Tensor.scalar(scale));
    }

    @Override
    Tensor logProbOnSupport(Tensor x) {
        return x.div(scale).square().mul(-0.5).sub(scale.log()).add(HALF_LOG_TWO_OVER_PI);
    }
}
