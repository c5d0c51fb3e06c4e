package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.Log1pSquare;
import java.util.Objects;

/**
 * The Cauchy distribution with location x₀ ({@code loc}) and scale γ ({@code scale}):
 * <pre>  log p(x) = −log π − log γ − log(1 + ((x − x₀)/γ)²),   x ∈ ℝ,</pre>
 * finite for every finite x (about −2 log|x| far out), with its derivatives ({@link Log1pSquare}).
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
        // log(1 + z²) as one operation: z.square() overflows beyond |z| ≈ 1.3e154, and the density with it
        return Log1pSquare.log1pSquare(value.sub(loc).div(scale)).neg().sub(scale.log()).sub(LOG_PI);
    }
}
