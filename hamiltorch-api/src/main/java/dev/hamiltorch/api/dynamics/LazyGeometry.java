package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A geometry computed in three stages, each at most once: log π and ∇ log π on construction; the
 * metric G (what K, ∂H/∂p and momentum sampling need) on first use of any of those or of
 * {@link #failure()}; the derivatives of G on the first {@link #positionGradient}. The first failure
 * sticks, and every output after it is NaN.
 */
public abstract class LazyGeometry implements RiemannianHamiltonian.Geometry {

    protected final Target target;
    protected final int dimension;
    protected final double[] theta;
    protected final double logDensity;
    protected final double[] gradient;

    private Event failure;
    private boolean metricComputed;
    private boolean derivativesComputed;

    /** @param theta a private copy of θ, kept */
    protected LazyGeometry(Target target, double[] theta) {
        this.target = target;
        this.dimension = theta.length;
        this.theta = theta;
        this.gradient = new double[dimension];
        this.logDensity = target.logDensityAndGradient(theta, gradient);
        if (!Double.isFinite(logDensity) || !allFinite(gradient)) {
            failure = Event.INVALID_LOG_PROB;
        }
    }

    /** Computes G and its factorisation; returns why that failed, or null. */
    protected abstract Event computeMetric();

    /** Computes what ∂G/∂θ needs (G is ready); returns why that failed, or null. */
    protected abstract Event computeDerivatives();

    protected abstract double kineticEnergyWithMetric(double[] momentum);

    protected abstract void velocityWithMetric(double[] momentum, double[] out);

    protected abstract void positionGradientWithDerivatives(double[] momentum, double[] out);

    protected abstract void sampleMomentumWithMetric(RandomGenerator rng, double[] out);

    @Override
    public final double[] position() {
        return theta;
    }

    @Override
    public final double logDensity() {
        return logDensity;
    }

    @Override
    public final double[] gradient() {
        return gradient;
    }

    /**
     * Why this geometry is unusable, or null. Computes G if it is not yet known; a failure found
     * later, in the derivatives of G, is reported once {@link #positionGradient} has run.
     */
    @Override
    public final Event failure() {
        metricReady();
        return failure;
    }

    /** ½ log|G| + ½ pᵀG⁻¹p (the constant ½ D log 2π omitted); NaN if the geometry failed. */
    @Override
    public final double kineticEnergy(double[] momentum) {
        return metricReady() ? kineticEnergyWithMetric(momentum) : Double.NaN;
    }

    /** G⁻¹p; NaN if the geometry failed. */
    @Override
    public final void velocity(double[] momentum, double[] out) {
        if (metricReady()) {
            velocityWithMetric(momentum, out);
        } else {
            Arrays.fill(out, Double.NaN);
        }
    }

    /** ∂H/∂θ; NaN if the geometry failed. */
    @Override
    public final void positionGradient(double[] momentum, double[] out) {
        if (derivativesReady()) {
            positionGradientWithDerivatives(momentum, out);
        } else {
            Arrays.fill(out, Double.NaN);
        }
    }

    /** p ~ N(0, G); NaN if the geometry failed. */
    @Override
    public final void sampleMomentum(RandomGenerator rng, double[] out) {
        if (metricReady()) {
            sampleMomentumWithMetric(rng, out);
        } else {
            Arrays.fill(out, Double.NaN);
        }
    }

    private boolean metricReady() {
        if (!metricComputed) {
            metricComputed = true;
            if (failure == null) {
                failure = computeMetric();
            }
        }
        return failure == null;
    }

    private boolean derivativesReady() {
        if (!metricReady()) {
            return false;
        }
        if (!derivativesComputed) {
            derivativesComputed = true;
            failure = computeDerivatives();
        }
        return failure == null;
    }

    protected static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    protected static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }

    protected static boolean allFinite(double[][][] t) {
        for (double[][] slice : t) {
            if (!allFinite(slice)) {
                return false;
            }
        }
        return true;
    }

    /** ½(A + Aᵀ): autodiff Hessian rows may disagree with the columns in the last bits. */
    protected static double[][] symmetricPart(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0.5 * (a[i][j] + a[j][i]);
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }
}
