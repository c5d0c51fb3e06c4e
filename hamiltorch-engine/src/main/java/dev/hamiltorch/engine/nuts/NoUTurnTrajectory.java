package dev.hamiltorch.engine.nuts;

import dev.hamiltorch.api.GuardedTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.spi.Integrator;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One No-U-Turn transition (Hoffman &amp; Gelman 2014, in the multinomial form of Betancourt 2017, "A
 * Conceptual Introduction to Hamiltonian Monte Carlo", appendix A), as a pure function of the
 * Hamiltonian (which carries the metric), the integrator, the step size, the start point, the random
 * stream and the maximum tree depth: {@link #sample}.
 *
 * <p>The trajectory doubles, in a random direction each time, by a subtree built recursively from single
 * integration steps. Within a subtree a state is drawn with probability proportional to its weight
 * exp(H₀ − H) (multinomial sampling); at the top level the new subtree's draw replaces the current one
 * with probability min(1, w_new / w_old) (biased progressive sampling, which favours states far from the
 * start). Doubling stops when
 * <ul>
 *   <li>the generalized U-turn criterion fails: with ρ the sum of the momenta over a (sub)trajectory and
 *       p♯ = ∂K/∂p the velocity at its two ends, the trajectory continues while p♯₋·ρ &gt; 0 and
 *       p♯₊·ρ &gt; 0. It is checked over every merged pair of subtrees and, as Stan does, also over each
 *       subtree extended by the neighbouring state of the other one, which catches U-turns that happen
 *       between the two halves and that the check over the whole misses (on Gaussians of high
 *       dimension);</li>
 *   <li>a step diverges: H − H₀ &gt; {@value #DIVERGENCE_THRESHOLD}, a non-finite H, or a step the
 *       integrator could not take (a non-finite density, a point where it is undefined, a Riemannian
 *       metric that failed): the subtree that contains it is discarded, the transition is
 *       {@linkplain Result#divergent() divergent} and the draw comes from the trajectory before it;</li>
 *   <li>the tree reaches the maximum depth (2^depth − 1 steps in all).</li>
 * </ul>
 * The acceptance statistic is the mean of min(1, exp(H₀ − H)) over every state the transition built,
 * discarded subtrees included (Stan's {@code accept_stat__}, the quantity step-size adaptation targets).
 */
public final class NoUTurnTrajectory {

    /** The maximum tree depth when none is given (Stan's). */
    public static final int DEFAULT_MAX_TREE_DEPTH = 10;
    /** The largest maximum tree depth accepted: 2^30 steps per transition is far past any practical run. */
    public static final int LARGEST_MAX_TREE_DEPTH = 30;
    /** H − H₀ above which a step is divergent (Stan's value, shared with HMC). */
    public static final double DIVERGENCE_THRESHOLD = MetropolisKernel.DIVERGENCE_THRESHOLD;

    private final Hamiltonian hamiltonian;
    private final Integrator integrator;
    private final double stepSize;
    private final double startEnergy;
    private final RandomGenerator rng;
    private final GuardedTarget guard;

    // what the transition counts over every state it builds, discarded subtrees included
    private int steps;
    private int gradientEvaluations;
    private double sumAcceptProbability;
    private boolean divergent;
    private Event failure;

    /**
     * The builder of one transition's trees.
     *
     * @param startEnergy H₀, the Hamiltonian at the start, against which every state is weighted
     */
    NoUTurnTrajectory(Hamiltonian hamiltonian, Integrator integrator, double stepSize, double startEnergy,
                      RandomGenerator rng) {
        this.hamiltonian = hamiltonian;
        this.integrator = integrator;
        this.stepSize = stepSize;
        this.startEnergy = startEnergy;
        this.rng = rng;
        this.guard = hamiltonian.target() instanceof GuardedTarget g ? g : null;
    }

    /**
     * What one transition produced.
     *
     * @param sample the state drawn from the trajectory (the start itself when nothing else was drawn)
     * @param sampleEnergy H at {@code sample}: Stan's {@code energy__}
     * @param startEnergy H₀, at the start with its fresh momentum
     * @param treeDepth the number of doublings kept: the trajectory holds 2^treeDepth states (Stan's
     *        {@code treedepth__})
     * @param steps integration steps taken, the discarded subtree's included (Stan's {@code n_leapfrog__})
     * @param gradientEvaluations evaluations of ∇ log π the integrator made
     * @param acceptStat the mean of min(1, exp(H₀ − H)) over the states built (Stan's {@code accept_stat__})
     * @param divergent whether a step diverged
     * @param failure the integrator's reason when a step could not be taken (then {@code divergent} too), or null
     */
    public record Result(PhasePoint sample, double sampleEnergy, double startEnergy, int treeDepth, int steps,
                         int gradientEvaluations, double acceptStat, boolean divergent, Event failure) {
    }

    /**
     * One transition from {@code start}, whose momentum has been drawn already.
     *
     * @param hamiltonian H, for this trajectory (a jittered metric's draw made already)
     * @param integrator the integrator, for this trajectory; it is called one step at a time, with
     *        step size ±{@code stepSize}
     * @param stepSize ε &gt; 0
     * @param start (θ, p) with log π(θ) and its gradient, all finite
     * @param rng the source of the direction of each doubling and of the multinomial draws
     * @param maxTreeDepth the most doublings, in [1, {@value #LARGEST_MAX_TREE_DEPTH}]
     * @return the draw and the transition's statistics
     * @throws IllegalArgumentException if {@code stepSize} is not positive and finite, {@code maxTreeDepth}
     *         is out of range, or H at the start is not finite
     */
    public static Result sample(Hamiltonian hamiltonian, Integrator integrator, double stepSize, PhasePoint start,
                                RandomGenerator rng, int maxTreeDepth) {
        Objects.requireNonNull(hamiltonian, "hamiltonian");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(rng, "rng");
        checkStepSize(stepSize);
        checkMaxTreeDepth(maxTreeDepth);
        double h0 = hamiltonian.energy(start);
        if (!Double.isFinite(h0)) {
            throw new IllegalArgumentException("the Hamiltonian at the start is " + h0 + "; start where it is finite");
        }
        return new NoUTurnTrajectory(hamiltonian, integrator, stepSize, h0, rng).transition(start, maxTreeDepth);
    }

    /** @throws IllegalArgumentException naming {@code stepSize} unless it is positive and finite */
    static void checkStepSize(double stepSize) {
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("stepSize = " + stepSize + ": must be positive and finite");
        }
    }

    /** @throws IllegalArgumentException naming {@code maxTreeDepth} unless it is in [1, 30] */
    static void checkMaxTreeDepth(int maxTreeDepth) {
        if (maxTreeDepth < 1 || maxTreeDepth > LARGEST_MAX_TREE_DEPTH) {
            throw new IllegalArgumentException("maxTreeDepth = " + maxTreeDepth + ": must be in [1, "
                    + LARGEST_MAX_TREE_DEPTH + "]");
        }
    }

    private Result transition(PhasePoint start, int maxTreeDepth) {
        State origin = state(start, startEnergy);
        State forwardEnd = origin;
        State backwardEnd = origin;
        double[] rho = start.momentum().clone();
        double logSumWeight = 0; // log exp(H₀ − H₀)
        State sample = origin;
        int depth = 0;
        while (depth < maxTreeDepth) {
            boolean forward = rng.nextDouble() > 0.5;
            State near = forward ? forwardEnd : backwardEnd;
            State far = forward ? backwardEnd : forwardEnd;
            Subtree subtree = build(depth, near, forward ? 1 : -1);
            if (subtree == null) {
                break; // divergent or turned inside: nothing of it is kept
            }
            depth++;
            // biased progressive sampling: a heavier new half always takes over
            double take = Math.exp(subtree.logSumWeight - logSumWeight);
            if (take >= 1 || rng.nextDouble() < take) {
                sample = subtree.proposal;
            }
            logSumWeight = logSumExp(logSumWeight, subtree.logSumWeight);
            if (forward) {
                forwardEnd = subtree.last;
            } else {
                backwardEnd = subtree.last;
            }
            boolean persists = persists(far, near, rho, subtree.first, subtree.last, subtree.rho);
            add(rho, subtree.rho);
            if (!persists) {
                break;
            }
        }
        return new Result(sample.point, sample.energy, startEnergy, depth, steps, gradientEvaluations,
                sumAcceptProbability / steps, divergent, failure);
    }

    /**
     * A subtree of 2^depth steps integrated from {@code from} in direction {@code sign}, or null when it
     * is invalid (a step diverged, or it U-turned inside).
     */
    Subtree build(int depth, State from, int sign) {
        if (depth == 0) {
            return leaf(from, sign);
        }
        Subtree init = build(depth - 1, from, sign);
        if (init == null) {
            return null;
        }
        Subtree last = build(depth - 1, init.last, sign);
        if (last == null) {
            return null;
        }
        double logSumWeight = logSumExp(init.logSumWeight, last.logSumWeight);
        double take = Math.exp(last.logSumWeight - logSumWeight);
        State proposal = take >= 1 || rng.nextDouble() < take ? last.proposal : init.proposal;
        if (!persists(init.first, init.last, init.rho, last.first, last.last, last.rho)) {
            return null;
        }
        // init's ρ is its own (a leaf's copy or a merge's) and init is dropped here: the sum reuses it
        double[] rho = init.rho;
        add(rho, last.rho);
        return new Subtree(init.first, last.last, rho, proposal, logSumWeight);
    }

    private Subtree leaf(State from, int sign) {
        IntegrationResult r = integrator.integrate(hamiltonian, from.point, sign * stepSize, 1);
        steps++;
        gradientEvaluations += r.gradientEvaluations();
        if (guard != null && guard.takeFailure() != null) {
            // an undefined point met on the way, even one the integrator stepped past
            return failed(Event.DOMAIN_ERROR);
        }
        if (r.failure() != null) {
            return failed(r.failure());
        }
        PhasePoint point = r.end();
        double h = hamiltonian.energy(point);
        if (!Double.isFinite(h)) {
            return failed(Event.INVALID_LOG_PROB);
        }
        double logWeight = startEnergy - h;
        sumAcceptProbability += logWeight > 0 ? 1 : Math.exp(logWeight);
        if (h - startEnergy > DIVERGENCE_THRESHOLD) {
            divergent = true;
            return null;
        }
        State s = state(point, h);
        return new Subtree(s, s, point.momentum().clone(), s, logWeight);
    }

    /** A step that could not be taken: its weight is 0 and it diverges. */
    private Subtree failed(Event reason) {
        divergent = true;
        failure = reason;
        return null;
    }

    private State state(PhasePoint point, double energy) {
        double[] velocity = new double[point.momentum().length];
        hamiltonian.velocity(point.position(), point.momentum(), velocity);
        return new State(point, velocity, energy);
    }

    /**
     * The generalized U-turn criterion over two adjacent subtrees a, b (a's {@code aNear} end next to
     * b's {@code bNear}): over the merged trajectory, and over each subtree extended by the other's
     * neighbouring state.
     */
    static boolean persists(State aFar, State aNear, double[] rhoA, State bNear, State bFar, double[] rhoB) {
        // each ρ is summed inside the dot products that read it, in the order a materialised sum would take,
        // so the tests allocate nothing and have the values of the sums written out
        double[] pANear = aNear.point.momentum();
        double[] pBNear = bNear.point.momentum();
        return noUTurn(aFar.velocity, bFar.velocity, rhoA, rhoB)
                && noUTurn(aFar.velocity, bNear.velocity, rhoA, pBNear)
                && noUTurn(aNear.velocity, bFar.velocity, rhoB, pANear);
    }

    /** p♯₋·ρ &gt; 0 and p♯₊·ρ &gt; 0: neither end moves back towards the other. */
    static boolean noUTurn(double[] velocityOneEnd, double[] velocityOtherEnd, double[] rho) {
        return dot(velocityOneEnd, rho) > 0 && dot(velocityOtherEnd, rho) > 0;
    }

    /** {@link #noUTurn(double[], double[], double[])} with ρ = x + y. */
    private static boolean noUTurn(double[] velocityOneEnd, double[] velocityOtherEnd, double[] x, double[] y) {
        return dotWithSum(velocityOneEnd, x, y) > 0 && dotWithSum(velocityOtherEnd, x, y) > 0;
    }

    /** v·(x + y), each xᵢ + yᵢ rounded before the product. */
    private static double dotWithSum(double[] v, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * (x[i] + y[i]);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void add(double[] into, double[] x) {
        for (int i = 0; i < into.length; i++) {
            into[i] += x[i];
        }
    }

    /** log(eᵃ + eᵇ) without overflow; −∞ when both are. */
    static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    int steps() {
        return steps;
    }

    double sumAcceptProbability() {
        return sumAcceptProbability;
    }

    boolean divergent() {
        return divergent;
    }

    /** A state of the trajectory with its velocity p♯ = ∂K/∂p and its energy H. */
    record State(PhasePoint point, double[] velocity, double energy) {
    }

    /**
     * A valid subtree: its first and last states in the order of integration, the sum ρ of its momenta,
     * the state drawn from it and log Σ exp(H₀ − H) over its states.
     */
    record Subtree(State first, State last, double[] rho, State proposal, double logSumWeight) {
    }
}
