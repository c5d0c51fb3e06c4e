package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.ParameterSummary;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The mean of a 3-D Gaussian from data in shards, for split HMC: θ ~ N(0, 10² I), and 120 observations
 * yₙ ~ N(θ, I) (drawn once from N((1, 2, 3), I) with a fixed seed), split into M shards whose log
 * likelihoods are the M terms of the log density, the log prior added to the first. The posterior is
 * conjugate, N(Σyₙ / λ, I / λ) with λ = 1/10² + 120, which the quality block checks.
 */
public final class GaussianSplit implements Workload {

    /** The number of observations, the most terms there can be. */
    public static final int OBSERVATIONS = 120;
    private static final int N = OBSERVATIONS;
    private static final double PRIOR_SD = 10.0;
    private static final double[] TRUE_MEAN = {1, 2, 3};
    private static final double PRECISION = 1 / (PRIOR_SD * PRIOR_SD) + N;
    private static final double[][] DATA = data();

    private final int terms;

    /**
     * @param terms M, the number of shards, in [1, {@value #N}]
     * @throws IllegalArgumentException if {@code terms} is out of range
     */
    public GaussianSplit(int terms) {
        if (terms < 1 || terms > N) {
            throw new IllegalArgumentException("terms = " + terms + ": must be in [1, " + N + "]");
        }
        this.terms = terms;
    }

    private static double[][] data() {
        SplittableRandom rng = new SplittableRandom(20261202);
        double[][] y = new double[N][3];
        for (double[] row : y) {
            for (int j = 0; j < 3; j++) {
                row[j] = TRUE_MEAN[j] + rng.nextGaussian();
            }
        }
        return y;
    }

    @Override
    public String name() {
        return "gaussian-split";
    }

    /** The sum of the {@link #terms()} as one density, in their order. */
    @Override
    public LogDensity logDensity() {
        List<LogDensity> parts = terms();
        return x -> {
            Tensor sum = parts.get(0).logProb(x);
            for (int m = 1; m < parts.size(); m++) {
                sum = sum.add(parts.get(m).logProb(x));
            }
            return sum;
        };
    }

    /** Term m: log N(shard m; θ, I), shard m holding observations [mN/M, (m+1)N/M); term 0 adds log N(θ; 0, 10² I). */
    @Override
    public List<LogDensity> terms() {
        Normal prior = Normal.of(0.0, PRIOR_SD);
        List<LogDensity> list = new ArrayList<>();
        for (int m = 0; m < terms; m++) {
            Tensor shard = Tensor.of(Arrays.copyOfRange(DATA, m * N / terms, (m + 1) * N / terms));
            LogDensity likelihood = x -> Normal.of(x, Tensor.scalar(1.0)).logProb(shard).sum();
            list.add(m == 0 ? x -> prior.logProb(x).sum().add(likelihood.logProb(x)) : likelihood);
        }
        return list;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double[] initialPosition() {
        return new double[3];
    }

    /** ε 0.03 and L 6 turn the phase by about 2 rad a trajectory (the posterior sd is 0.091). */
    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "1000", "step-size", "0.03", "steps", "6", "integrator", "splitting");
    }

    /** The exact posterior mean of θⱼ. */
    static double posteriorMean(int j) {
        double sum = 0;
        for (double[] row : DATA) {
            sum += row[j];
        }
        return sum / PRECISION;
    }

    /** The exact posterior sd of every θⱼ. */
    static double posteriorSd() {
        return 1 / Math.sqrt(PRECISION);
    }

    /**
     * The number of terms, the exact posterior, and the largest distance of the draws' mean and sd from
     * it in Monte Carlo standard errors (below about 3 for a correct sampler).
     */
    @Override
    public Map<String, Object> quality(Samples samples) {
        List<ParameterSummary> summaries = samples.parameterSummaries();
        List<Object> means = new ArrayList<>();
        double meanZ = 0;
        double sdZ = 0;
        for (int j = 0; j < summaries.size(); j++) {
            ParameterDiagnostics d = samples.diagnostics(j);
            means.add(posteriorMean(j));
            // NaN (an undefined MCSE) wins over Math.max's other argument, as it should
            meanZ = Math.max(meanZ, Math.abs(summaries.get(j).mean() - posteriorMean(j)) / d.mcseMean());
            sdZ = Math.max(sdZ, Math.abs(summaries.get(j).sd() - posteriorSd()) / d.mcseSd());
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("terms", terms);
        q.put("posterior_mean", means);
        q.put("posterior_sd", posteriorSd());
        q.put("max_mean_error_in_mcse", meanZ);
        q.put("max_sd_error_in_mcse", sdZ);
        return q;
    }
}
