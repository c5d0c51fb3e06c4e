package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian.Geometry;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import java.util.List;

/**
 * The implicit generalized leapfrog (Girolami &amp; Calderhead 2011) for Hamiltonians whose kinetic
 * energy depends on position, H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p. One step of size ε:
 * <pre>
 *   (a) p½ = p − ε/2 · ∂H/∂θ(θ, p½)                     fixed point over p½, θ fixed
 *   (b) θ' = θ + ε/2 · [∂H/∂p(θ, p½) + ∂H/∂p(θ', p½)]    fixed point over θ'
 *   (c) p' = p½ − ε/2 · ∂H/∂θ(θ', p½)                    explicit
 * </pre>
 * Each fixed point starts from p (resp. θ) and iterates until the largest squared change of a
 * component in one iteration is below {@linkplain #fixedPointThreshold() the threshold} (default
 * 1e-5, as hamiltorch: a change below about 3e-3), or gives up after
 * {@linkplain #fixedPointMaxIterations() the maximum number of iterations} (default 1000). With exact
 * fixed points the map is symplectic, time-reversible and of second order; with the threshold it is
 * so to within the fixed points' residuals.
 *
 * <p>The derivatives come from {@link RiemannianHamiltonian#geometry}; a separable Hamiltonian is
 * also accepted (∂H/∂θ = −∇log π), on which the step is the ordinary leapfrog. Loop (a) uses the
 * geometry at θ for every iteration, so it costs no derivative evaluations at all.
 *
 * <h2>Failures</h2>
 * A fixed point that has not converged after the maximum number of iterations, whose iterates
 * stop being finite, or whose change has not set a new smallest value for {@value #STALL_ITERATIONS}
 * iterations, ends the trajectory with {@link Event#FIXED_POINT_NOT_CONVERGED}. A geometry
 * whose {@link Geometry#failure()} is not null (a non-finite log density, a metric that is not
 * positive-definite) ends it with that event; a non-finite momentum after (c) with
 * {@link Event#INVALID_LOG_PROB}. Nothing is thrown for any of these. The result's end point is then
 * the end of the last completed step (the start when the first step fails) and {@code steps} counts
 * the failing step. A failed reversibility check ends with {@link Event#NOT_REVERSIBLE} at the
 * rejected proposal.
 *
 * <h2>Reversibility check</h2>
 * A fixed point that converges one way need not converge the other: the move from z to z′ can be
 * possible while the move from z′ back to z fails, and rejecting only the failing direction breaks
 * detailed balance (on the 2-D quartic log π = Σ −x⁴/4 − x²/2 at ε 0.4 with threshold 1e-12, chains
 * walked into places from which nearly every trajectory fails and stayed there). So, as Brofos &amp;
 * Lederman (2021, "Evaluating the implicit midpoint integrator for Riemannian Hamiltonian Monte Carlo",
 * ICML) propose, after reaching the proposal (θ′, p′) the integrator integrates from (θ′, −p′) with the
 * same steps and rejects the proposal with {@link Event#NOT_REVERSIBLE} when that way back fails for any
 * reason or ends farther from (θ, −p) than {@linkplain #reversibilityTolerance() the tolerance}. A
 * fixed point that does not converge on the way there rejects as before: together the two rules make
 * the set of allowed moves symmetric, since z → z′ is allowed exactly when both directions converge and
 * agree, which is also the condition for z′ → z. The check is skipped for a separable Hamiltonian, whose
 * steps are explicit, and costs a second trajectory otherwise.
 *
 * <h2>Gradient evaluations</h2>
 * {@link IntegrationResult#gradientEvaluations()} counts the geometries requested from the
 * Hamiltonian at positions other than the start, each at a new position: one per iteration of loop
 * (b) after the first (whose θ' is still θ), and one at θ' for (c), which the next step reuses for its
 * loop (a). A step whose loop (b) converges after k iterations costs k geometries, or k − 1 when the
 * last iteration left θ' exactly unchanged (its geometry then serves (c)). For a separable
 * Hamiltonian each is one call of {@code logDensityAndGradient}, and a step costs one, like a
 * leapfrog step: loop (b) stands still at its second iteration, whose geometry serves (c). With the
 * reversibility check, the way back's evaluations are added, and {@code steps} counts its steps too.
 *
 * <p>Immutable and thread-safe; the arrays of the start point are not modified.
 */
@AutoService(Integrator.class)
public final class GeneralizedLeapfrog implements Integrator {

    /**
     * Iterations without a new smallest change after which a fixed point counts as not converging, even
     * below the iteration cap. A converging iteration sets a new smallest change at almost every
     * iteration; one that wanders (a map that is no contraction there, as in the funnel's neck at
     * hamiltorch's step sizes) would otherwise spend the whole cap, each iteration of loop (b) a new
     * geometry, on a proposal that is rejected anyway.
     */
    public static final int STALL_ITERATIONS = 50;

