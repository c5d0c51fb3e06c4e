package dev.hamiltorch.api;

/**
 * Thrown by a log density, or an operation inside one, at a point outside its domain: a covariance
 * that is not positive-definite, a parameter outside the set where the density is defined. A sampler
 * treats it as a density of −∞ there: the proposal is rejected and counted
 * ({@code Event.DOMAIN_ERROR}), and the chain goes on. Any other exception from user code is a bug
 * and stops the run.
 *
 * <p>It extends {@link IllegalArgumentException}, so code that caught the engine's former exceptions
 * for such points still catches these.
 */
public class DomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is undefined, and the offending value */
    public DomainException(String message) {
        super(message);
    }
}
