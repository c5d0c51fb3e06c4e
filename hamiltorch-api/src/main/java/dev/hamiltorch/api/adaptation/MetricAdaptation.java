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
    FISHER_DIAG("fisher-diag"),
    /**
     * Dense M⁻¹ as {@link #DENSE} from a slow window that holds at least twice as many draws as there are
     * parameters, the diagonal of the same regularised covariance (as {@link #DIAG}) from a shorter one:
     * n draws span at most n − 1 directions, and Stan's dense estimate from a window of about D draws or
     * fewer is nearly singular, which sends the trees of the next window to the maximum depth. Not Stan's
     * algorithm (opt-in; the default is the sampler's).
     */
    DIAG_THEN_DENSE("diag-then-dense");

    private final String key;

    MetricAdaptation(String key) {
        this.key = key;
    }

    /**
     * The name users type: {@code none}, {@code diag}, {@code dense}, {@code fisher-diag},
     * {@code diag-then-dense}.
     */
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
