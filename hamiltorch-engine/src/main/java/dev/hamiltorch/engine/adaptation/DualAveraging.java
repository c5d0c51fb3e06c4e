package dev.hamiltorch.engine.adaptation;

/**
 * Nesterov's (2009) dual averaging of log ε as Hoffman &amp; Gelman (2014, section 3.2.1) apply it to the
 * step size: after the t-th transition with acceptance statistic α,
 * H̄ ← (1 − 1/(t + t₀)) H̄ + (δ − α)/(t + t₀), log ε = μ − √t H̄ / γ and the average
 * log ε̄ ← t^(−κ) log ε + (1 − t^(−κ)) log ε̄; warm-up ends with ε̄. Pure: states are immutable.
 *
 * @param targetAcceptance δ, the acceptance statistic aimed at (hamiltorch's {@code desired_accept_rate})
 * @param gamma γ, how strongly log ε is pulled towards μ
 * @param t0 t₀, which damps the first iterations
 * @param kappa κ, the decay of the average's weights
 */
public record DualAveraging(double targetAcceptance, double gamma, double t0, double kappa) {

    /** Hoffman &amp; Gelman's and Stan's γ. */
    public static final double GAMMA = 0.05;
    /** Hoffman &amp; Gelman's and Stan's t₀. */
    public static final double T0 = 10;
    /** Hoffman &amp; Gelman's and Stan's κ. */
    public static final double KAPPA = 0.75;
    /** Stan's δ and hamiltorch's {@code desired_accept_rate}. */
    public static final double DEFAULT_TARGET_ACCEPTANCE = 0.8;

    /**
     * Where the averaging stands.
     *
     * @param iteration t, the updates made since the last restart
     * @param logStepSize log ε, the step size for the next transition
     * @param logStepSizeAverage log ε̄, the weighted average the warm-up ends with
     * @param meanError H̄, the weighted mean of δ − α
     * @param mu μ, the value log ε is pulled towards (log 10 ε₀)
     */
    public record State(int iteration, double logStepSize, double logStepSizeAverage, double meanError, double mu) {

        /** ε for the next transition. */
        public double stepSize() {
            return Math.exp(logStepSize);
        }

        /** ε̄, the step size to keep after warm-up. */
        public double averageStepSize() {
            return Math.exp(logStepSizeAverage);
        }
    }

    /** @throws IllegalArgumentException naming a bad argument */
    public DualAveraging {
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("desiredAcceptRate = " + targetAcceptance + ": must be in (0, 1)");
        }
        if (!(gamma > 0) || !(t0 >= 0) || !(kappa > 0 && kappa <= 1)) {
            throw new IllegalArgumentException("dual averaging γ = " + gamma + ", t0 = " + t0 + ", κ = " + kappa
                    + ": need γ > 0, t0 ≥ 0, κ in (0, 1]");
        }
    }

    /** Hoffman &amp; Gelman's constants with the target acceptance δ. */
    public static DualAveraging withTarget(double targetAcceptance) {
        return new DualAveraging(targetAcceptance, GAMMA, T0, KAPPA);
    }

    /** A fresh start from the step size ε₀: μ = log 10ε₀ (larger steps are cheaper, so aim above ε₀). */
    public State start(double stepSize) {
        double log = Math.log(stepSize);
        return new State(0, log, 0, 0, Math.log(10) + log);
    }

    /**
     * The state after a transition with acceptance statistic {@code acceptance} (capped at 1; NaN counts
     * as 0, a failed transition).
     */
    public State update(State s, double acceptance) {
        double alpha = Double.isNaN(acceptance) ? 0 : Math.min(1, acceptance);
        int t = s.iteration() + 1;
        double eta = 1 / (t + t0);
        double meanError = (1 - eta) * s.meanError() + eta * (targetAcceptance - alpha);
        double logStepSize = s.mu() - Math.sqrt(t) / gamma * meanError;
        double weight = Math.pow(t, -kappa);
        double average = weight * logStepSize + (1 - weight) * s.logStepSizeAverage();
        return new State(t, logStepSize, average, meanError, s.mu());
    }
}
