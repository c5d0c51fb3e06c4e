package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Neal's funnel as hamiltorch writes it: v ~ N(0, 3²) on θ₀ and θ₁..θ_D ~ N(0, e^{−v}), started at
 * θ = (0, 1, …, 1). Its v marginal is N(0, 3²), which the quality block checks.
 */
public final class Funnel implements Workload {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private final int dim;

    /** @param dim D, the number of x coordinates (the funnel has D + 1 parameters) */
    public Funnel(int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim = " + dim + ": must be positive");
        }
        this.dim = dim;
    }

    @Override
    public String name() {
        return "funnel";
    }

    @Override
    public LogDensity logDensity() {
        int d = dim;
        return w -> {
            Tensor v = w.index(0);
            Tensor x = w.slice(0, 1, d + 1);
            // log N(v; 0, 3) + Σ log N(xᵢ; 0, e^{−v/2}); the variance of xᵢ is e^{−v}
            Tensor logPv = v.square().mul(-1.0 / 18.0).sub(Math.log(3.0) + HALF_LOG_2PI);
            Tensor logPx = x.square().mul(v.exp()).sum().mul(-0.5).add(v.mul(0.5 * d)).sub(d * HALF_LOG_2PI);
            return logPv.add(logPx);
        };
    }

    @Override
    public int dimension() {
        return dim + 1;
    }

    @Override
    public double[] initialPosition() {
        double[] init = new double[dim + 1];
        Arrays.fill(init, 1, dim + 1, 1.0);
        return init;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "500", "step-size", "0.3093", "steps", "25");
    }

    @Override
    public Map<String, Object> quality(Samples samples) {
        double[] v = samples.parameter(0);
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("v_mean", mean);
        q.put("v_sd", v.length > 1 ? Math.sqrt(var / (v.length - 1)) : Double.NaN);
        q.put("v_ks", ksDistance(v, new NormalDistribution(null, 0.0, 3.0)));
        return q;
    }

    /** Kolmogorov–Smirnov distance between the empirical distribution of {@code x} and {@code f}. */
    static double ksDistance(double[] x, NormalDistribution f) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double cdf = f.cumulativeProbability(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - cdf, cdf - (double) i / n));
        }
        return d;
    }
}
