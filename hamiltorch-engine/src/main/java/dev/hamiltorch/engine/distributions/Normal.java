package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.FusedDensities;
import java.util.Objects;

/**
 * The normal distribution with mean μ ({@code loc}) and standard deviation σ ({@code scale}):
 * <pre>  log p(x) = −(x − μ)² / (2σ²) − log σ − ½ log 2π,   x ∈ ℝ.</pre>
 */
public final class Normal extends LocationScale {

    static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** log σ when σ is a constant, computed once; null when σ is differentiated. */
    private final Tensor logScale;

    private Normal(Tensor loc, Tensor scale) {
        super("Normal", loc, scale);
        this.logScale = scale.requiresGrad() ? null : scale.log();
    }

    /** N(loc, scale²); {@code scale} must be positive where it is a constant. */
    public static Normal of(Tensor loc, Tensor scale) {
        return new Normal(loc, scale);
    }

    public static Normal of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        // one fused operation, bit for bit value.sub(loc).div(scale).square().mul(-0.5).sub(log σ).sub(½ log 2π)
        return FusedDensities.normalLogProb(value, loc, scale, logScale);
    }
}
