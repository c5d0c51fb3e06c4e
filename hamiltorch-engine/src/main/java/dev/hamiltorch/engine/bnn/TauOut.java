package dev.hamiltorch.engine.bnn;

/**
 * The output precision τ_out that scales a likelihood (hamiltorch's {@code tau_out}): a constant, or a
 * parameter sampled with the network's weights under a Gamma prior.
 */
public sealed interface TauOut {

    /** τ_out held at {@code value} (hamiltorch's default 1). */
    static TauOut fixed(double value) {
        return new Fixed(value);
    }

    /**
     * τ_out sampled under a Gamma(shape, rate) prior, starting at {@code initial}. It is sampled as
     * log τ_out (so it stays positive), the last coordinate of θ after the model's parameters, with the
     * Jacobian of that change of variable in its prior: log p(log τ) = shape · log τ − rate · τ + const.
     */
    static TauOut gamma(double shape, double rate, double initial) {
        return new Gamma(shape, rate, initial);
    }

    /**
     * A constant τ_out.
     *
     * @param value the precision, finite and positive
     */
    record Fixed(double value) implements TauOut {
        /** @throws IllegalArgumentException naming a value that is not finite and positive */
        public Fixed {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("tauOut = " + value + ": must be finite and positive");
            }
        }
    }

    /**
     * A sampled τ_out with a Gamma prior.
     *
     * @param shape the Gamma prior's shape, positive
     * @param rate the Gamma prior's rate, positive
     * @param initial where τ_out starts, positive
     */
    record Gamma(double shape, double rate, double initial) implements TauOut {
        /** @throws IllegalArgumentException naming a bad shape, rate or initial value */
        public Gamma {
            if (!(shape > 0) || !Double.isFinite(shape) || !(rate > 0) || !Double.isFinite(rate)) {
                throw new IllegalArgumentException("tauOut prior Gamma(" + shape + ", " + rate
                        + "): shape and rate must be finite and positive");
            }
            if (!(initial > 0) || !Double.isFinite(initial)) {
                throw new IllegalArgumentException("tauOut initial = " + initial + ": must be finite and positive");
            }
        }
    }
}
