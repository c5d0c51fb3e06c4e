package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.Log1pSquare;
import java.util.Objects;

/**
 * Student's t distribution with ν degrees of freedom ({@code df}), location μ ({@code loc}) and scale σ
 * ({@code scale}); with z = (x − μ)/σ:
 * <pre>  log p(x) = log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log σ − (ν+1)/2 · log(1 + z²/ν),   x ∈ ℝ,</pre>
 * finite for every finite x (about −(ν+1) log|x| far out), with its derivatives ({@link Log1pSquare}).
 */
public final class StudentT implements Distribution {

    private final Tensor df;
    private final Tensor loc;
    private final Tensor scale;

    private StudentT(Tensor df, Tensor loc, Tensor scale) {
        this.df = df;
        this.loc = loc;
        this.scale = scale;
    }

    /** {@code df} and {@code scale} must be positive where they are constants. */
    public static StudentT of(Tensor df, Tensor loc, Tensor scale) {
        StudentT d = new StudentT(Params.positive("StudentT", "df", df), Params.real("StudentT", "loc", loc),
                Params.positive("StudentT", "scale", scale));
        Params.broadcastable("StudentT", new String[] {"df", "loc", "scale"}, df, loc, scale);
        return d;
    }

    public static StudentT of(double df, double loc, double scale) {
        return of(Tensor.scalar(df), Tensor.scalar(loc), Tensor.scalar(scale));
    }

    public Tensor df() {
        return df;
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
        Tensor halfDfPlusHalf = df.add(1.0).mul(0.5);
        Tensor normaliser = halfDfPlusHalf.lgamma().sub(df.mul(0.5).lgamma())
                .sub(df.mul(Math.PI).log().mul(0.5)).sub(scale.log());
        // log(1 + z²/ν) = log(1 + (z/√ν)²) as one operation: z² overflows beyond |z| ≈ 1.3e154
        Tensor kernel = Log1pSquare.log1pSquare(value.sub(loc).div(scale).div(df.sqrt())).mul(halfDfPlusHalf);
        return normaliser.sub(kernel);
    }

    @Override
    public String toString() {
        return "StudentT(df=" + df + ", loc=" + loc + ", scale=" + scale + ")";
    }
}
