package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Checks the properties that make an integrator usable inside HMC, at random phase points (θ from
 * {@link #positions}, default N(0, I); p drawn by the Hamiltonian): it is reversible (integrating back from
 * (θ′, −p′) returns to (θ, −p)), it preserves volume (the Jacobian determinant of (θ, p) ↦ (θ′, p′), by
 * central differences, is 1), and its energy error has the stated order (halving ε over a fixed time
 * scales |H(θ′, p′) − H(θ, p)| by 2^order). Each failure is an {@link AssertionError} naming the property,
 * the point and the component:
 * <pre>{@code
 * IntegratorCheck.of(integrator, hamiltonian).stepSize(0.1).steps(10)
 *         .assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
 * }</pre>
 * The integrator is used as given: configure it first ({@link Integrator#configure}), with a fixed-point
 * threshold far below the tolerances for an implicit one.
 */
public final class IntegratorCheck {

    private final Integrator integrator;
    private final Hamiltonian hamiltonian;
    private Function<RandomGenerator, double[]> positions;
    private double stepSize = 0.1;
    private int steps = 10;
    private int points = 5;
    private long seed = 1;
    private double reversibilityTolerance = 1e-8;
    private double volumeTolerance = 1e-5;
    private double orderTolerance = 0.3;

    private IntegratorCheck(Integrator integrator, Hamiltonian hamiltonian) {
        this.integrator = Objects.requireNonNull(integrator, "integrator");
        this.hamiltonian = Objects.requireNonNull(hamiltonian, "hamiltonian");
        int d = hamiltonian.dimension();
        this.positions = rng -> HamiltonianCheck.gaussian(rng, d, 1.0);
    }

    /** A check of {@code integrator} on {@code hamiltonian}: ε 0.1, 10 steps, 5 points, seed 1. */
    public static IntegratorCheck of(Integrator integrator, Hamiltonian hamiltonian) {
        return new IntegratorCheck(integrator, hamiltonian);
    }

    /** Where θ is drawn. */
    public IntegratorCheck positions(Function<RandomGenerator, double[]> draw) {
        this.positions = Objects.requireNonNull(draw, "draw");
        return this;
    }

    /** ε of the trajectories (default 0.1); the order check halves it from there. */
    public IntegratorCheck stepSize(double stepSize) {
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("stepSize must be positive and finite, got " + stepSize);
        }
        this.stepSize = stepSize;
        return this;
    }

    /** Steps per trajectory (default 10). */
    public IntegratorCheck steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        this.steps = steps;
        return this;
    }

    /** Random points per check (default 5). */
    public IntegratorCheck points(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1, got " + points);
        }
        this.points = points;
        return this;
    }

    /** The seed of the points (default 1). */
    public IntegratorCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The largest allowed |θ″ − θ| and |p″ + p| after going there and back (default 1e-8). */
    public IntegratorCheck reversibilityTolerance(double tolerance) {
        this.reversibilityTolerance = positive(tolerance, "reversibilityTolerance");
        return this;
    }

    /** The largest allowed |det J − 1| (default 1e-5, above the differences' own error). */
    public IntegratorCheck volumeTolerance(double tolerance) {
        this.volumeTolerance = positive(tolerance, "volumeTolerance");
        return this;
    }

    /** How far the measured order may be from the stated one (default 0.3). */
    public IntegratorCheck orderTolerance(double tolerance) {
        this.orderTolerance = positive(tolerance, "orderTolerance");
        return this;
    }

    /**
     * Integrates forward from each (θ, p), then forward again from (θ′, −p′) with the same ε and steps.
     *
     * @throws AssertionError if a trajectory fails, or the way back misses (θ, −p) in some component by
     *     more than the tolerance
     */
    public IntegratorCheck assertReversible() {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int point = 0; point < points; point++) {
            PhasePoint start = start(rng);
            String where = where(point, start);
            PhasePoint there = integrate(start, stepSize, steps, "the way there", where);
            PhasePoint back = integrate(flipped(there), stepSize, steps, "the way back", where);
            int d = start.position().length;
            for (int i = 0; i < 2 * d; i++) {
                double expected = i < d ? start.position()[i] : -start.momentum()[i - d];
                double actual = i < d ? back.position()[i] : back.momentum()[i - d];
                if (!(Math.abs(actual - expected) <= reversibilityTolerance)) {
                    throw new AssertionError("not reversible: integrating back from (θ′, −p′) after " + steps
                            + " steps of " + stepSize + " from " + where + " ends with " + component(i, d) + " = "
                            + actual + " instead of " + expected + " (|Δ| " + Math.abs(actual - expected)
                            + " > tolerance " + reversibilityTolerance + ")");
                }
            }
        }
        return this;
    }

    /**
     * Computes the Jacobian of the map (θ, p) ↦ (θ′, p′) by central differences (step 1e-5) at each point.
     *
     * @throws AssertionError if |det J − 1| exceeds the tolerance
     */
    public IntegratorCheck assertVolumePreserving() {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int point = 0; point < points; point++) {
            PhasePoint start = start(rng);
            String where = where(point, start);
            int d = start.position().length;
            double[] z = concat(start.position(), start.momentum());
            double[][] jacobian = FiniteDifferences.jacobian(x -> {
                PhasePoint from = pointAt(Arrays.copyOfRange(x, 0, d), Arrays.copyOfRange(x, d, 2 * d));
                PhasePoint end = integrate(from, stepSize, steps, "a trajectory of the Jacobian", where);
                return concat(end.position(), end.momentum());
            }, z, 1e-5);
            double det = FiniteDifferences.determinant(jacobian);
            if (!(Math.abs(det - 1) <= volumeTolerance)) {
                throw new AssertionError("does not preserve volume: the Jacobian determinant of " + steps
                        + " steps of " + stepSize + " from " + where + " is " + det + " (|det − 1| "
                        + Math.abs(det - 1) + " > tolerance " + volumeTolerance + ")");
            }
        }
        return this;
    }

    /**
     * Integrates over the fixed time T = ε · steps with ε, ε/2, ε/4 and ε/8 (steps doubled each time) and
     * measures the order from the last halving, log₂(|ΔH(ε/4)| / |ΔH(ε/8)|), where the leading term
     * dominates.
     *
     * @throws AssertionError if it differs from {@code order} by more than the order tolerance
     */
    public IntegratorCheck assertEnergyErrorOrder(int order) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int point = 0; point < points; point++) {
            PhasePoint start = start(rng);
            String where = where(point, start);
            double h0 = hamiltonian.energy(start);
            double[] errors = new double[4];
            for (int k = 0; k < errors.length; k++) {
                PhasePoint end = integrate(start, stepSize / (1 << k), steps << k, "a trajectory", where);
                errors[k] = Math.abs(hamiltonian.energy(end) - h0);
            }
            double measured = Math.log(errors[2] / errors[3]) / Math.log(2);
            if (!(Math.abs(measured - order) <= orderTolerance)) {
                throw new AssertionError("energy error of order " + String.format(java.util.Locale.ROOT, "%.2f", measured)
                        + ", not " + order + ": over time " + stepSize * steps + " from " + where + ", |ΔH| at ε = "
                        + stepSize + ", /2, /4, /8 is " + Arrays.toString(errors) + "; halving ε from "
                        + stepSize / 4 + " scaled it by 2^" + String.format(java.util.Locale.ROOT, "%.2f", measured)
                        + ", expected 2^" + order + " (± " + orderTolerance + ")");
            }
        }
        return this;
    }

    private PhasePoint start(RandomGenerator rng) {
        double[] theta = positions.apply(rng);
        double[] p = new double[theta.length];
        hamiltonian.sampleMomentum(rng, theta, p);
        return pointAt(theta, p);
    }

    private PhasePoint pointAt(double[] theta, double[] p) {
        Target target = hamiltonian.target();
        double[] g = new double[theta.length];
        double lp = target.logDensityAndGradient(theta, g);
        return new PhasePoint(theta, p, lp, g);
    }

    private PhasePoint integrate(PhasePoint from, double epsilon, int n, String what, String where) {
        IntegrationResult r = integrator.integrate(hamiltonian, from, epsilon, n);
        if (!r.succeeded()) {
            throw new AssertionError(what + " from " + where + " failed with " + r.failure() + " (" + n
                    + " steps of " + epsilon + "); draw positions where the integrator works");
        }
        return r.end();
    }

    private static PhasePoint flipped(PhasePoint p) {
        double[] m = p.momentum().clone();
        for (int i = 0; i < m.length; i++) {
            m[i] = -m[i];
        }
        return new PhasePoint(p.position(), m, p.logDensity(), p.gradient());
    }

    private String where(int point, PhasePoint start) {
        return "point " + point + " (seed " + seed + "), θ = " + Arrays.toString(start.position()) + ", p = "
                + Arrays.toString(start.momentum());
    }

    private static String component(int i, int d) {
        return i < d ? "θ[" + i + "]" : "p[" + (i - d) + "]";
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double positive(double v, String name) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return v;
    }
}
