package dev.hamiltorch.api.kernel;

/** Why a proposal was rejected or flagged; counted per chain. */
public enum Event {
    /** The log density or the Hamiltonian was NaN or infinite. */
    INVALID_LOG_PROB("invalid_log_prob"),
    /** A Riemannian metric was not symmetric positive-definite even after jitter. */
    NON_SPD_METRIC("non_spd_metric"),
    /** An implicit integrator's fixed point did not converge. */
    FIXED_POINT_NOT_CONVERGED("fixed_point_not_converged"),
    /**
     * Integrating back from the proposal, with its momentum negated, failed or did not return to the
     * start within the reversibility tolerance (the implicit integrator's option {@code reversibilityTolerance}).
     */
    NOT_REVERSIBLE("not_reversible"),
    /** The energy error exceeded the divergence threshold (1000). */
    DIVERGENT("divergent"),
    /**
     * The log density was undefined at a point of the trajectory: it threw a
     * {@link dev.hamiltorch.api.DomainException} (e.g. a covariance that is not positive-definite).
     */
    DOMAIN_ERROR("domain_error");

    private final String key;

    Event(String key) {
        this.key = key;
    }

    /** The snake-case name used in JSON output. */
    public String key() {
        return key;
    }
}
