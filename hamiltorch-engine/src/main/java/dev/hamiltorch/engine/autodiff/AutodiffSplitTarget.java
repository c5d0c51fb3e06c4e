package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.SplitTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link SplitTarget} whose terms are {@link LogDensity log densities} differentiated by automatic
 * differentiation: log π(θ) = Σₘ Lₘ(θ), hamiltorch's list of log-probability functions (the likelihood
 * of M shards of the data, with the prior in one of them). Each term is an {@link AutodiffTarget} of
 * its own, so each is recorded at its first gradient and replayed after that, or evaluated eagerly,
 * exactly as a single density is (see {@link AutodiffTarget} for what replay needs).
 *
 * <p>The whole — {@link #logDensity}, {@link #logDensityAndGradient}, and the Hessian and third
 * derivatives that RMHMC asks for — is the sum of the terms', added in the order of the terms,
 * starting from term 0, so that the same θ gives the same bits every time.
 *
 * <p>One instance serves one thread at a time; {@link #copy()} gives each chain its own terms.
 */
public final class AutodiffSplitTarget implements SplitTarget {

    private final AutodiffTarget[] terms;
    private final int dimension;

    /**
     * @param terms the terms Lₘ, at least one, none null
     * @param dimension the number of parameters every term takes
     * @param replay whether each term's recorded graph may be replayed (see {@link AutodiffTarget})
     * @throws IllegalArgumentException if {@code terms} is empty or holds null, or {@code dimension} is
     *         not positive
     */
    public AutodiffSplitTarget(List<? extends LogDensity> terms, int dimension, boolean replay) {
        this(autodiffTerms(terms, dimension, replay), dimension);
    }

    private AutodiffSplitTarget(AutodiffTarget[] terms, int dimension) {
        this.terms = terms;
        this.dimension = dimension;
    }

    private static AutodiffTarget[] autodiffTerms(List<? extends LogDensity> terms, int dimension, boolean replay) {
        checkTerms(terms);
        AutodiffTarget[] targets = new AutodiffTarget[terms.size()];
        for (int m = 0; m < targets.length; m++) {
            targets[m] = new AutodiffTarget(terms.get(m), dimension, replay);
        }
        return targets;
    }

    /**
     * Checks a list of terms as {@link dev.hamiltorch.engine.Hamiltorch#sampleSplit} takes it.
     *
     * @throws IllegalArgumentException if {@code terms} is null or empty, or one of its terms is null
     */
    public static void checkTerms(List<? extends LogDensity> terms) {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("terms = " + terms + ": at least one log density term is required");
        }
        for (int m = 0; m < terms.size(); m++) {
            if (terms.get(m) == null) {
                throw new IllegalArgumentException("terms[" + m + "] = null: every term must be a log density");
            }
        }
    }

    /** Every order: each term is an {@link AutodiffTarget}, and the whole's derivatives are their sums. */
    @Override
    public DerivativeOrder derivativeOrder() {
        return DerivativeOrder.THIRD;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int terms() {
        return terms.length;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code term} is out of range, or the term's code does (its
     *         message then names the term); a {@link DomainException} passes through unchanged
     */
    @Override
    public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
        AutodiffTarget t = term(term);
        try {
            return t.logDensityAndGradient(theta, gradient);
        } catch (IllegalArgumentException e) {
            throw namingTheTerm(term, e);
        }
    }

    /** Σₘ Lₘ(θ), evaluated as the gradient is (see {@link AutodiffTarget#logDensity}). */
    @Override
    public double logDensity(double[] theta) {
        double sum = 0.0;
        for (int m = 0; m < terms.length; m++) {
            try {
                sum += terms[m].logDensity(theta);
            } catch (IllegalArgumentException e) {
                throw namingTheTerm(m, e);
            }
        }
        return sum;
    }

    /** Σₘ Lₘ(θ), writing Σₘ ∇Lₘ(θ) into {@code gradient}; the same sums as {@link #logDensity}. */
    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
        // a fresh buffer per call keeps an instance that threads share correct, as AutodiffTarget is
        double[] termGradient = new double[dimension];
        Arrays.fill(gradient, 0, dimension, 0.0); // as AutodiffTarget, writes the first D entries only
        double sum = 0.0;
        for (int m = 0; m < terms.length; m++) {
            sum += termLogDensityAndGradient(m, theta, termGradient);
            for (int i = 0; i < dimension; i++) {
                gradient[i] += termGradient[i];
            }
        }
        return sum;
    }

    /** Σₘ ∇²Lₘ(θ); every term is evaluated eagerly from then on (see {@link AutodiffTarget#hessian}). */
    @Override
    public double[][] hessian(double[] theta) {
        double[][] sum = new double[dimension][dimension];
        for (int m = 0; m < terms.length; m++) {
            double[][] h = ofTerm(m, t -> t.hessian(theta));
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j < dimension; j++) {
                    sum[i][j] += h[i][j];
                }
            }
        }
        return sum;
    }

    /** Σₘ of the terms' third-order contractions, a linear function of the terms. */
    @Override
    public double[] thirdOrderContraction(double[] theta, double[][] s) {
        double[] sum = new double[dimension];
        for (int m = 0; m < terms.length; m++) {
            double[] c = ofTerm(m, t -> t.thirdOrderContraction(theta, s));
            for (int i = 0; i < dimension; i++) {
                sum[i] += c[i];
            }
        }
        return sum;
    }

    /** Σₘ ∂³Lₘ(θ). */
    @Override
    public double[][][] thirdDerivatives(double[] theta) {
        double[][][] sum = new double[dimension][dimension][dimension];
        for (int m = 0; m < terms.length; m++) {
            double[][][] t = ofTerm(m, term -> term.thirdDerivatives(theta));
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j < dimension; j++) {
                    for (int k = 0; k < dimension; k++) {
                        sum[i][j][k] += t[i][j][k];
                    }
                }
            }
        }
        return sum;
    }

    /** The same terms, each with a cache and tape of its own, for another thread. */
    @Override
    public AutodiffSplitTarget copy() {
        AutodiffTarget[] copies = new AutodiffTarget[terms.length];
        for (int m = 0; m < terms.length; m++) {
            copies[m] = terms[m].copy();
        }
        return new AutodiffSplitTarget(copies, dimension);
    }

    /**
     * The coordinates of θ that no term reads, found in the terms' graphs at {@code theta} (see
     * {@link AutodiffTarget#unreadParameters}): a coordinate that one term reads has a posterior, even
     * if the other terms ignore it.
     *
     * @return the indices no term reads, in increasing order, and whether that holds at every θ (every
     *         term's answer does)
     */
    public AutodiffTarget.UnreadParameters unreadParameters(double[] theta) {
        boolean[] read = new boolean[dimension];
        boolean certain = true;
        for (int m = 0; m < terms.length; m++) {
            AutodiffTarget.UnreadParameters u = ofTerm(m, t -> t.unreadParameters(theta));
            certain &= u.certain();
            boolean[] unread = new boolean[dimension];
            for (int i : u.indices()) {
                unread[i] = true;
            }
            for (int i = 0; i < dimension; i++) {
                read[i] |= !unread[i];
            }
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            if (!read[i]) {
                indices.add(i);
            }
        }
        return new AutodiffTarget.UnreadParameters(indices.stream().mapToInt(Integer::intValue).toArray(), certain);
    }

    /** Whether term m's evaluations replay its recorded graph on this thread. */
    boolean replays(int term) {
        return term(term).replays();
    }

    private AutodiffTarget term(int term) {
        if (term < 0 || term >= terms.length) {
            throw new IllegalArgumentException("term = " + term + ": must be in [0, " + terms.length + ")");
        }
        return terms[term];
    }

    /** What {@code evaluation} gives for term m, a failure naming the term (see {@link #namingTheTerm}). */
    private <R> R ofTerm(int m, Function<AutodiffTarget, R> evaluation) {
        try {
            return evaluation.apply(terms[m]);
        } catch (IllegalArgumentException e) {
            throw namingTheTerm(m, e);
        }
    }

    /**
     * The term's exception with the term's index in its message, so that a bad term in a long list is
     * found; a {@link DomainException} is the density being undefined at θ, which the sampler handles,
     * and passes unchanged.
     */
    private static IllegalArgumentException namingTheTerm(int term, IllegalArgumentException e) {
        if (e instanceof DomainException) {
            return e;
        }
        return new IllegalArgumentException("term " + term + " of the log density: " + e.getMessage(), e);
    }
}
