package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian.Geometry;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;

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
 * the failing step.
 *
 * <h2>Gradient evaluations</h2>
 * {@link IntegrationResult#gradientEvaluations()} counts the geometries requested from the
 * Hamiltonian at positions other than the start, each at a new position: one per iteration of loop
 * (b) after the first (whose θ' is still θ), and one at θ' for (c), which the next step reuses for its
 * loop (a). A step whose loop (b) converges after k iterations costs k geometries, or k − 1 when the
 * last iteration left θ' exactly unchanged (its geometry then serves (c)). For a separable
 * Hamiltonian each is one call of {@code logDensityAndGradient}, and a step costs one, like a
 * leapfrog step: loop (b) stands still at its second iteration, whose geometry serves (c).
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
    private static final SamplerSettings DEFAULTS = SamplerSettings.builder().build();

    private final double fixedPointThreshold;
    private final int fixedPointMaxIterations;

    /** With hamiltorch's defaults: threshold 1e-5, at most 1000 iterations (used by {@link java.util.ServiceLoader}). */
    public GeneralizedLeapfrog() {
        this(DEFAULTS.fixedPointThreshold(), DEFAULTS.fixedPointMaxIterations());
    }

    /**
     * @param fixedPointThreshold a fixed point has converged when the largest squared change of a
     *        component in one iteration is below this
     * @param fixedPointMaxIterations iterations after which a fixed point has not converged
     * @throws IllegalArgumentException if the threshold is not positive and finite or the maximum not positive
     */
    public GeneralizedLeapfrog(double fixedPointThreshold, int fixedPointMaxIterations) {
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

    /** An instance with the settings' {@code fixedPointThreshold} and {@code fixedPointMaxIterations}. */
    @Override
    public GeneralizedLeapfrog configure(SamplerSettings settings) {
        return new GeneralizedLeapfrog(settings.fixedPointThreshold(), settings.fixedPointMaxIterations());
    }

    /** The convergence threshold on the largest squared change per iteration. */
    public double fixedPointThreshold() {
        return fixedPointThreshold;
    }

    /** The iteration cap of each fixed point. */
    public int fixedPointMaxIterations() {
        return fixedPointMaxIterations;
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
