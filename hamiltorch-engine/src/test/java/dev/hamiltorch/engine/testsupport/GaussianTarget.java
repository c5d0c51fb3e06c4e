package dev.hamiltorch.engine.testsupport;

import dev.hamiltorch.api.Target;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * N(μ, Σ) with analytic gradient; the precision Σ⁻¹ comes from commons-math3, independently of the
 * engine's own linear algebra.
 */
public final class GaussianTarget implements Target {
    @Override
    public Target copy() {
        return this; // stateless: one instance serves every thread
    }


    private final double[] mean;
    private final double[][] covariance;
    private final double[][] precision;

    public GaussianTarget(double[] mean, double[][] covariance) {
        this.mean = mean.clone();
        this.covariance = Matrices.copy(covariance);
        this.precision = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance)).getSolver().getInverse()
                .getData();
    }

    /** Independent coordinates with the given standard deviations. */
    public static GaussianTarget independent(double[] mean, double... sd) {
        double[][] cov = new double[sd.length][sd.length];
        for (int i = 0; i < sd.length; i++) {
            cov[i][i] = sd[i] * sd[i];
        }
        return new GaussianTarget(mean, cov);
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[][] covariance() {
        return Matrices.copy(covariance);
    }

    public double sd(int i) {
        return Math.sqrt(covariance[i][i]);
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public double logDensity(double[] theta) {
        return logDensityAndGradient(theta, new double[mean.length]);
    }

    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
        int d = mean.length;
        double q = 0;
        for (int i = 0; i < d; i++) {
            double g = 0;
            for (int j = 0; j < d; j++) {
                g -= precision[i][j] * (theta[j] - mean[j]);
            }
            gradient[i] = g;
            q += (theta[i] - mean[i]) * g;
        }
        return 0.5 * q;
    }
}
