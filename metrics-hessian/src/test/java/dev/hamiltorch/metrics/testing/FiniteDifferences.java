package dev.hamiltorch.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import java.util.Arrays;

/**
 * Fourth-order central differences of H(θ, p) = −log π(θ) + K(θ, p), and their comparison. The step
 * is chosen per coordinate among 10⁻¹ … 10⁻⁷ (relative): the one after which the estimate changes
 * least, since the diagonal Fisher metric varies on the scale of |g|/|∇g|, which can be tiny.
 */
public final class FiniteDifferences {

    private static final int LARGEST_STEP_EXPONENT = 1;
    private static final int SMALLEST_STEP_EXPONENT = 7;

    private FiniteDifferences() {
    }

    public static double energy(RiemannianHamiltonian h, double[] theta, double[] p) {
        return -h.geometry(theta).logDensity() + h.kineticEnergy(theta, p);
    }

    /** ∂H/∂θ by (−H(θ+2h) + 8H(θ+h) − 8H(θ−h) + H(θ−2h)) / 12h per coordinate. */
    public static double[] positionGradient(RiemannianHamiltonian h, double[] theta, double[] p) {
        double[] out = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            int coordinate = i;
            out[i] = derivative(s -> energy(h, shifted(theta, coordinate, s), p), Math.max(1, Math.abs(theta[i])));
        }
        return out;
    }

    /** ∂H/∂p the same way. */
    public static double[] velocity(RiemannianHamiltonian h, double[] theta, double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            int coordinate = i;
            out[i] = derivative(s -> energy(h, theta, shifted(p, coordinate, s)), Math.max(1, Math.abs(p[i])));
        }
        return out;
    }

    /** f'(0) from the stencil at the step where successive estimates (steps a decade apart) agree best. */
    private static double derivative(java.util.function.DoubleUnaryOperator f, double scale) {
        double previous = stencil(f, scale * Math.pow(10, -LARGEST_STEP_EXPONENT));
        double best = previous;
        double bestChange = Double.POSITIVE_INFINITY;
        for (int k = LARGEST_STEP_EXPONENT + 1; k <= SMALLEST_STEP_EXPONENT; k++) {
            double estimate = stencil(f, scale * Math.pow(10, -k));
            double change = Math.abs(estimate - previous);
            if (change < bestChange) {
                bestChange = change;
                best = estimate;
            }
            previous = estimate;
        }
        return best;
    }

    private static double stencil(java.util.function.DoubleUnaryOperator f, double h) {
        return (-f.applyAsDouble(2 * h) + 8 * f.applyAsDouble(h) - 8 * f.applyAsDouble(-h) + f.applyAsDouble(-2 * h))
                / (12 * h);
    }

    private static double[] shifted(double[] x, int i, double by) {
        double[] y = x.clone();
        y[i] += by;
        return y;
    }

    /** Compares the analytic ∂H/∂θ and ∂H/∂p at (θ, p) with finite differences. */
    public static void assertGradientsMatch(RiemannianHamiltonian h, double[] theta, double[] p, double tolerance,
                                     String where) {
        RiemannianHamiltonian.Geometry geometry = h.geometry(theta);
        assertTrue(geometry.failure() == null, where + ": geometry failed with " + geometry.failure());
        double[] dTheta = new double[theta.length];
        double[] dP = new double[p.length];
        geometry.positionGradient(p, dTheta);
        geometry.velocity(p, dP);
        assertClose(positionGradient(h, theta, p), dTheta, tolerance, where + ", ∂H/∂θ");
        assertClose(velocity(h, theta, p), dP, tolerance, where + ", ∂H/∂p");
    }

    /** ‖expected − actual‖∞ ≤ tolerance · ‖actual‖∞ (norm-wise relative). */
    public static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        double scale = 0;
        double error = 0;
        for (int i = 0; i < actual.length; i++) {
            scale = Math.max(scale, Math.abs(actual[i]));
            error = Math.max(error, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(error <= tolerance * scale, what + ": relative error " + error / scale + "\n expected "
                + Arrays.toString(expected) + "\n actual   " + Arrays.toString(actual));
    }
}
