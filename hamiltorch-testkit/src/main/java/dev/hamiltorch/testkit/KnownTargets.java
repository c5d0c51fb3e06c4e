package dev.hamiltorch.testkit;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.Target;

/** Targets with known moments and analytic derivatives to third order, for the sampler checks. */
public final class KnownTargets {

    private KnownTargets() {
    }

    /**
     * The 2-D Gaussian with mean (1, −2), variances 1 and 4 and correlation 0.6: log π = −½ (x − μ)ᵀ Σ⁻¹ (x − μ),
     * its Hessian −Σ⁻¹ and third derivatives 0.
     */
    public static KnownTarget correlatedGaussian() {
        double[] mu = {1, -2};
        double s11 = 1;
        double s22 = 4;
        double s12 = 0.6 * Math.sqrt(s11 * s22);
        double det = s11 * s22 - s12 * s12;
        double[][] precision = {{s22 / det, -s12 / det}, {-s12 / det, s11 / det}};
        Target target = new AnalyticTarget(2) {
            @Override
            public double logDensityAndGradient(double[] x, double[] gradient) {
                double r0 = x[0] - mu[0];
                double r1 = x[1] - mu[1];
                gradient[0] = -(precision[0][0] * r0 + precision[0][1] * r1);
                gradient[1] = -(precision[1][0] * r0 + precision[1][1] * r1);
                return 0.5 * (r0 * gradient[0] + r1 * gradient[1]);
            }

            @Override
            public double[][] hessian(double[] x) {
                return new double[][] {{-precision[0][0], -precision[0][1]}, {-precision[1][0], -precision[1][1]}};
            }

            @Override
            public double[][][] thirdDerivatives(double[] x) {
                return new double[2][2][2];
            }
        };
        return new KnownTarget("the correlated 2-D Gaussian", target, mu.clone(), new double[] {s11, s22}, mu.clone());
    }

    /**
     * D independent standard logistic coordinates, a non-Gaussian with heavier tails: log π = Σ −xᵢ − 2 log(1 + e^−xᵢ),
     * mean 0 and variance π²/3 each. With σ = 1/(1 + e^−x): ∂ = 1 − 2σ, ∂² = −2σ(1 − σ),
     * ∂³ = −2σ(1 − σ)(1 − 2σ); log-concave, so the Hessian metric is positive-definite everywhere.
     */
    public static KnownTarget logistic(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        Target target = new AnalyticTarget(dimension) {
            @Override
            public double logDensityAndGradient(double[] x, double[] gradient) {
                double lp = 0;
                for (int i = 0; i < x.length; i++) {
                    // −x − 2 log(1 + e^−x) = −|x| − 2 log(1 + e^−|x|), symmetric and free of overflow
                    double a = Math.abs(x[i]);
                    lp += -a - 2 * Math.log1p(Math.exp(-a));
                    gradient[i] = 1 - 2 * sigmoid(x[i]);
                }
                return lp;
            }

            @Override
            public double[][] hessian(double[] x) {
                double[][] h = new double[x.length][x.length];
                for (int i = 0; i < x.length; i++) {
                    double s = sigmoid(x[i]);
                    h[i][i] = -2 * s * (1 - s);
                }
                return h;
            }

            @Override
            public double[][][] thirdDerivatives(double[] x) {
                double[][][] t = new double[x.length][x.length][x.length];
                for (int i = 0; i < x.length; i++) {
                    double s = sigmoid(x[i]);
                    t[i][i][i] = -2 * s * (1 - s) * (1 - 2 * s);
                }
                return t;
            }
        };
        double[] variance = new double[dimension];
        java.util.Arrays.fill(variance, Math.PI * Math.PI / 3);
        return new KnownTarget("the " + dimension + "-D standard logistic", target, new double[dimension], variance,
                new double[dimension]);
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** A stateless target with analytic derivatives to third order; the contraction from the full array. */
    private abstract static class AnalyticTarget implements Target {
        private final int dimension;

        AnalyticTarget(int dimension) {
            this.dimension = dimension;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[dimension]);
        }

        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        @Override
        public double[] thirdOrderContraction(double[] theta, double[][] s) {
            double[][][] t = thirdDerivatives(theta);
            double[] out = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                for (int j = 0; j < dimension; j++) {
                    for (int k = 0; k < dimension; k++) {
                        out[i] += s[j][k] * t[i][j][k];
                    }
                }
            }
            return out;
        }

        @Override
        public Target copy() {
            return this;
        }
    }
}
