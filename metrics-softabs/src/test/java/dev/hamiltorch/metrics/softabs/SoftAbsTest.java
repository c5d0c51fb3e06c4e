package dev.hamiltorch.metrics.softabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** λ̃, dλ̃/dλ and the divided differences J against 60-digit BigDecimal values, on every branch. */
class SoftAbsTest {

    private static final double[] ALPHAS = {1e6, 10, 1};

    /** x = αλ on and around every branch boundary, both signs. */
    private static List<Double> arguments() {
        double[] magnitudes = {1e-300, 1e-20, 1e-8, 9.99e-5, 1e-4, 1.01e-4, 1e-3, 0.05, 0.3, 0.4999, 0.5, 0.5001,
            0.7, 1, 3, 10, 39.9, 40.1, 100, 1e4, 1e12};
        List<Double> xs = new ArrayList<>(List.of(0.0));
        for (double m : magnitudes) {
            xs.add(m);
            xs.add(-m);
        }
        return xs;
    }

    @Test
    void softAbsValueMatchesHighPrecision() {
        for (double alpha : ALPHAS) {
            for (double x : arguments()) {
                double lambda = x / alpha;
                double expected = Reference.softAbs(lambda, alpha);
                double actual = SoftAbs.value(lambda, alpha);
                assertEquals(expected, actual, 1e-14 * expected, "λ̃ at α = " + alpha + ", x = " + x);
                assertTrue(actual >= 1 / alpha * (1 - 1e-15), "λ̃ ≥ 1/α");
            }
        }
    }

    @Test
    void derivativeMatchesHighPrecision() {
        for (double alpha : ALPHAS) {
            for (double x : arguments()) {
                double lambda = x / alpha;
                double expected = Reference.derivative(lambda, alpha);
                double actual = SoftAbs.derivative(lambda, alpha);
                assertEquals(expected, actual, 1e-13 * Math.abs(expected), "J_jj at α = " + alpha + ", x = " + x);
            }
        }
    }

    @Test
    void dividedDifferencesMatchHighPrecisionForEqualNearlyEqualAndDistantEigenvalues() {
        double[] relativeGaps = {0, 1e-15, 1e-12, 1e-9, 1e-7, 1e-6, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 1e-3, 0.1, 1, -2};
        double[] absoluteGaps = {1e-12, 1e-8, 1e-6, 1e-5, 3e-5, 1e-4, 1e-2};
        int checked = 0;
        for (double alpha : ALPHAS) {
            for (double x : arguments()) {
                List<Double> partners = new ArrayList<>();
                for (double gap : relativeGaps) {
                    partners.add(x * (1 + gap));
                }
                for (double gap : absoluteGaps) {
                    partners.add(x + gap);
                    partners.add(x - gap);
                }
                for (double y : partners) {
                    double lambdaJ = x / alpha;
                    double lambdaK = y / alpha;
                    double actual = SoftAbs.dividedDifference(lambdaJ, lambdaK, SoftAbs.value(lambdaJ, alpha),
                            SoftAbs.value(lambdaK, alpha), alpha);
                    double expected = Reference.dividedDifference(lambdaJ, lambdaK, alpha);
                    assertTrue(Math.abs(actual - expected) <= 1e-10,
                            "J_jk at α = " + alpha + ", x = " + x + ", " + y + ": " + actual + " vs " + expected);
                    assertTrue(Math.abs(actual) < 1 + 1e-15, "|J| < 1");
                    checked++;
                }
            }
        }
        // 3 constants α × 43 arguments x × (15 relative + 2 × 7 absolute) partners
        assertEquals(3 * 43 * 29, checked);
    }

    @Test
    void nothingIsNaNAtZeroSubnormalOrHugeEigenvalues() {
        double[] lambdas = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, 1e300, -1e300, Double.MAX_VALUE};
        for (double alpha : ALPHAS) {
            for (double a : lambdas) {
                double softA = SoftAbs.value(a, alpha);
                assertTrue(Double.isFinite(softA) && softA > 0, "λ̃(" + a + ")");
                assertTrue(Double.isFinite(SoftAbs.derivative(a, alpha)), "J(" + a + ")");
                for (double b : lambdas) {
                    double j = SoftAbs.dividedDifference(a, b, softA, SoftAbs.value(b, alpha), alpha);
                    assertTrue(!Double.isNaN(j), "J(" + a + ", " + b + ")");
                }
            }
        }
        assertEquals(0.0, SoftAbs.derivative(0.0, 1e6));
        assertEquals(1e-6, SoftAbs.value(0.0, 1e6));
    }
}
