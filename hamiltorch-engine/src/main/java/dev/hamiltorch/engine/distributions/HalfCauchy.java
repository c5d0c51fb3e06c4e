package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.Log1pSquare;

/**
 * The half-Cauchy distribution, |Y| for Y Cauchy with location 0 and scale γ ({@code scale}):
 * <pre>  log p(x) = log(2/π) − log γ − log(1 + (x/γ)²),   x ≥ 0,</pre>
 * and −∞ for x &lt; 0; finite for every finite x ≥ 0 (about −2 log x far out), see {@link Log1pSquare}.
 */
public final class HalfCauchy extends HalfScale {

    private static final double LOG_TWO_OVER_PI = Math.log(2 / Math.PI);

    private HalfCauchy(Tensor scale) {
        super("HalfCauchy", scale);
    }

    /** {@code scale} must be positive where it is a constant. */
    public static HalfCauchy of(Tensor scale) {
        return new HalfCauchy(scale);
    }

    public static HalfCauchy of(double scale) {
        return of(Tensor.scalar(scale));
    }

    @Override
    Tensor logProbOnSupport(Tensor x) {
        // log(1 + (x/γ)²) as one operation, finite where (x/γ)² would overflow
        return Log1pSquare.log1pSquare(x.div(scale)).neg().sub(scale.log()).add(LOG_TWO_OVER_PI);
    }
}
