package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.PluginOptions;
import java.util.List;

/**
 * The jitter of a Riemannian metric (hamiltorch's {@code jitter} and {@code jitter_max_tries}): each
 * trajectory draws d = scale · U(0,1)ᴰ once and adds diag(d) to G(θ); where that is not positive-definite,
 * diag(10ᵏd) for k = 1, 2, … up to {@code maxTries} attempts in all. The options are declared by the
 * metrics that use them ({@link #OPTIONS}), so a Euclidean run refuses them.
 *
 * @param scale the jitter's scale, finite and non-negative; 0 adds none
 * @param maxTries attempts to make G positive-definite, positive
 */
public record Jitter(double scale, int maxTries) {

    /** The option {@code jitter}: the scale; default 0 (hamiltorch's). */
    public static final PluginOption<Double> SCALE = PluginOption.ofDouble("jitter", 0,
            "must be finite and non-negative", v -> v >= 0 && Double.isFinite(v));
    /** The option {@code jitterMaxTries}: attempts; default 10 (hamiltorch's). */
    public static final PluginOption<Integer> MAX_TRIES = PluginOption.ofInt("jitterMaxTries", 10,
            "must be positive", v -> v > 0);
    /** Both options, for a metric's {@link dev.hamiltorch.api.spi.Named#options()}. */
    public static final List<PluginOption<?>> OPTIONS = List.of(SCALE, MAX_TRIES);
    /** No jitter, hamiltorch's defaults. */
    public static final Jitter NONE = new Jitter(0, 10);

    /** @throws IllegalArgumentException naming the bad argument and its value */
    public Jitter {
        SCALE.accept(scale);
        MAX_TRIES.accept(maxTries);
    }

    /** The jitter the run's options give. */
    public static Jitter of(PluginOptions options) {
        return new Jitter(options.get(SCALE), options.get(MAX_TRIES));
    }
}
