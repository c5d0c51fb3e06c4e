package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.testkit.BatchMeans;

/**
 * Checks a chain's mean and standard deviation against the truth within a number of Monte Carlo
 * standard errors, estimated by batch means (25 batches, long enough for the slowly mixing squared
 * deviations of the tests' chains). The sd's MCSE comes from the batch-means MCSE of the squared
 * deviations by the delta method: MCSE(sd) ≈ MCSE(var) / (2 sd).
 */
final class PosteriorChecks {

    static final double Z = 4.5;
    private static final int BATCHES = 25;

    private PosteriorChecks() {
    }

    static void assertMeanAndSd(double[] draws, double mean, double sd, String label) {
        BatchMeans m = BatchMeans.of(draws, BATCHES);
        double[] squares = new double[draws.length];
        for (int i = 0; i < draws.length; i++) {
            squares[i] = (draws[i] - m.mean()) * (draws[i] - m.mean());
        }
        double sampleSd = Math.sqrt(m.variance());
        double sdError = BatchMeans.of(squares, BATCHES).monteCarloStandardError() / (2 * sampleSd);
        assertTrue(Math.abs(m.mean() - mean) <= Z * m.monteCarloStandardError(),
                String.format("%s: mean %.5f vs truth %.5f, MCSE %.5f (ESS %.0f)", label, m.mean(), mean,
                        m.monteCarloStandardError(), m.effectiveSampleSize()));
        assertTrue(Math.abs(sampleSd - sd) <= Z * sdError,
                String.format("%s: sd %.5f vs truth %.5f, MCSE %.5f", label, sampleSd, sd, sdError));
    }
}
