package dev.hamiltorch.metrics.testing;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.distributions.Bernoulli;
import dev.hamiltorch.engine.distributions.Normal;
import java.util.Random;

/** The test problems: Neal's funnel as hamiltorch writes it, a Bayesian logistic regression, and wrappers. */
public final class TestTargets {

    private TestTargets() {
    }

    /**
     * hamiltorch's funnel in {@code dimension} parameters θ = (v, x₁, …): v ~ N(0, 3²),
     * xᵢ ~ N(0, e^{−v}) (variance e^{−v}), by autodiff. ∇²(−log π) is indefinite where
     * e^v Σxᵢ² &gt; 2/9.
     */
    public static Target funnel(int dimension) {
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
    public static Target logisticRegression() {
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
    public static final class Counting implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final Target inner;
        public int logDensityCalls;
        public int gradientCalls;
        public int hessianCalls;
        public int thirdDerivativeCalls;

        public Counting(Target inner) {
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

    /**
     * log π(θ) = ½ θᵀAθ + bᵀθ: constant Hessian A (need not be negative-definite), no third
     * derivatives.
     */
    public static Target quadratic(double[][] a, double[] b) {
        int d = b.length;
        return new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double logDensity(double[] theta) {
                return logDensityAndGradient(theta, new double[d]);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                double value = 0;
                for (int i = 0; i < d; i++) {
                    double row = 0;
                    for (int j = 0; j < d; j++) {
                        row += a[i][j] * theta[j];
                    }
                    gradient[i] = row + b[i];
                    value += 0.5 * theta[i] * row + b[i] * theta[i];
                }
                return value;
            }

            @Override
            public double[][] hessian(double[] theta) {
                double[][] h = new double[d][];
                for (int i = 0; i < d; i++) {
                    h[i] = a[i].clone();
                }
                return h;
            }

            @Override
            public double[][][] thirdDerivatives(double[] theta) {
                return new double[d][d][d];
            }
        };
    }

    /** {@code inner} with one of its outputs replaced by NaN. */
    public static Target poisoned(Target inner, boolean logDensity, boolean hessian, boolean third) {
        return new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

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