    /** Option {@code fixedPointThreshold}: a fixed point has converged when the largest squared change is below it; default 1e-5 (hamiltorch's). */
    public static final PluginOption<Double> FIXED_POINT_THRESHOLD = PluginOption.ofDouble("fixedPointThreshold",
            1e-5, "must be positive and finite", v -> v > 0 && Double.isFinite(v));
    /** Option {@code fixedPointMaxIterations}: iterations after which a fixed point has not converged; default 1000 (hamiltorch's). */
    public static final PluginOption<Integer> FIXED_POINT_MAX_ITERATIONS = PluginOption.ofInt(
            "fixedPointMaxIterations", 1000, "must be positive", v -> v > 0);
    /**
     * Option {@code reversibilityTolerance}: the largest round-trip error of an accepted trajectory;
     * default NaN, which stands for {@link #defaultReversibilityTolerance(double)} of the threshold;
     * {@link Double#POSITIVE_INFINITY} turns the check off.
     */
    public static final PluginOption<Double> REVERSIBILITY_TOLERANCE = PluginOption.ofDouble("reversibilityTolerance",
            Double.NaN, "must be positive (Infinity turns the check off, NaN stands for the default)",
            v -> v > 0 || v.isNaN());

    private final double fixedPointThreshold;
    private final int fixedPointMaxIterations;
    private final double reversibilityTolerance;

    /**
     * With hamiltorch's defaults, threshold 1e-5 and at most 1000 iterations, and the reversibility check
     * at its default tolerance for that threshold, 1 (used by {@link java.util.ServiceLoader}).
     */
    public GeneralizedLeapfrog() {
        this(FIXED_POINT_THRESHOLD.defaultValue(), FIXED_POINT_MAX_ITERATIONS.defaultValue());
    }

    /**
     * With the reversibility check at its default tolerance for the threshold,
     * {@link #defaultReversibilityTolerance(double)}.
     *
     * @param fixedPointThreshold a fixed point has converged when the largest squared change of a
     *        component in one iteration is below this
     * @param fixedPointMaxIterations iterations after which a fixed point has not converged
     * @throws IllegalArgumentException if the threshold is not positive and finite or the maximum not positive
     */
    public GeneralizedLeapfrog(double fixedPointThreshold, int fixedPointMaxIterations) {
        this(fixedPointThreshold, fixedPointMaxIterations,
                defaultReversibilityTolerance(fixedPointThreshold));
    }

    /**
     * The reversibility tolerance for a fixed-point threshold when none is given: min(1, 1000 √threshold),
     * a thousand times the largest change a converged fixed point may still make (1e-3 at a threshold of
     * 1e-12, 1 at hamiltorch's 1e-5). The way back then misses the start by its fixed points' residuals
     * alone, which are far smaller, when it retraces the way there; it misses by far more, or fails, when
     * it does not.
     */
    public static double defaultReversibilityTolerance(double fixedPointThreshold) {
        return Math.min(1, 1000 * Math.sqrt(fixedPointThreshold));
    }

    /**
     * @param fixedPointThreshold a fixed point has converged when the largest squared change of a
     *        component in one iteration is below this
     * @param fixedPointMaxIterations iterations after which a fixed point has not converged
     * @param reversibilityTolerance the largest {@linkplain #reversibilityTolerance() round-trip error}
     *        of an accepted trajectory; {@link Double#POSITIVE_INFINITY} turns the check off
     * @throws IllegalArgumentException if the threshold is not positive and finite, the maximum not
     *         positive, or the tolerance not positive
     */
    public GeneralizedLeapfrog(double fixedPointThreshold, int fixedPointMaxIterations, double reversibilityTolerance) {
        if (!(reversibilityTolerance > 0)) {
            throw new IllegalArgumentException("reversibilityTolerance = " + reversibilityTolerance
                    + ": must be positive (Infinity turns the check off)");
        }
        this.reversibilityTolerance = reversibilityTolerance;
        if (!(fixedPointThreshold > 0) || Double.isInfinite(fixedPointThreshold)) {
            throw new IllegalArgumentException("fixedPointThreshold = " + fixedPointThreshold
                    + ": must be positive and finite");
        }
        if (fixedPointMaxIterations <= 0) {
            throw new IllegalArgumentException("fixedPointMaxIterations = " + fixedPointMaxIterations
                    + ": must be positive");
        }
        this.fixedPointThreshold = fixedPointThreshold;
        this.fixedPointMaxIterations = fixedPointMaxIterations;
    }

