package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The Laplace (double exponential) distribution with location μ ({@code loc}) and scale b
 * ({@code scale}):
 * <pre>  log p(x) = −log(2b) − |x − μ| / b,   x ∈ ℝ.</pre>
 * The gradient with respect to x at x = μ is taken as 0.
 */
public final class Laplace extends LocationScale {

    private static final double LOG_TWO = Math.log(2);


    private Laplace(Tensor loc, Tensor scale) {
        super("Laplace", loc, scale);
    }

    /** {@code scale} must be positive where it is a constant. */
    public static Laplace of(Tensor loc, Tensor scale) {
        return new Laplace(loc, scale);
    }

    public static Laplace of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        return value.sub(loc).abs().div(scale).neg().sub(scale.log()).sub(LOG_TWO);
    }
}
