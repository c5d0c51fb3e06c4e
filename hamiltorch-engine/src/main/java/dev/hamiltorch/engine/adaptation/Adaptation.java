package dev.hamiltorch.engine.adaptation;

import dev.hamiltorch.api.adaptation.MetricAdaptation;
import dev.hamiltorch.api.spi.Sampler;

/**
 * What warm-up (the burn-in iterations) adapts: a run setting, apart from the plugins' settings. A null
 * component stands for the sampler's default ({@link Sampler#adaptsStepSizeByDefault()},
 * {@link Sampler#defaultMetricAdaptation()}); {@link #resolve(Sampler)} fills them in.
 *
 * @param stepSize whether dual averaging adapts ε, or null for the sampler's default (and for true when
 *        the mass matrix is adapted)
 * @param metric how the inverse mass is adapted, or null for the sampler's default
 * @param targetAcceptance δ, the acceptance statistic dual averaging aims at (hamiltorch's
 *        {@code desired_accept_rate}); default 0.8
 */
public record Adaptation(Boolean stepSize, MetricAdaptation metric, double targetAcceptance) {

    /** Whatever the sampler adapts by default, aiming at acceptance 0.8. */
    public static final Adaptation SAMPLER_DEFAULT = new Adaptation(null, null,
            DualAveraging.DEFAULT_TARGET_ACCEPTANCE);

    /** Nothing adapted: the burn-in iterations are only discarded. */
    public static final Adaptation NONE = new Adaptation(false, MetricAdaptation.NONE,
            DualAveraging.DEFAULT_TARGET_ACCEPTANCE);

    /** @throws IllegalArgumentException naming {@code desiredAcceptRate} if it is not in (0, 1) */
    public Adaptation {
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("desiredAcceptRate = " + targetAcceptance + ": must be in (0, 1)");
        }
    }

    /** This adaptation with the sampler's defaults filled in. */
    public Adaptation resolve(Sampler sampler) {
        return resolve(sampler, true);
    }

    /**
     * This adaptation with the sampler's defaults filled in, for a metric that has a constant mass to adapt
     * or not ({@link dev.hamiltorch.api.dynamics.Hamiltonian#inverseMass()} null): a sampler's default mass
     * adaptation does not apply to a metric without one (NUTS on a Riemannian metric adapts ε only), while a
     * mass adaptation the user asked for stays, to be refused by name.
     */
    public Adaptation resolve(Sampler sampler, boolean metricHasMass) {
        MetricAdaptation m = metric != null ? metric
                : metricHasMass ? sampler.defaultMetricAdaptation() : MetricAdaptation.NONE;
        boolean s = stepSize != null ? stepSize
                : (metric != null && metric != MetricAdaptation.NONE) || sampler.adaptsStepSizeByDefault();
        return new Adaptation(s, m, targetAcceptance);
    }

    /** Whether anything is adapted (after {@link #resolve}). */
    public boolean adaptsAnything() {
        return Boolean.TRUE.equals(stepSize) || (metric != null && metric != MetricAdaptation.NONE);
    }

    /** This adaptation with step-size adaptation on or off. */
    public Adaptation withStepSize(Boolean adapt) {
        return new Adaptation(adapt, metric, targetAcceptance);
    }

    /** This adaptation with another mass-matrix adaptation. */
    public Adaptation withMetric(MetricAdaptation adapt) {
        return new Adaptation(stepSize, adapt, targetAcceptance);
    }

    /** This adaptation aiming at another acceptance statistic. */
    public Adaptation withTargetAcceptance(double target) {
        return new Adaptation(stepSize, metric, target);
    }
}
