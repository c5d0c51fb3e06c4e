package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * What location–scale families (Normal, LogNormal, Cauchy, Laplace) share: a real {@code loc} and a
 * positive {@code scale} that broadcast together, checked once where they are constants.
 */
abstract class LocationScale implements Distribution {

    /** The location. */
    protected final Tensor loc;
    /** The scale. */
    protected final Tensor scale;
    private final String family;

    /** Checks {@code loc} and {@code scale} in the messages of {@code family}. */
    LocationScale(String family, Tensor loc, Tensor scale) {
        this.loc = Params.real(family, "loc", loc);
        this.scale = Params.positive(family, "scale", scale);
        Params.broadcastable(family, new String[] {"loc", "scale"}, loc, scale);
        this.family = family;
    }

    public Tensor loc() {
        return loc;
    }

    public Tensor scale() {
        return scale;
    }

    @Override
    public String toString() {
        return family + "(loc=" + loc + ", scale=" + scale + ")";
    }
}
