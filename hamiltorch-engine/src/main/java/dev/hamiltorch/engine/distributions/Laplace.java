package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The Laplace (double exponential) distribution with location μ ({@code loc}) and scale b
 * ({@code scale}):
 * <pre>  log p(x) = −log(2b) − |x − μ| / b,   x ∈ ℝ.</pre>
 * The gradient with respect to x at x = μ is taken as 0.
 */
public final class Laplace implements Distribution {

    private static final double LOG_TWO = Math.log(2);

    private final Tensor loc;
    private final Tensor scale;

    private Laplace(Tensor loc, Tensor scale) {
        this.loc = loc;
        this.scale = scale;
    }

    /** {@code scale} must be positive where it is a constant. */
    public static Laplace of(Tensor loc, Tensor scale) {
        Laplace d = new Laplace(Params.real("Laplace", "loc", loc), Params.positive("Laplace", "scale", scale));
        Params.broadcastable("Laplace", new String[] {"loc", "scale"}, loc, scale);
        return d;
    }

    public static Laplace of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    public Tensor loc() {
        return loc;
    }

    public Tensor scale() {
        return scale;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        return value.sub(loc).abs().div(scale).neg().sub(scale.log()).sub(LOG_TWO);
    }

    @Override
    public String toString() {
        return "Laplace(loc=" + loc + ", scale=" + scale + ")";
    }
}
