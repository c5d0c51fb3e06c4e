package dev.hamiltorch.api;

import java.util.Arrays;

/**
 * A chain's target that turns a {@link DomainException} into a log density of −∞ (and NaN
 * derivatives), so that any integrator or metric stops the trajectory at that point as it does for a
 * non-finite density, with its step counts intact, and remembers the exception so that the kernel
 * counts the rejection as {@link dev.hamiltorch.api.kernel.Event#DOMAIN_ERROR} (the chain runner guards
 * every chain's target; a kernel finds the guard as its Hamiltonian's target). Every other exception
 * passes through: it is a bug in the density and stops the run.
 *
 * <p>One instance serves one chain (one thread), like the target it wraps.
 */
public class GuardedTarget implements Target {

    private final Target target;
    private DomainException failure;

    private GuardedTarget(Target target) {
        this.target = target;
    }

    /** {@code target} guarded, a {@link SplitTarget} staying one. */
    public static GuardedTarget of(Target target) {
        return target instanceof SplitTarget split ? new Split(split) : new GuardedTarget(target);
    }

    /** The exception caught since the last call, or null; clears it. */
    public DomainException takeFailure() {
        DomainException f = failure;
        failure = null;
        return f;
    }

    double undefined(DomainException e) {
        failure = e;
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public int dimension() {
        return target.dimension();
    }

    @Override
    public DerivativeOrder derivativeOrder() {
        return target.derivativeOrder();
    }

    @Override
    public double logDensity(double[] theta) {
        try {
            return target.logDensity(theta);
        } catch (DomainException e) {
            return undefined(e);
        }
    }

    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
        try {
            return target.logDensityAndGradient(theta, gradient);
        } catch (DomainException e) {
            Arrays.fill(gradient, Double.NaN);
            return undefined(e);
        }
    }

    @Override
    public double[][] hessian(double[] theta) {
        try {
            return target.hessian(theta);
        } catch (DomainException e) {
            undefined(e);
            double[][] h = new double[dimension()][dimension()];
            for (double[] row : h) {
                Arrays.fill(row, Double.NaN);
            }
            return h;
        }
    }

    @Override
    public double[] thirdOrderContraction(double[] theta, double[][] s) {
        try {
            return target.thirdOrderContraction(theta, s);
        } catch (DomainException e) {
            undefined(e);
            double[] c = new double[dimension()];
            Arrays.fill(c, Double.NaN);
            return c;
        }
    }

    @Override
    public double[][][] thirdDerivatives(double[] theta) {
        try {
            return target.thirdDerivatives(theta);
        } catch (DomainException e) {
            undefined(e);
            int d = dimension();
            double[][][] t = new double[d][d][d];
            for (double[][] plane : t) {
                for (double[] row : plane) {
                    Arrays.fill(row, Double.NaN);
                }
            }
            return t;
        }
    }

    /** A guard of the target's copy: guards are per chain. */
    @Override
    public GuardedTarget copy() {
        return of(target.copy());
    }

    /** The wrapped target. */
    public Target unwrap() {
        return target;
    }

    /** A guarded {@link SplitTarget}, whose terms are guarded too. */
    private static final class Split extends GuardedTarget implements SplitTarget {
        private final SplitTarget split;

        Split(SplitTarget split) {
            super(split);
            this.split = split;
        }

        @Override
        public int terms() {
            return split.terms();
        }

        @Override
        public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
            try {
                return split.termLogDensityAndGradient(term, theta, gradient);
            } catch (DomainException e) {
                Arrays.fill(gradient, Double.NaN);
                return undefined(e);
            }
        }

        @Override
        public double logDensity(double[] theta) {
            return super.logDensity(theta);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            return super.logDensityAndGradient(theta, gradient);
        }

        @Override
        public Split copy() {
            return new Split(split.copy());
        }
    }
}
