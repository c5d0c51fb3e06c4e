package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian.Geometry;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The explicit symplectic integrator for non-separable Hamiltonians of Tao (2016), as Cobb et al.
 * (2019) use it for Riemannian manifold HMC. Phase space is doubled with a copy (x, y) of (θ, p) and
 * the augmented Hamiltonian H(θ, y) + H(x, p) + ω/2 (|θ − x|² + |p − y|²), with binding constant ω,
 * is split into three exactly solvable flows:
 * <pre>
 *   φ_A(δ): p ← p − δ ∂H/∂θ(θ, y);  x ← x + δ ∂H/∂p(θ, y)
 *   φ_B(δ): θ ← θ + δ ∂H/∂p(x, p);  y ← y − δ ∂H/∂θ(x, p)
 *   φ_C(ε): with c = cos 2ωε, s = sin 2ωε, all four from the values before the update:
 *           θ' = ½[(θ+x) + c(θ−x) + s(p−y)],  p' = ½[(p+y) − s(θ−x) + c(p−y)]
 *           x' = ½[(θ+x) − c(θ−x) − s(p−y)],  y' = ½[(p+y) + s(θ−x) − c(p−y)]
 * </pre>
 * One step is φ_A(ε/2) φ_B(ε/2) φ_C(ε) φ_B(ε/2) φ_A(ε/2). φ_C is the exact flow of the binding
 * term: a rotation by 2ωε of (θ − x, p − y) that keeps θ + x and p + y. hamiltorch updates its four
 * lines one after the other, so that p', x' and y' see already-rotated values; that map is not the
 * flow (nor even volume-preserving), and is not what this class does.
 *
 * <p>Trajectories start with x = θ, y = p and return the (θ, p) copy. The augmented map is
 * symplectic and time-reversible (flipping p and y). The map on (θ, p) alone, with the copies reset
 * at every trajectory start, is reversible and volume-preserving only up to how far the copies drift
 * apart, O(ε²): going forwards, flipping p and coming back misses the start by about 1e-3 after unit
 * time at ε = 0.1 and 1e-5 at ε = 0.01 in the tests, and the Jacobian determinant differs from 1 by
 * as much, for ω from 1 to 100 (hamiltorch's sampler has the same property). The energy error of the (θ, p) copy is of second order in ε;
 * with hamiltorch's default ω = 100 the error ratio between ε and ε/2 is near 4 only for small steps
 * (ε ≤ 0.02 in the tests) and erratic above, where it depends on 2ωε modulo 2π. When 2ωε is a
 * multiple of π, φ_C is the identity or swaps the copies and does not bind them at all.
 *
 * <p><b>Biased, and its acceptance rate does not show it.</b> The energy error it reports is small, so
 * proposals are accepted, but the map is neither exactly reversible nor volume-preserving on (θ, p), and
 * the Metropolis step does not correct that. On the 1-D quartic log π = −x⁴/4 − x²/2 (Var x = 0.468)
 * with the Hessian metric, ω = 10 and trajectories of length εL = 1.5 (seed 1, 10,000 iterations), Var x
 * came out 0.344 at ε 0.3 (2ωε = 6.0 rad, near 2π) and 0.390 at ε 0.15 (3.0 rad, near π), 21 and 14
 * MCSE off, at 96 % and 98 % acceptance, but 0.451 at ε 0.2 (4.0 rad) and 0.470 at ε 0.1: the bias
 * follows 2ωε, not ε². Use the {@value Integrator#IMPLICIT} integrator for final results; a run with
 * this one says so in its warnings ({@link #warnings}).
 *
 * <p>Works for any Hamiltonian that gives ∂H/∂θ: a {@link dev.hamiltorch.api.dynamics.RiemannianHamiltonian}
 * through its geometries, or a separable one (∂H/∂θ = −∇log π).
 *
 * <h2>Failures</h2>
 * A geometry whose {@link Geometry#failure()} is not null ends the trajectory with that event; a
 * position or momentum that stops being finite with {@link Event#INVALID_LOG_PROB}. Nothing is
 * thrown for these. The result's end point is then the (θ, p) copy at the end of the last completed
 * step (the start when the first step fails) and {@code steps} counts the failing step.
 *
 * <h2>Gradient evaluations</h2>
 * {@link IntegrationResult#gradientEvaluations()} counts the geometries requested at positions other
 * than the start: three per step (at x for each φ_B, and at the new θ for the second φ_A, which the
 * next step's first φ_A reuses), so 3L for L steps. For a separable Hamiltonian each is one call of
 * {@code logDensityAndGradient}.
 *
 * <p>Immutable and thread-safe; the arrays of the start point are not modified.
 */
@AutoService(Integrator.class)
public final class ExplicitBindingIntegrator implements Integrator {

    /** Option {@code explicitBindingConst}: the binding constant ω; default 100 (hamiltorch's). */
    public static final PluginOption<Double> EXPLICIT_BINDING_CONST = PluginOption.ofDouble("explicitBindingConst",
            100, "must be positive and finite", v -> v > 0 && Double.isFinite(v));

    private final double explicitBindingConst;

    /** With hamiltorch's default binding constant ω = 100 (used by {@link java.util.ServiceLoader}). */
    public ExplicitBindingIntegrator() {
        this(EXPLICIT_BINDING_CONST.defaultValue());
    }

    /**
     * @param explicitBindingConst the binding constant ω
     * @throws IllegalArgumentException if ω is not positive and finite
     */
    public ExplicitBindingIntegrator(double explicitBindingConst) {
        if (!(explicitBindingConst > 0) || Double.isInfinite(explicitBindingConst)) {
            throw new IllegalArgumentException("explicitBindingConst = " + explicitBindingConst
                    + ": must be positive and finite");
        }
        this.explicitBindingConst = explicitBindingConst;
    }

    @Override
    public String name() {
        return EXPLICIT;
    }

    /** {@code explicitBindingConst}. */
    @Override
    public List<PluginOption<?>> options() {
        return List.of(EXPLICIT_BINDING_CONST);
    }

    /** An instance with the option {@code explicitBindingConst}. */
    @Override
    public ExplicitBindingIntegrator configure(PluginOptions options) {
        return new ExplicitBindingIntegrator(options.get(EXPLICIT_BINDING_CONST));
    }

    /** The binding constant ω. */
    public double explicitBindingConst() {
        return explicitBindingConst;
    }

    /**
     * One sentence, whatever happened: this integrator's results are biased in a way its acceptance rate
     * hides (see the class description), so final results should come from the implicit integrator.
     */
    @Override
    public List<String> warnings(PluginOptions options, StepParameters tuning, Map<Event, Long> events, long iterations) {
        return List.of(String.format(Locale.ROOT, "the explicit integrator (ω = %s, ε = %s: 2ωε = %.2f rad) is"
                + " not exactly reversible or volume-preserving, and its high acceptance rate hides a bias that"
                + " follows 2ωε (on a 1-D quartic with Var 0.468, ω 10 gave Var 0.344 at ε 0.3 and 0.390 at ε"
                + " 0.15 with 96-98 %% acceptance); use integrator \"implicit\" for final results",
                options.get(EXPLICIT_BINDING_CONST), tuning.stepSize(),
                2 * options.get(EXPLICIT_BINDING_CONST) * tuning.stepSize()));
    }

    /** @throws IllegalArgumentException if the Hamiltonian is neither Riemannian nor separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        GeometrySource.of(hamiltonian, EXPLICIT);
    }

    /**
     * Integrates {@code steps} steps of size {@code stepSize} from {@code start}, with the copies
     * starting equal to it, and returns the (θ, p) copy.
     *
     * @throws IllegalArgumentException if the Hamiltonian is neither Riemannian nor separable,
     *         {@code stepSize} is not finite, {@code steps} is negative, or the start point's arrays do
     *         not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        GeometrySource geometries = GeometrySource.of(hamiltonian, EXPLICIT);
        Vectors.checkArguments(start, hamiltonian.dimension(), stepSize, steps);
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
        double[] theta = start.position().clone();
        double[] p = start.momentum().clone();
        return run(geometries, geometry, start, theta, p, theta.clone(), p.clone(), stepSize, steps);
    }

    /**
     * Integrates the augmented state (θ, p, x, y) in place, for tests of the augmented map. The result's
     * end point is the (θ, p) copy, as from {@link #integrate}.
     */
    IntegrationResult integrateAugmented(Hamiltonian hamiltonian, double[] theta, double[] p, double[] x,
                                         double[] y, double stepSize, int steps) {
        GeometrySource geometries = GeometrySource.of(hamiltonian, EXPLICIT);
        Geometry geometry = geometries.at(theta.clone());
        PhasePoint start = new PhasePoint(theta.clone(), p.clone(), geometry.logDensity(), geometry.gradient());
        return run(geometries, geometry, start, theta, p, x, y, stepSize, steps);
    }

    private IntegrationResult run(GeometrySource geometries, Geometry startGeometry, PhasePoint start,
                                  double[] theta, double[] p, double[] x, double[] y, double stepSize, int steps) {
        int d = theta.length;
        double half = 0.5 * stepSize;
        double angle = 2 * explicitBindingConst * stepSize;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] dH = new double[d];
        double[] v = new double[d];
        Geometry atTheta = startGeometry;
        PhasePoint completed = start;
        int evaluations = 0;

        for (int step = 1; step <= steps; step++) {
            flowA(atTheta, half, p, x, y, dH, v);

            if (!Vectors.allFinite(x)) {
                return Vectors.result(completed, start, Event.INVALID_LOG_PROB, step, evaluations);
            }
            Geometry atX = geometries.at(x.clone()); // a copy: x moves on, the geometry may keep its array
            evaluations++;
            if (atX.failure() != null) {
                return Vectors.result(completed, start, atX.failure(), step, evaluations);
            }
            flowB(atX, half, theta, p, y, dH, v);

            rotate(theta, p, x, y, c, s);

            if (!Vectors.allFinite(x)) {
                return Vectors.result(completed, start, Event.INVALID_LOG_PROB, step, evaluations);
            }
            atX = geometries.at(x.clone());
            evaluations++;
            if (atX.failure() != null) {
                return Vectors.result(completed, start, atX.failure(), step, evaluations);
            }
            flowB(atX, half, theta, p, y, dH, v);

            if (!Vectors.allFinite(theta)) {
                return Vectors.result(completed, start, Event.INVALID_LOG_PROB, step, evaluations);
            }
            double[] thetaNow = theta.clone();
            atTheta = geometries.at(thetaNow);
            evaluations++;
            if (atTheta.failure() != null) {
                return Vectors.result(completed, start, atTheta.failure(), step, evaluations);
            }
            flowA(atTheta, half, p, x, y, dH, v);

            if (!Vectors.allFinite(p) || !Double.isFinite(atTheta.logDensity())) {
                return Vectors.result(completed, start, Event.INVALID_LOG_PROB, step, evaluations);
            }
            completed = new PhasePoint(thetaNow, p.clone(), atTheta.logDensity(), atTheta.gradient());
        }
        return Vectors.result(completed, start, null, steps, evaluations);
    }

    /** φ_A(δ), the flow of H(θ, y): θ and y stay, so one geometry at θ serves both updates. */
    private static void flowA(Geometry atTheta, double delta, double[] p, double[] x, double[] y, double[] dH,
                              double[] v) {
        atTheta.positionGradient(y, dH);
        atTheta.velocity(y, v);
        Vectors.axpy(-delta, dH, p);
        Vectors.axpy(delta, v, x);
    }

    /** φ_B(δ), the flow of H(x, p): x and p stay, so one geometry at x serves both updates. */
    private static void flowB(Geometry atX, double delta, double[] theta, double[] p, double[] y, double[] dH,
                              double[] v) {
        atX.velocity(p, v);
        atX.positionGradient(p, dH);
        Vectors.axpy(delta, v, theta);
        Vectors.axpy(-delta, dH, y);
    }

    /**
     * φ_C: rotates (θ − x, p − y) by the angle whose cosine and sine are c and s, keeping θ + x and
     * p + y, in place. Every new value is computed from the old ones (the simultaneous update).
     */
    static void rotate(double[] theta, double[] p, double[] x, double[] y, double c, double s) {
        for (int i = 0; i < theta.length; i++) {
            double sumQ = theta[i] + x[i];
            double sumP = p[i] + y[i];
            double diffQ = theta[i] - x[i];
            double diffP = p[i] - y[i];
            double rotatedQ = c * diffQ + s * diffP;
            double rotatedP = -s * diffQ + c * diffP;
            theta[i] = 0.5 * (sumQ + rotatedQ);
            x[i] = 0.5 * (sumQ - rotatedQ);
            p[i] = 0.5 * (sumP + rotatedP);
            y[i] = 0.5 * (sumP - rotatedP);
        }
    }
}
