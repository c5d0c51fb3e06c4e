package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Objects;

/**
 * What the half distributions (HalfNormal, HalfCauchy), |Y| for a Y centred at 0, share: a positive
 * {@code scale} checked once where it is a constant, and the support x ≥ 0 outside which the log
 * density is −∞.
 */
abstract class HalfScale implements Distribution {

    /** The scale. */
    protected final Tensor scale;
    private final String family;

    /** Checks {@code scale} in the messages of {@code family}. */
    HalfScale(String family, Tensor scale) {
        this.scale = Params.positive(family, "scale", scale);
        this.family = family;
    }

    public Tensor scale() {
        return scale;
    }

    /** The log density at x ≥ 0 (x is 1 where the value lies outside the support). */
    abstract Tensor logProbOnSupport(Tensor x);

    @Override
    public final Tensor logProb(Tensor value) {
        Tensor inside = Support.indicator(Objects.requireNonNull(value, "value"), x -> x >= 0);
        return Support.restrict(logProbOnSupport(Support.guard(value, inside, 1.0)), inside);
    }

    @Override
    public String toString() {
        return family + "(scale=" + scale + ")";
    }
}
