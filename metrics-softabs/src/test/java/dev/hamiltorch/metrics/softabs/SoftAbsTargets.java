package dev.hamiltorch.metrics.softabs;

import dev.hamiltorch.api.Target;

/**
 * A target for the SoftAbs tests whose Hessian has eigenvalues placed at will (near 0, negative,
 * equal), with analytic derivatives; the funnel and the logistic regression come from
 * {@link dev.hamiltorch.metrics.testing.TestTargets}.
 */
final class SoftAbsTargets {

    private SoftAbsTargets() {
    }

    /** The reflection A = I − 2vvᵀ/vᵀv of {@link #rotatedSeparable}: orthogonal and its own inverse. */
    static double[][] reflection(int d) {
        double[] v = new double[d];
        double norm2 = 0;
        for (int i = 0; i < d; i++) {
            v[i] = 1 + 0.5 * i * (i % 2 == 0 ? 1 : -1);
            norm2 += v[i] * v[i];
        }
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / norm2;
            }
        }
        return a;
    }

    /** A y for the reflection A: the θ at which {@link #rotatedSeparable}'s rotated coordinates are y. */
    static double[] reflect(double[] y) {
        double[][] a = reflection(y.length);
        double[] theta = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            for (int m = 0; m < y.length; m++) {
                theta[i] += a[i][m] * y[m];
            }
        }
        return theta;
    }

    /**
     * log π(θ) = −Σₘ ψ(yₘ; cₘ), y = Aθ for the reflection A, ψ(y; c) = y⁴/12 + cy²/2, with analytic
     * derivatives. ∇²(−log π) = Aᵀ diag(yₘ² + cₘ) A has the eigenvalues yₘ² + cₘ, so a point θ = Ay
     * puts them anywhere (near 0, negative); identical factors (equal cₘ and yₘ) give equal ones.
     */
    static Target rotatedSeparable(double[] c) {
        int d = c.length;
        double[][] a = reflection(d);
        return new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return d;
            }

            private double[] rotated(double[] theta) {
                double[] y = new double[d];
                for (int m = 0; m < d; m++) {
                    for (int i = 0; i < d; i++) {
                        y[m] += a[m][i] * theta[i];
                    }
                }
                return y;
            }

            @Override
            public double logDensity(double[] theta) {
                return logDensityAndGradient(theta, new double[d]);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                double[] y = rotated(theta);
                double value = 0;
                java.util.Arrays.fill(gradient, 0.0);
                for (int m = 0; m < d; m++) {
                    value -= y[m] * y[m] * y[m] * y[m] / 12 + c[m] * y[m] * y[m] / 2;
                    double first = y[m] * y[m] * y[m] / 3 + c[m] * y[m];
                    for (int i = 0; i < d; i++) {
                        gradient[i] -= a[m][i] * first;
                    }
                }
                return value;
            }

            @Override
            public double[][] hessian(double[] theta) {
                double[] y = rotated(theta);
                double[][] h = new double[d][d];
                for (int m = 0; m < d; m++) {
                    double second = y[m] * y[m] + c[m];
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            h[i][j] -= a[m][i] * a[m][j] * second;
                        }
                    }
                }
                return h;
            }

            @Override
            public double[][][] thirdDerivatives(double[] theta) {
                double[] y = rotated(theta);
                double[][][] t = new double[d][d][d];
                for (int m = 0; m < d; m++) {
                    double third = 2 * y[m];
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            for (int k = 0; k < d; k++) {
                                t[i][j][k] -= a[m][i] * a[m][j] * a[m][k] * third;
                            }
                        }
                    }
                }
                return t;
            }
        };
    }
}
