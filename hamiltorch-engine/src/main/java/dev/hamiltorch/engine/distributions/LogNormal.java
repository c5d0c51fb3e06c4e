package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The log-normal distribution: log X is normal with mean μ ({@code loc}) and standard deviation σ
 * ({@code scale}):
 * <pre>  log p(x) = −(log x − μ)² / (2σ²) − log σ − ½ log 2π − log x,   x &gt; 0,</pre>
 * and −∞ for x ≤ 0.
 */
public final class LogNormal extends LocationScale {


    private LogNormal(Tensor loc, Tensor scale) {
        super("LogNormal", loc, scale);
    }

    /** The distribution of exp(Y) for Y ~ N(loc, scale²); {@code scale} must be positive where it is a constant. */
    public static LogNormal of(Tensor loc, Tensor scale) {
        return new LogNormal(loc, scale);
    }

    public static LogNormal of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), x -> x > 0);
        Tensor logX = Support.guard(value, inside, 1.0).log();
        Tensor lp = logX.sub(loc).div(scale).square().mul(-0.5).sub(scale.log())
                .sub(Normal.HALF_LOG_TWO_PI).sub(logX);
        return Support.restrict(lp, inside);
    }
}
