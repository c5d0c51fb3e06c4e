package dev.hamiltorch.api;

import java.util.Arrays;

/**
 * A target whose log density is a sum of M terms, log π(θ) = Σₘ Lₘ(θ), each with its own gradient:
 * hamiltorch's list of log-probability functions, typically the likelihood of M shards of the data
 * (with the prior in one of them). The split integrators ({@link dev.hamiltorch.api.spi.Integrator#SPLITTING},
 * {@code SPLITTING_RAND}, {@code SPLITTING_KMID}) kick the momentum with one term at a time, so that
 * only one shard is in memory at once.
 *
 * <p>{@link #logDensity} and {@link #logDensityAndGradient} default to the sums over the terms;
 * implementations that can compute the whole more cheaply override them, and must keep them equal to
 * the sums.
 */
public interface SplitTarget extends Target {

    /** The number of terms M (at least 1). */
    int terms();

    /**
     * Lₘ(θ), writing ∇Lₘ(θ) into {@code gradient} (length D). May be non-finite; callers treat that
     * as an invalid proposal.
     *
     * @param term m, in [0, {@link #terms()})
     * @return the term's log density
     */
    double termLogDensityAndGradient(int term, double[] theta, double[] gradient);

    /** Σₘ Lₘ(θ). */
    @Override
    default double logDensity(double[] theta) {
        return logDensityAndGradient(theta, new double[dimension()]);
    }

    /** Σₘ Lₘ(θ), writing Σₘ ∇Lₘ(θ) into {@code gradient}. */
    @Override
    default double logDensityAndGradient(double[] theta, double[] gradient) {
        double[] termGradient = new double[gradient.length];
        Arrays.fill(gradient, 0.0);
        double sum = 0.0;
        for (int m = 0; m < terms(); m++) {
            sum += termLogDensityAndGradient(m, theta, termGradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += termGradient[i];
            }
        }
        return sum;
    }

    /** A split target computing the same terms, usable from another thread (see {@link Target#copy()}). */
    @Override
    SplitTarget copy();
}
