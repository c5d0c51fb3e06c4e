package dev.hamiltorch.metrics.softabs;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.distributions.Bernoulli;
import dev.hamiltorch.engine.distributions.Normal;
import java.util.Random;

/** The test problems: Neal's funnel as hamiltorch writes it, a Bayesian logistic regression, and wrappers. */
final class TestTargets {

    private TestTargets() {
    }

    /**
     * hamiltorch's funnel in {@code dimension} parameters θ = (v, x₁, …): v ~ N(0, 3²),
     * xᵢ ~ N(0, e^{−v}) (variance e^{−v}), by autodiff. ∇²(−log π) is indefinite where
     * e^v Σxᵢ² &gt; 2/9.
     */
    static Target funnel(int dimension) {
        double[] first = new double[dimension];
        first[0] = 1.0;
        double[] rest = new double[dimension];
        java.util.Arrays.fill(rest, 1, dimension, 1.0);
        Tensor pickV = Tensor.of(first);
        Tensor maskX = Tensor.of(rest);
        // log N(xᵢ; 0, e^{−v}) = −½ xᵢ² e^v + v/2 − ½ log 2π, written with elementwise operations only
        LogDensity logDensity = theta -> {
            Tensor v = theta.mul(pickV).sum();
            Tensor squares = theta.mul(maskX).square().sum();
            return Normal.of(0, 3).logProb(v)
                    .add(squares.mul(v.exp()).mul(-0.5))
                    .add(v.mul(0.5 * (dimension - 1)))
                    .sub(0.5 * (dimension - 1) * Math.log(2 * Math.PI));
        };
        return new AutodiffTarget(logDensity, dimension);
    }

    /**
     * Bayesian logistic regression with 5 weights w ~ N(0, 1) and 30 fixed synthetic observations
     * (an intercept column and four standard-normal covariates), by autodiff. −∇² log π = I + XᵀWX
     * is positive-definite everywhere.
     */
    static Target logisticRegression() {
        int n = 30;
        int d = 5;
        double[] trueWeights = {0.5, -1.0, 0.25, 1.5, -0.7};
        Random random = new Random(20240601L);
        double[][] columns = new double[d][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = 1.0;
            double logit = trueWeights[0];
            for (int j = 1; j < d; j++) {
                columns[j][i] = random.nextGaussian();
                logit += trueWeights[j] * columns[j][i];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        Tensor[] designColumns = new Tensor[d];
        Tensor[] unit = new Tensor[d];
        for (int j = 0; j < d; j++) {
            designColumns[j] = Tensor.of(columns[j]);
            double[] e = new double[d];
            e[j] = 1.0;
            unit[j] = Tensor.of(e);
        }
        Tensor labels = Tensor.of(y);
        // Xw as Σⱼ wⱼ X[:, j], with elementwise operations only
        LogDensity logDensity = w -> {
            Tensor logits = designColumns[0].mul(w.mul(unit[0]).sum());
            for (int j = 1; j < d; j++) {
                logits = logits.add(designColumns[j].mul(w.mul(unit[j]).sum()));
            }
            return Normal.of(0, 1).logProb(w).sum().add(Bernoulli.of(logits).logProb(labels).sum());
        };
        return new AutodiffTarget(logDensity, d);
    }

    /** A target that counts the derivative evaluations it forwards. */
    static final class Counting implements Target {
        private final Target inner;
        int logDensityCalls;
        int gradientCalls;
        int hessianCalls;
        int thirdDerivativeCalls;

        Counting(Target inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double logDensity(double[] theta) {
            logDensityCalls++;
            return inner.logDensity(theta);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            gradientCalls++;
            return inner.logDensityAndGradient(theta, gradient);
        }

        @Override
        public double[][] hessian(double[] theta) {
            hessianCalls++;
            return inner.hessian(theta);
        }

        @Override
        public double[][][] thirdDerivatives(double[] theta) {
            thirdDerivativeCalls++;
            return inner.thirdDerivatives(theta);
        }
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

    /** {@code inner} with one of its outputs replaced by NaN. */
    static Target poisoned(Target inner, boolean logDensity, boolean hessian, boolean third) {
        return new Target() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double logDensity(double[] theta) {
                return logDensity ? Double.NaN : inner.logDensity(theta);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                double value = inner.logDensityAndGradient(theta, gradient);
                return logDensity ? Double.NaN : value;
            }

            @Override
            public double[][] hessian(double[] theta) {
                double[][] h = inner.hessian(theta);
                if (hessian) {
                    h[0][0] = Double.NaN;
                }
                return h;
            }

            @Override
            public double[][][] thirdDerivatives(double[] theta) {
                double[][][] t = inner.thirdDerivatives(theta);
                if (third) {
                    t[0][0][0] = Double.NaN;
                }
                return t;
            }
        };
    }
}
