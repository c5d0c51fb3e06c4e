package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * The Cauchy distribution with location x₀ ({@code loc}) and scale γ ({@code scale}):
 * <pre>  log p(x) = −log π − log γ − log(1 + ((x − x₀)/γ)²),   x ∈ ℝ.</pre>
 */
public final class Cauchy implements Distribution {

    static final double LOG_PI = Math.log(Math.PI);

    private final Tensor loc;
    private final Tensor scale;

    private Cauchy(Tensor loc, Tensor scale) {
        this.loc = loc;
        this.scale = scale;
    }

    /** {@code scale} must be positive where it is a constant. */
    public static Cauchy of(Tensor loc, Tensor scale) {
        Cauchy d = new Cauchy(Params.real("Cauchy", "loc", loc), Params.positive("Cauchy", "scale", scale));
        Params.broadcastable("Cauchy", new String[] {"loc", "scale"}, loc, scale);
        return d;
    }

    public static Cauchy of(double loc, double scale) {
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
        return value.sub(loc).div(scale).square().log1p().neg().sub(scale.log()).sub(LOG_PI);
    }

    @Override
    public String toString() {
        return "Cauchy(loc=" + loc + ", scale=" + scale + ")";
    }
}
