package dev.hamiltorch.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import java.util.random.RandomGenerator;

/** The empirical covariance of sampled momenta against G, entry by entry, within Monte Carlo error. */
public final class MomentumCovariance {

    public static final int DRAWS = 40_000;

    private MomentumCovariance() {
    }

    /** Each entry within 5 standard errors √((GⱼⱼGₖₖ + Gⱼₖ²)/n) of G (zero mean known). */
    public static void assertCovarianceIs(double[][] g, RiemannianHamiltonian h, double[] theta, RandomGenerator rng) {
        int d = theta.length;
        double[][] sum = new double[d][d];
        double[] p = new double[d];
        for (int n = 0; n < DRAWS; n++) {
            h.sampleMomentum(rng, theta, p);
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    sum[j][k] += p[j] * p[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double empirical = sum[j][k] / DRAWS;
                double standardError = Math.sqrt((g[j][j] * g[k][k] + g[j][k] * g[j][k]) / DRAWS);
                assertTrue(Math.abs(empirical - g[j][k]) < 5 * standardError,
                        "cov[" + j + "][" + k + "] = " + empirical + ", G = " + g[j][k] + " ± " + standardError);
            }
        }
    }
}
