package dev.hamiltorch.benchmarks;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.Bernoulli;
import dev.hamiltorch.engine.distributions.MultivariateNormal;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.examples.workloads.Funnel;
import dev.hamiltorch.examples.workloads.Gaussian3d;
import java.util.SplittableRandom;

/**
 * The benchmarked models, each a log density written with the library's tensors and distributions,
 * with a start and HMC settings; every constant is built from a fixed seed, so each run sees the same model.
 */
public enum Models {

    /** The hamiltorch introduction's 3-D Normal (the runner's {@code gaussian3d}), ε 0.3, L 5. */
    GAUSSIAN3D(new Gaussian3d().logDensity(), new double[3], 0.3, 5),
    /** The D = 5 funnel, for RMHMC (ε 0.2, L 5). */
    FUNNEL5(new Funnel(5).logDensity(), new Funnel(5).initialPosition(), 0.2, 5),

    /** Neal's funnel with D = 10 (the runner's {@code funnel}), ε 0.3093, L 25. */
    FUNNEL(new Funnel(10).logDensity(), new Funnel(10).initialPosition(), 0.3093, 25),

    /**
     * A 100-D Normal with a dense covariance of condition number 100 (sd 0.1 to 1 along random
     * orthogonal axes), given by its precision; ε 0.1, L 10 (acceptance about 0.76).
     */
    GAUSSIAN100(gaussian100(), new double[100], 0.1, 10),

    /** Bayesian logistic regression, N = 1000 rows, K = 25 weights, N(0, 1) priors; ε 0.02, L 10. */
    LOGISTIC(logistic(), new double[25], 0.02, 10);

    private final LogDensity logDensity;
    private final double[] start;
    private final double stepSize;
    private final int steps;

    Models(LogDensity logDensity, double[] start, double stepSize, int steps) {
        this.logDensity = logDensity;
        this.start = start;
        this.stepSize = stepSize;
        this.steps = steps;
    }

    public LogDensity logDensity() {
        return logDensity;
    }

    public double[] start() {
        return start.clone();
    }

    public int dimension() {
        return start.length;
    }

    public double stepSize() {
        return stepSize;
    }

    public int steps() {
        return steps;
    }

    /** Precision Q diag(1/λ) Qᵀ with λ log-spaced from 0.01 to 1 and Q orthonormalised from a seeded Gaussian matrix. */
    private static LogDensity gaussian100() {
        int d = 100;
        double[][] q = orthonormalRows(d, new SplittableRandom(100));
        double[][] precision = new double[d][d];
        for (int k = 0; k < d; k++) {
            double inverseVariance = 1 / Math.pow(10, -2.0 * k / (d - 1));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    precision[i][j] += q[k][i] * inverseVariance * q[k][j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                precision[i][j] = precision[j][i]; // exactly symmetric
            }
        }
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) {
            mean[i] = 1.0;
        }
        MultivariateNormal normal = MultivariateNormal.ofPrecision(mean, precision);
        return normal::logProb;
    }

    /** Rows of a seeded Gaussian matrix, orthonormalised by modified Gram–Schmidt. */
    private static double[][] orthonormalRows(int d, SplittableRandom random) {
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                q[k][i] = gaussian(random);
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += q[k][i] * q[j][i];
                }
                for (int i = 0; i < d; i++) {
                    q[k][i] -= dot * q[j][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += q[k][i] * q[k][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) {
                q[k][i] /= norm;
            }
        }
        return q;
    }

    /** y ~ Bernoulli(sigmoid(X w*)) with X and w* ~ N(0, 1/K) drawn from seed 25, so logits have sd about 1. */
    private static LogDensity logistic() {
        int n = 1000;
        int k = 25;
        SplittableRandom random = new SplittableRandom(25);
        double[] trueWeights = new double[k];
        for (int j = 0; j < k; j++) {
            trueWeights[j] = gaussian(random) / Math.sqrt(k);
        }
        double[] x = new double[n * k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double logit = 0;
            for (int j = 0; j < k; j++) {
                x[i * k + j] = gaussian(random);
                logit += x[i * k + j] * trueWeights[j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        Tensor design = Tensor.of(x, n, k);
        Tensor outcomes = Tensor.of(y);
        Normal prior = Normal.of(0.0, 1.0);
        return w -> prior.logProb(w).sum().add(Bernoulli.of(design.matvec(w)).logProb(outcomes).sum());
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller's cosine branch: deterministic across JDKs, unlike nextGaussian's algorithm
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
