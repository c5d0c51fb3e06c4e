package dev.hamiltorch.engine.sampling;

/**
 * Sampling stopped because user code (the target, or a progress listener) threw, or the kernel refused
 * the initial position. The cause is the original exception; {@link #partialResult()} holds what every
 * chain had done until then (other chains stop at their next iteration).
 */
public final class SamplingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int chain;
    private final int iteration;
    private final transient Samples partialResult;

    SamplingException(int chain, int iteration, int totalIterations, Samples partialResult, Throwable cause) {
        super(message(chain, iteration, totalIterations, cause), cause);
        this.chain = chain;
        this.iteration = iteration;
        this.partialResult = partialResult;
    }

    private static String message(int chain, int iteration, int total, Throwable cause) {
        String where = iteration == 0 ? "while evaluating the initial position"
                : "at iteration " + iteration + " of " + total;
        return "chain " + chain + " failed " + where + ": " + cause;
    }

    /** The chain (from 0) whose target threw. */
    public int chain() {
        return chain;
    }

    /** The iteration (from 1, burn-in included) that threw; 0 when the initial position did. */
    public int iteration() {
        return iteration;
    }

    /** The completed iterations and kept draws of all chains until the failure (null after deserialisation). */
    public Samples partialResult() {
        return partialResult;
    }
}
