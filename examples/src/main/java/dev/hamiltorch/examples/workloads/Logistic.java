package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.Bernoulli;
import dev.hamiltorch.engine.distributions.Normal;
import java.util.Map;

/**
 * Bayesian logistic regression without intercept: w ~ N(0, I), yᵢ ~ Bernoulli(σ(xᵢ·w)), written as a
 * user would: {@code Bernoulli.of(X.matvec(w)).logProb(y).sum() + Normal(0, 1).logProb(w).sum()}.
 * Data from {@code --data FILE.csv} (header {@code y,x1,…,xK}; {@link BenchmarkData}).
 */
public final class Logistic implements Workload {

    private final Tensor x;
    private final Tensor y;
    private final int k;

    /** The model of {@code data}. */
    public Logistic(BenchmarkData.LogisticData data) {
        this.x = Tensor.of(data.x());
        this.y = Tensor.of(data.y());
        this.k = data.x()[0].length;
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public LogDensity logDensity() {
        Normal prior = Normal.of(0.0, 1.0);
        return w -> Bernoulli.of(x.matvec(w)).logProb(y).sum().add(prior.logProb(w).sum());
    }

    @Override
    public int dimension() {
        return k;
    }

    @Override
    public double[] initialPosition() {
        return new double[k];
    }

    @Override
    public String parameterName(int i) {
        return "w[" + i + "]";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "2000", "burn", "1000", "step-size", "0.05");
    }
}
