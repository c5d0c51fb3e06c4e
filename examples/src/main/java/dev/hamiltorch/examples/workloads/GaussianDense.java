package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.engine.distributions.MultivariateNormal;
import java.util.Map;

/**
 * N(μ, Σ) with a dense covariance, read from {@code --data FILE.csv} (row i = {@code mu_i, Sigma[i,1..n]};
 * {@link BenchmarkData}), written as {@code MultivariateNormal.of(mu, Sigma).logProb(theta)}.
 */
public final class GaussianDense implements Workload {

    private final BenchmarkData.GaussianData data;
    private final MultivariateNormal normal;

    /**
     * The target N(μ, Σ) of {@code data}.
     *
     * @throws IllegalArgumentException if Σ is not symmetric positive-definite
     */
    public GaussianDense(BenchmarkData.GaussianData data) {
        this.data = data;
        this.normal = MultivariateNormal.of(data.mean(), data.covariance());
    }

    @Override
    public String name() {
        return "gaussian-dense";
    }

    @Override
    public LogDensity logDensity() {
        return normal::logProb;
    }

    @Override
    public int dimension() {
        return data.mean().length;
    }

    @Override
    public double[] initialPosition() {
        return new double[dimension()];
    }

    /** Σ, for a dense metric equal to it. */
    public double[][] covariance() {
        double[][] c = new double[dimension()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = data.covariance()[i].clone();
        }
        return c;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "2000", "burn", "1000", "step-size", "0.5");
    }
}