    @Override
    public String name() {
        return IMPLICIT;
    }

    /** {@code fixedPointThreshold}, {@code fixedPointMaxIterations} and {@code reversibilityTolerance}. */
    @Override
    public List<PluginOption<?>> options() {
        return List.of(FIXED_POINT_THRESHOLD, FIXED_POINT_MAX_ITERATIONS, REVERSIBILITY_TOLERANCE);
    }

    /** An instance with the options' threshold, iteration cap and reversibility tolerance (its default when NaN). */
    @Override
    public GeneralizedLeapfrog configure(PluginOptions options) {
        double threshold = options.get(FIXED_POINT_THRESHOLD);
        double tolerance = options.get(REVERSIBILITY_TOLERANCE);
        return new GeneralizedLeapfrog(threshold, options.get(FIXED_POINT_MAX_ITERATIONS),
                Double.isNaN(tolerance) ? defaultReversibilityTolerance(threshold) : tolerance);
    }

    /** The convergence threshold on the largest squared change per iteration. */
    public double fixedPointThreshold() {
        return fixedPointThreshold;
    }

    /** The iteration cap of each fixed point. */
    public int fixedPointMaxIterations() {
        return fixedPointMaxIterations;
    }

    /**
     * The largest round-trip error of an accepted trajectory: after integrating from (θ, p) to the
     * proposal (θ', p'), the integrator integrates from (θ', −p') and compares where it ends with
     * (θ, −p), component by component, absolutely for components of magnitude up to 1 and relatively
     * above. {@link Double#POSITIVE_INFINITY} when the check is off.
     */
    public double reversibilityTolerance() {
        return reversibilityTolerance;
    }

    /** @throws IllegalArgumentException if the Hamiltonian is neither Riemannian nor separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        GeometrySource.of(hamiltonian, IMPLICIT);
    }

    /**
     * Integrates {@code steps} generalized leapfrog steps of size {@code stepSize} from {@code start}.
     *
     * @throws IllegalArgumentException if the Hamiltonian is neither Riemannian nor separable,
     *         {@code stepSize} is not finite, {@code steps} is negative, or the start point's arrays do
     *         not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        GeometrySource geometries = GeometrySource.of(hamiltonian, IMPLICIT);
        int d = hamiltonian.dimension();
        Vectors.checkArguments(start, d, stepSize, steps);
        if (steps == 0) {
            return new IntegrationResult(start, null, 0, 0);
        }
        IntegrationResult forward = integrateOneWay(geometries, d, start, stepSize, steps);
        // a separable Hamiltonian's steps are explicit (each fixed point stands still at its second
        // iteration), hence reversible to rounding: nothing to check
        if (!forward.succeeded() || reversibilityTolerance == Double.POSITIVE_INFINITY
                || !(hamiltonian instanceof RiemannianHamiltonian)) {
            return forward;
        }
        PhasePoint proposal = forward.end();
        IntegrationResult back = integrateOneWay(geometries, d, Vectors.flipped(proposal), stepSize, steps);
        int stepsTaken = forward.steps() + back.steps();
        int evaluations = forward.gradientEvaluations() + back.gradientEvaluations();
        if (!back.succeeded() || !(roundTripError(start, back.end()) <= reversibilityTolerance)) {
            return new IntegrationResult(proposal, Event.NOT_REVERSIBLE, stepsTaken, evaluations);
        }
        return new IntegrationResult(proposal, null, stepsTaken, evaluations);
    }

    /**
     * How far the end of the way back misses the start with its momentum negated: the largest difference
     * of a position or momentum component, relative to the start's component where that exceeds 1 in
     * magnitude (so that the tolerance is absolute near 0 and relative for large components).
     */
    static double roundTripError(PhasePoint start, PhasePoint back) {
        double[] theta = start.position();
        double[] p = start.momentum();
        double[] thetaBack = back.position();
        double[] pBack = back.momentum();
        double error = 0;
        for (int i = 0; i < theta.length; i++) {
            error = Math.max(error, Math.abs(thetaBack[i] - theta[i]) / Math.max(1, Math.abs(theta[i])));
            error = Math.max(error, Math.abs(pBack[i] + p[i]) / Math.max(1, Math.abs(p[i])));
        }
        return error;
    }

