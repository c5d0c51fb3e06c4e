package dev.hamiltorch.integrators;

import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.Event;

/** Small vector helpers and argument checks shared by the integrators. */
final class Vectors {

    private Vectors() {
    }

    /** y ← y + a·x. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** A result whose end point is {@code point} with arrays of its own (see {@link #ownCopy}). */
    static IntegrationResult result(PhasePoint point, PhasePoint start, Event failure, int steps, int evaluations) {
        return new IntegrationResult(ownCopy(point, start), failure, steps, evaluations);
    }

    /**
     * {@code point} with arrays of its own, or {@code start} itself: arrays shared with a geometry
     * belong to it (and the Hamiltonian's cache may hand them out again), so a returned point gets copies.
     */
    static PhasePoint ownCopy(PhasePoint point, PhasePoint start) {
        if (point == start) {
            return start;
        }
        return new PhasePoint(point.position().clone(), point.momentum().clone(), point.logDensity(),
                point.gradient().clone());
    }

    /** {@code point} with its momentum negated, the start of the way back (the other arrays are shared). */
    static PhasePoint flipped(PhasePoint point) {
        double[] p = point.momentum();
        double[] negated = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            negated[i] = -p[i];
        }
        return new PhasePoint(point.position(), negated, point.logDensity(), point.gradient());
    }

    /**
     * The checks every integrator makes on its arguments.
     *
     * @throws IllegalArgumentException if {@code stepSize} is not finite, {@code steps} is negative, or
     *         the start point's arrays do not have length {@code d}
     */
    static void checkArguments(PhasePoint start, int d, double stepSize, int steps) {
        if (!Double.isFinite(stepSize)) {
            throw new IllegalArgumentException("stepSize = " + stepSize + ": must be finite");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be non-negative");
        }
        checkLength("position", start.position(), d);
        checkLength("momentum", start.momentum(), d);
        checkLength("gradient", start.gradient(), d);
    }

    private static void checkLength(String what, double[] array, int d) {
        if (array.length != d) {
            throw new IllegalArgumentException("start " + what + " has length " + array.length
                    + " but the Hamiltonian has dimension " + d);
        }
    }
}
