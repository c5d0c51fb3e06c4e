package dev.hamiltorch.integrators;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Integrator;

/**
 * The leapfrog (Störmer–Verlet, kick–drift–kick) integrator for separable Hamiltonians
 * H(θ, p) = −log π(θ) + K(p). One step of size ε is
 * <pre>
 *   p  ← p + ε/2 · ∇log π(θ)
 *   θ  ← θ + ε · ∂K/∂p(p)
 *   p  ← p + ε/2 · ∇log π(θ)
 * </pre>
 * It is symplectic and time-reversible, and its energy error over a fixed time is O(ε²).
 *
 * <h2>Gradient evaluations</h2>
 * The gradient at the start comes with the {@link PhasePoint} and the gradient computed at the end
 * of a step is reused by the first half-kick of the next one. A trajectory of L steps therefore calls
 * {@link Target#logDensityAndGradient} exactly L times (once per step, at the new position), and
 * {@link IntegrationResult#gradientEvaluations()} reports L; counting the evaluation that produced the
 * start point's gradient (done once by the sampler when the chain reaches that point), the trajectory
 * costs L + 1. {@link Target#logDensity} is never called.
 *
 * <h2>Invalid points</h2>
 * When the log density or any gradient component at a new position is NaN or infinite, integration
 * stops at once and the result carries {@link Event#INVALID_LOG_PROB}; its end point is that invalid
 * position (with the momentum after the first half-kick of the failing step) and {@code steps} counts
 * the failing step. A start point with a non-finite log density or gradient fails with 0 steps.
 *
 * <p>Stateless and thread-safe: each call works in its own arrays, allocated once per call and never
 * per step; the arrays of {@code start} are not modified.
 */
@AutoService(Integrator.class)
public final class Leapfrog implements Integrator {

    /** Creates the integrator (also used by {@link java.util.ServiceLoader}). */
    public Leapfrog() {
    }

    @Override
    public String name() {
        return LEAPFROG;
    }

    /** @throws IllegalArgumentException if the Hamiltonian is not separable */
    @Override
    public void checkSupports(Hamiltonian hamiltonian) {
        if (!hamiltonian.isSeparable()) {
            throw badArguments(hamiltonian, 0.0, 0);
        }
    }

    /**
     * Integrates {@code steps} leapfrog steps of size {@code stepSize} from {@code start}.
     * A negative step size integrates backwards in time.
     *
     * @throws IllegalArgumentException if the Hamiltonian is not separable, {@code stepSize} is not
     *         finite, {@code steps} is negative, or the start point's arrays do not have length D
     */
    @Override
    public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
        // x − x is 0 for finite x and NaN for ±∞ or NaN (Double.isFinite costs two calls when interpreted)
        if (!hamiltonian.isSeparable() || !(stepSize - stepSize == 0) || steps < 0) {
            throw badArguments(hamiltonian, stepSize, steps);
        }
        Target target = hamiltonian.target();
        int d = hamiltonian.dimension();
        double[] position = start.position();
        double[] momentum = start.momentum();
        double[] gradient = start.gradient();
        double logDensity = start.logDensity();
        if (position.length != d || momentum.length != d || gradient.length != d) {
            checkLength("position", position, d);
            checkLength("momentum", momentum, d);
            checkLength("gradient", gradient, d);
        }
        if (!(logDensity - logDensity == 0) || !allFinite(gradient)) {
            return new IntegrationResult(start, Event.INVALID_LOG_PROB, 0, 0);
        }

        // These three become the returned point: one allocation per trajectory, none per step.
        double[] theta = position.clone();
        double[] p = momentum.clone();
        double[] grad = gradient.clone();
        double[] velocity = new double[d];
        double halfStep = 0.5 * stepSize;

        // The element loops are written here, not called: their back-edges count towards compiling this
        // method, which a 400-iteration run otherwise calls too rarely to leave the interpreter.
        for (int step = 1; step <= steps; step++) {
            for (int i = 0; i < d; i++) {
                p[i] += halfStep * grad[i];
            }
            hamiltonian.velocity(theta, p, velocity);
            for (int i = 0; i < d; i++) {
                theta[i] += stepSize * velocity[i];
            }
            logDensity = target.logDensityAndGradient(theta, grad);
            boolean finite = logDensity - logDensity == 0; // 0 for finite x, NaN for ±∞ and NaN
            for (int i = 0; i < d; i++) {
                finite &= grad[i] - grad[i] == 0;
            }
            if (!finite) {
                return new IntegrationResult(new PhasePoint(theta, p, logDensity, grad), Event.INVALID_LOG_PROB,
                        step, step);
            }
            for (int i = 0; i < d; i++) {
                p[i] += halfStep * grad[i];
            }
        }
        return new IntegrationResult(new PhasePoint(theta, p, logDensity, grad), null, steps, steps);
    }

    private static boolean allFinite(double[] v) {
        boolean finite = true;
        for (double x : v) {
            finite &= x - x == 0; // 0 for finite x, NaN for ±∞ and NaN
        }
        return finite;
    }

    /**
     * The exception for arguments {@link #integrate} refuses, built outside it: the JIT compiles a
     * smaller {@code integrate} sooner on a cold JVM.
     */
    private static IllegalArgumentException badArguments(Hamiltonian hamiltonian, double stepSize, int steps) {
        if (!hamiltonian.isSeparable()) {
            return new IllegalArgumentException("leapfrog needs a separable Hamiltonian (K depending on p only), but "
                    + hamiltonian.getClass().getName() + " is not separable; use the implicit or explicit integrator");
        }
        if (!Double.isFinite(stepSize)) {
            return new IllegalArgumentException("stepSize = " + stepSize + ": must be finite");
        }
        return new IllegalArgumentException("steps = " + steps + ": must be non-negative");
    }

    private static void checkLength(String what, double[] array, int d) {
        if (array.length != d) {
            throw new IllegalArgumentException("start " + what + " has length " + array.length
                    + " but the Hamiltonian has dimension " + d);
        }
    }
}
