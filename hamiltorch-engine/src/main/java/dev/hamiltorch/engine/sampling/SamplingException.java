package dev.hamiltorch.engine.sampling;

import java.util.Arrays;
import java.util.List;

/**
 * Sampling stopped because user code (the target, or a progress listener) threw, or the kernel refused
 * the initial position; or it never started because the log density threw at {@code paramsInit}
 * ({@link #atParamsInit}). The cause is the original exception; {@link #partialResult()} holds what every
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

    private SamplingException(String message, Samples partialResult, Throwable cause) {
        super(message, cause);
        this.chain = 0;
        this.iteration = 0;
        this.partialResult = partialResult;
    }

    /**
     * The log density (user code) threw {@code cause} at {@code paramsInit}, where it is evaluated once
     * before any chain starts: a failure of the density's code, not a bad argument (a
     * {@link dev.hamiltorch.api.DomainException} there is, and is reported as an
     * {@link IllegalArgumentException} instead). {@link #chain()} and {@link #iteration()} are 0, and
     * {@link #partialResult()} holds {@code chains} chains without an iteration.
     *
     * @param paramsInit the initial position the density was evaluated at
     * @param chains the number of chains the run asked for
     * @param numSamples the run's iterations per chain
     * @param burn the run's burn-in
     * @param cause what the log density threw
     * @return the exception to throw
     */
    public static SamplingException atParamsInit(double[] paramsInit, int chains, int numSamples, int burn,
                                                 Throwable cause) {
        return new SamplingException("the log density threw at paramsInit = " + describe(paramsInit)
                + ", before sampling: " + cause, ChainRunner.unstarted(chains, numSamples, burn, paramsInit.length, List.of()),
                cause);
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

    /**
     * A vector as messages write it: all of a short one, the first ten values and the length of a long one
     * (a network's θ would otherwise fill megabytes of text).
     */
    public static String describe(double[] values) {
        if (values.length <= 20) {
            return Arrays.toString(values);
        }
        return Arrays.toString(Arrays.copyOf(values, 10)).replace("]", ", … (" + values.length + " values)]");
    }
}
