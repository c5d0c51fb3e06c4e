package dev.hamiltorch.api.adaptation;

import java.util.Arrays;
import java.util.Locale;

/** How warm-up adapts the inverse mass M⁻¹ of a Euclidean metric, by the name users type. */
public enum MetricAdaptation {
    /** M⁻¹ stays as given. */
    NONE("none"),
    /** Diagonal M⁻¹ from the draws' regularised variances (Stan's {@code diag_e}). */
    DIAG("diag"),
    /** Dense M⁻¹ from the draws' regularised covariance (Stan's {@code dense_e}). */
    DENSE("dense"),
    /**
     * Diagonal M⁻¹ = √(var(draws) / var(gradients)), the diagonal that minimises a Fisher divergence
     * (Seyboldt et al., nutpie).
     */
    FISHER_DIAG("fisher-diag");

    private final String key;

    MetricAdaptation(String key) {
        this.key = key;
    }

    /** The name users type: {@code none}, {@code diag}, {@code dense}, {@code fisher-diag}. */
    public String key() {
        return key;
    }

    /**
     * The adaptation named {@code name}, ignoring case and {@code _} versus {@code -}.
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static MetricAdaptation of(String name) {
        String k = String.valueOf(name).toLowerCase(Locale.ROOT).replace('_', '-');
        for (MetricAdaptation a : values()) {
            if (a.key.equals(k)) {
                return a;
            }
        }
        throw new IllegalArgumentException("adaptMetric = " + name + ": must be one of "
                + Arrays.stream(values()).map(MetricAdaptation::key).toList());
    }
}