    /** The trajectory from {@code start} without the reversibility check; the arguments are checked. */
    private IntegrationResult integrateOneWay(GeometrySource geometries, int d, PhasePoint start, double stepSize,
                                              int steps) {
        if (!Double.isFinite(start.logDensity()) || !Vectors.allFinite(start.gradient())) {
            return new IntegrationResult(start, Event.INVALID_LOG_PROB, 0, 0);
        }
        Geometry geometry = geometries.atStart(start);
        if (geometry.failure() != null) {
            return new IntegrationResult(start, geometry.failure(), 0, 0);
        }

        double half = 0.5 * stepSize;
        // θ and p are replaced, never modified: geometries may keep the θ they were given
        double[] theta = start.position();
        double[] p = start.momentum();
        PhasePoint completed = start;
        double[] dH = new double[d];
        double[] v0 = new double[d];
        double[] v = new double[d];
        int evaluations = 0;
        StallWatch stall = new StallWatch();

        for (int step = 1; step <= steps; step++) {
            // (a) p½ = p − ε/2 ∂H/∂θ(θ, p½), at the geometry of θ throughout
            double[] pHalf = p.clone();
            boolean converged = false;
            stall.reset();
            for (int it = 0; it < fixedPointMaxIterations && !converged; it++) {
                geometry.positionGradient(pHalf, dH);
                double maxSquaredChange = 0;
                for (int i = 0; i < d; i++) {
                    double next = p[i] - half * dH[i];
                    double change = next - pHalf[i];
                    maxSquaredChange = Math.max(maxSquaredChange, change * change);
                    pHalf[i] = next;
                }
                if (!Double.isFinite(maxSquaredChange) || !Vectors.allFinite(pHalf)) {
                    break; // a diverging iteration cannot converge any more
                }
                converged = maxSquaredChange < fixedPointThreshold;
                if (stall.stalls(maxSquaredChange)) {
                    break;
                }
            }
            if (!converged) {
                return Vectors.result(completed, start, Event.FIXED_POINT_NOT_CONVERGED, step, evaluations);
            }

            // (b) θ' = θ + ε/2 [∂H/∂p(θ, p½) + ∂H/∂p(θ', p½)], starting from θ' = θ
            geometry.velocity(pHalf, v0);
            double[] thetaNext = theta;
            Geometry atNext = geometry; // the geometry at thetaNext
            converged = false;
            stall.reset();
            for (int it = 0; it < fixedPointMaxIterations && !converged; it++) {
                if (it > 0) {
                    atNext = geometries.at(thetaNext);
                    evaluations++;
                    if (atNext.failure() != null) {
                        return Vectors.result(completed, start, atNext.failure(), step, evaluations);
                    }
                }
                atNext.velocity(pHalf, v);
                double[] iterate = new double[d]; // a fresh array: the geometry just made may keep the old one
                double maxSquaredChange = 0;
                for (int i = 0; i < d; i++) {
                    iterate[i] = theta[i] + half * (v0[i] + v[i]);
                    double change = iterate[i] - thetaNext[i];
                    maxSquaredChange = Math.max(maxSquaredChange, change * change);
                }
                if (maxSquaredChange > 0) {
                    thetaNext = iterate;
                    atNext = null;
                }
                if (!Double.isFinite(maxSquaredChange) || !Vectors.allFinite(thetaNext)) {
                    break;
                }
                converged = maxSquaredChange < fixedPointThreshold;
                if (stall.stalls(maxSquaredChange)) {
                    break;
                }
            }
            if (!converged) {
                return Vectors.result(completed, start, Event.FIXED_POINT_NOT_CONVERGED, step, evaluations);
            }

            // (c) p' = p½ − ε/2 ∂H/∂θ(θ', p½), explicit at the geometry of θ' (kept when the last iterate stood still)
            Geometry next = atNext;
            if (next == null) {
                next = geometries.at(thetaNext);
                evaluations++;
                if (next.failure() != null) {
                    return Vectors.result(completed, start, next.failure(), step, evaluations);
                }
            }
            next.positionGradient(pHalf, dH);
            double[] pNext = new double[d];
            for (int i = 0; i < d; i++) {
                pNext[i] = pHalf[i] - half * dH[i];
            }
            if (!Vectors.allFinite(pNext) || !Double.isFinite(next.logDensity())) {
                return Vectors.result(completed, start, Event.INVALID_LOG_PROB, step, evaluations);
            }
            theta = thetaNext;
            p = pNext;
            geometry = next;
            completed = new PhasePoint(theta, p, geometry.logDensity(), geometry.gradient());
        }
        return Vectors.result(completed, start, null, steps, evaluations);
    }

    /** The smallest change a fixed point has made so far, and the iterations since it was set. */
    private static final class StallWatch {
        private double smallest;
        private int since;

        void reset() {
            smallest = Double.POSITIVE_INFINITY;
            since = 0;
        }

        /** Records one iteration's change; true once {@link #STALL_ITERATIONS} have set no new smallest one. */
        boolean stalls(double change) {
            if (change < smallest) {
                smallest = change;
                since = 0;
                return false;
            }
            return ++since >= STALL_ITERATIONS;
        }
    }
}
