package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The building blocks of {@link ConvergenceDiagnostics}; agreement with R's posterior on whole draw sets
 * is {@link PosteriorReferenceTest}'s.
 */
class ConvergenceDiagnosticsTest {

    /** Φ⁻¹ rounds differently from R's qnorm, far below any real error. */
    private static final double RELATIVE_TOLERANCE = 1e-10;

    @Test
    void splittingAnOddChainDropsTheMiddleDraw() {
        double[][] split = ConvergenceDiagnostics.splitChains(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}});
        assertArrayEquals(new double[][] {{1, 2}, {6, 7}, {4, 5}, {9, 10}}, split);
    }

    /** posterior's x[1:1, ] drops to a vector: the halves of 2- or 3-draw chains become the first and last rows. */
    @Test
    void chainsOfTwoOrThreeDrawsSplitIntoTheFirstAndLastDrawsOfEveryChain() {
        double[][] split = ConvergenceDiagnostics.splitChains(new double[][] {{1, 2, 3}, {6, 7, 8}, {11, 12, 13}});
        assertArrayEquals(new double[][] {{1, 6, 11}, {3, 8, 13}}, split);
        assertArrayEquals(new double[][] {{1}, {2}}, ConvergenceDiagnostics.splitChains(new double[][] {{1, 2}}));
    }

    /** E-BFMI = Σ(ΔE)² / Σ(E − Ē)²: energies 1, 3, 2, 4 give (4 + 1 + 4) / (2.25 + 0.25 + 0.25 + 2.25) = 1.8. */
    @Test
    void ebfmiIsTheMeanSquaredEnergyChangeOverTheEnergyVariance() {
        assertEquals(1.8, ConvergenceDiagnostics.ebfmi(new double[] {1, 3, 2, 4}), 1e-15);
        assertTrue(Double.isNaN(ConvergenceDiagnostics.ebfmi(new double[] {2})));
        assertTrue(Double.isNaN(ConvergenceDiagnostics.ebfmi(new double[] {2, 2, 2})));
        assertTrue(Double.isNaN(ConvergenceDiagnostics.ebfmi(new double[] {1, Double.POSITIVE_INFINITY, 2})));
    }

    @Test
    void tiesShareTheAverageRankAndNegativeZeroTiesWithZero() {
        assertArrayEquals(new double[] {4, 2, 2, 2, 5}, ConvergenceDiagnostics.averageRanks(
                new double[] {3, -0.0, 0.0, -0.0, 7}));
    }

    /** R: qnorm(c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.975)), printed to 17 digits. */
    @Test
    void inverseNormalCdfMatchesR() {
        double[] p = {1e-10, 0.001, 0.025, 0.3, 0.5, 0.975};
        double[] r = {-6.3613409024040557, -3.0902323061678132, -1.9599639845400538, -0.52440051270804067, 0,
                1.9599639845400536};
        for (int k = 0; k < p.length; k++) {
            assertClose("qnorm(" + p[k] + ")", r[k], ConvergenceDiagnostics.inverseNormalCdf(p[k]));
        }
    }

    @Test
    void fftAutocovarianceEqualsTheDirectSum() {
        double[] x = {0.3, -1.2, 0.8, 2.1, -0.4, 1.7, 0.05};
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double[] acov = ConvergenceDiagnostics.autocovariance(x);
        for (int t = 0; t < x.length; t++) {
            double s = 0;
            for (int i = 0; i + t < x.length; i++) {
                s += (x[i] - mean) * (x[i + t] - mean);
            }
            assertEquals(s / x.length, acov[t], 1e-14);
        }
    }

    @Test
    void refusesChainsOfDifferentLengthsOrNoDraws() {
        assertThrows(IllegalArgumentException.class, () -> ConvergenceDiagnostics.rhat(new double[][] {{1, 2, 3}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceDiagnostics.essBulk(new double[][] {{}}));
    }

    @Test
    void aNaNDrawMakesEveryDiagnosticUndefined() {
        ParameterDiagnostics d = ConvergenceDiagnostics.of(new double[][] {{1, 2, Double.NaN, 4, 5, 6, 7, 8}});
        assertTrue(Double.isNaN(d.rhat()) && Double.isNaN(d.essBulk()) && Double.isNaN(d.essTail())
                && Double.isNaN(d.essMean()) && Double.isNaN(d.mcseMean()), d.toString());
    }

    private static void assertClose(String what, double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        double error = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= RELATIVE_TOLERANCE, what + ": expected " + expected + ", got " + actual
                + " (relative error " + error + ")");
    }
}
