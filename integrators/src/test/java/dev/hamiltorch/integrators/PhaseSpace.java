package dev.hamiltorch.integrators;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.PhasePoint;

/** Phase-space helpers for the integrator tests: start points, flips and distances (Jacobians: the kit's FiniteDifferences). */
final class PhaseSpace {

    private PhaseSpace() {
    }

    /** (θ, p) with log π(θ) and ∇log π(θ) from the target. */
    static PhasePoint pointAt(Target target, double[] theta, double[] momentum) {
        double[] g = new double[target.dimension()];
        double lp = target.logDensityAndGradient(theta, g);
        return new PhasePoint(theta.clone(), momentum.clone(), lp, g);
    }

    /** The same point with its momentum negated. */
    static PhasePoint flipped(PhasePoint point) {
        return Vectors.flipped(point);
    }

    static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** max |θ − θ₀|, |p + p₀| : how far {@code back} is from {@code start} with its momentum flipped. */
    static double distanceToFlipped(PhasePoint start, PhasePoint back) {
        double d = 0;
        for (int i = 0; i < start.position().length; i++) {
            d = Math.max(d, Math.abs(back.position()[i] - start.position()[i]));
            d = Math.max(d, Math.abs(back.momentum()[i] + start.momentum()[i]));
        }
        return d;
    }

    /** max |aᵢ − bᵢ|. */
    static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /** (a, b) as one vector. */
    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] part : parts) {
            n += part.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, k, part.length);
            k += part.length;
        }
        return out;
    }

    /** Elements [from, from + length) of v. */
    static double[] slice(double[] v, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(v, from, out, 0, length);
        return out;
    }
}
