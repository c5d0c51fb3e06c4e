package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Checks a Hamiltonian's analytic ∂H/∂θ and ∂H/∂p against fourth-order finite differences of
 * H(θ, p) = −log π(θ) + K(θ, p) at random phase points: θ from {@link #positions} (default N(0, I)), p
 * drawn by the Hamiltonian itself (p ~ N(0, M(θ))). ∂H/∂θ is the Riemannian geometry's
 * {@code positionGradient}, or −∇ log π for a separable Hamiltonian; ∂H/∂p is {@code velocity}. A mismatch
 * throws an {@link AssertionError} naming the derivative, the component, θ and p:
 * <pre>{@code
 * HamiltonianCheck.of(metric.hamiltonian(target, settings)).points(20).assertGradientsMatchFiniteDifferences();
 * }</pre>
 */
public final class HamiltonianCheck {

    private final Hamiltonian hamiltonian;
    private Function<RandomGenerator, double[]> positions;
    private int points = 10;
    private double tolerance = 1e-6;
    private long seed = 1;

    private HamiltonianCheck(Hamiltonian hamiltonian) {
        this.hamiltonian = Objects.requireNonNull(hamiltonian, "hamiltonian");
        int d = hamiltonian.dimension();
        this.positions = rng -> gaussian(rng, d, 1.0);
    }

    /** A check of {@code hamiltonian} with the defaults: 10 points, θ ~ N(0, I), relative tolerance 1e-6, seed 1. */
    public static HamiltonianCheck of(Hamiltonian hamiltonian) {
        return new HamiltonianCheck(hamiltonian);
    }

    /** Where θ is drawn: positions inside the target's support where the metric is usable. */
    public HamiltonianCheck positions(Function<RandomGenerator, double[]> draw) {
        this.positions = Objects.requireNonNull(draw, "draw");
        return this;
    }

    /** How many random (θ, p) to check (default 10). */
    public HamiltonianCheck points(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("points must be at least 1, got " + n);
        }
        this.points = n;
        return this;
    }

    /**
     * The largest allowed ‖finite difference − analytic‖∞ / ‖analytic‖∞ per derivative (default 1e-6;
     * the stencil itself is good to about 1e-9 on smooth Hamiltonians).
     */
    public HamiltonianCheck tolerance(double relative) {
        if (!(relative > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + relative);
        }
        this.tolerance = relative;
        return this;
    }

    /** The seed of the points drawn (default 1). */
    public HamiltonianCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Checks ∂H/∂θ and ∂H/∂p at each random point.
     *
     * @throws AssertionError at the first point where a derivative disagrees with finite differences, or
     *     where the Hamiltonian cannot be evaluated (a Riemannian geometry's failure)
     */
    public void assertGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = hamiltonian.dimension();
        for (int point = 0; point < points; point++) {
            double[] theta = positions.apply(rng);
            double[] p = new double[d];
            hamiltonian.sampleMomentum(rng, theta, p);
            assertGradientsMatch(hamiltonian, theta, p, tolerance, "point " + point + " of " + points
                    + " (seed " + seed + ")");
        }
    }

    /**
     * Checks ∂H/∂θ and ∂H/∂p at one (θ, p).
     *
     * @param where what the message calls this point (a test's own label)
     * @throws AssertionError if either disagrees with finite differences of H by more than
     *     {@code tolerance} relative to its largest component
     */
    public static void assertGradientsMatch(Hamiltonian h, double[] theta, double[] p, double tolerance,
                                            String where) {
        int d = h.dimension();
        String at = where + ", θ = " + Arrays.toString(theta) + ", p = " + Arrays.toString(p);
        double[] dTheta = new double[d];
        double[] dP = new double[d];
        if (h instanceof RiemannianHamiltonian r) {
            RiemannianHamiltonian.Geometry geometry = r.geometry(theta);
            if (geometry.failure() != null) {
                throw new AssertionError("the Hamiltonian cannot be evaluated at " + at + ": its geometry failed with "
                        + geometry.failure() + "; draw positions where the metric is usable");
            }
            geometry.positionGradient(p, dTheta);
            if (geometry.failure() != null) {
                throw new AssertionError("∂H/∂θ cannot be evaluated at " + at + ": the metric's derivatives failed"
                        + " with " + geometry.failure());
            }
        } else if (h.isSeparable()) {
            h.target().logDensityAndGradient(theta, dTheta);
            for (int i = 0; i < d; i++) {
                dTheta[i] = -dTheta[i];
            }
        } else {
            throw new IllegalArgumentException("a non-separable Hamiltonian must be a RiemannianHamiltonian for its"
                    + " ∂H/∂θ to be known; " + h.getClass().getName() + " is not");
        }
        h.velocity(theta, p, dP);
        assertClose(FiniteDifferences.gradient(t -> energy(h, t, p), theta), dTheta, tolerance, "∂H/∂θ", at);
        assertClose(FiniteDifferences.gradient(q -> energy(h, theta, q), p), dP, tolerance, "∂H/∂p", at);
    }

    /** H(θ, p) = −log π(θ) + K(θ, p). */
    static double energy(Hamiltonian h, double[] theta, double[] p) {
        double logDensity = h instanceof RiemannianHamiltonian r ? r.geometry(theta).logDensity()
                : logDensity(h.target(), theta);
        return -logDensity + h.kineticEnergy(theta, p);
    }

    private static double logDensity(Target target, double[] theta) {
        return target.logDensityAndGradient(theta, new double[theta.length]);
    }

    private static void assertClose(double[] numeric, double[] analytic, double tolerance, String what, String at) {
        double scale = 0;
        double error = 0;
        int worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            scale = Math.max(scale, Math.abs(analytic[i]));
            double e = Math.abs(numeric[i] - analytic[i]);
            if (!(e <= error)) { // NaN counts as the worst
                error = e;
                worst = i;
            }
        }
        if (!(error <= tolerance * scale)) {
            throw new AssertionError(what + " disagrees with finite differences of H in component " + worst
                    + " at " + at + ": analytic " + analytic[worst] + ", finite difference " + numeric[worst]
                    + " (relative error " + error / scale + " > tolerance " + tolerance + ")\n analytic          "
                    + Arrays.toString(analytic) + "\n finite difference " + Arrays.toString(numeric));
        }
    }

    static double[] gaussian(RandomGenerator rng, int d, double sd) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = sd * rng.nextGaussian();
        }
        return x;
    }
}
