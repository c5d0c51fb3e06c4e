package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The Cauchy distribution with location x₀ ({@code loc}) and scale γ ({@code scale}):
 * <pre>  log p(x) = −log π − log γ − log(1 + ((x − x₀)/γ)²),   x ∈ ℝ.</pre>
 */
public final class Cauchy extends LocationScale {

    static final double LOG_PI = Math.log(Math.PI);


    private Cauchy(Tensor loc, Tensor scale) {
        super("Cauchy", loc, scale);
    }

    /** {@code scale} must be positive where it is a constant. */
    public static Cauchy of(Tensor loc, Tensor scale) {
        return new Cauchy(loc, scale);
    }

    public static Cauchy of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        return value.sub(loc).div(scale).square().log1p().neg().sub(scale.log()).sub(LOG_PI);
    }
}
