package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R's posterior 1.4.0 on committed draw sets. The draws and the expected values come from
 * {@code src/test/resources/diagnostics/make-reference.R} (Rscript, posterior 1.4.0 from Debian's
 * r-cran-posterior); the expected values are its output, 17 significant digits.
 */
class ConvergenceDiagnosticsTest {

    private static final double NAN = Double.NaN;

    /** FFTs and Φ⁻¹ round differently from R's, so allow far more than that but far less than any real error. */
    private static final double RELATIVE_TOLERANCE = 1e-10;

    /**
     * name, rhat, ess_bulk, ess_tail, ess_mean, mcse_mean, then mcse_sd and mcse_quantile at 0.05, 0.5, 0.95:
     * posterior's values.
     */
    static Stream<Arguments> reference() {
        return Stream.of(
                // 4 chains × 100 draws of AR(1), φ = 0.7
                Arguments.of("ar1", 1.0383583145907, 67.493743772153621, 143.90602055800292, 67.788196020813345,
                        0.18174960244385077,
                        0.12323032340330814, 0.18898796307049626, 0.14234166799694081, 0.2621669732752625),
                // 2 chains × 51 (odd: the middle draw is dropped), AR(1) φ = 0.5, chain 2 shifted by 0.8
                Arguments.of("odd", 1.0981469140771094, 31.655619686370361, 38.549150166462233, 22.791495951603427,
                        0.26196302998815391,
                        0.12892832361389434, 0.56206139580961678, 0.19985755682234804, 0.11785701475245935),
                // 4 chains × 60 of round(AR(1)): heavy ties, and −0 beside 0
                Arguments.of("ties", 1.0919878382536847, 36.092015140513816, 109.4584542520837, 36.597308348432037,
                        0.2281233039252287,
                        0.085138988199385188, 0.5, 0, 0),
                // 2 chains × 40, chain 1 constant
                Arguments.of("constant_chain", 2.224506703987724, 5.4865406045665566, 75.634866163349315,
                        4.2865699395141874, 0.51765981267463002,
                        0.12425190079726033, 0.54497201547026686, 0.16453250140163145, 0.02375396257900575),
                // 3 chains × 30, every draw 2: nothing is defined
                Arguments.of("constant", NAN, NAN, NAN, NAN, NAN,
                        NAN, NAN, NAN, NAN),
                // 1 chain × 200 of AR(1), φ = −0.6: τ̂ hits the cap 1/log10(S), ESS = S·log10(S)
                Arguments.of("antithetic", 0.99633039642202581, 460.20599913279619, 119.0039667988933,
                        460.20599913279619, 0.058276915900895586,
                        0.088438429980528296, 0.18080771302801635, 0.082539157572209615, 0.30172603667979847),
                // 1 chain × 5: split halves of 2 draws are too short for ESS, R̂ still defined
                Arguments.of("tiny", 0.8995624064403569, NAN, NAN, NAN, NAN,
                        NAN, NAN, NAN, NAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void matchesPosterior(String name, double rhat, double essBulk, double essTail, double essMean, double mcseMean,
                          double mcseSd, double mcseQ05, double mcseQ50, double mcseQ95) throws IOException {
        double[][] chains = read(name + ".csv");
        ParameterDiagnostics d = ConvergenceDiagnostics.of(chains);
        assertClose(name + " rhat", rhat, d.rhat());
        assertClose(name + " ess_bulk", essBulk, d.essBulk());
        assertClose(name + " ess_tail", essTail, d.essTail());
        assertClose(name + " ess_mean", essMean, d.essMean());
        assertClose(name + " mcse_mean", mcseMean, d.mcseMean());
        assertClose(name + " mcse_mean alone", mcseMean, ConvergenceDiagnostics.mcseMean(chains));
        assertClose(name + " mcse_sd", mcseSd, d.mcseSd());
        assertClose(name + " mcse_q05", mcseQ05, ConvergenceDiagnostics.mcseQuantile(chains, 0.05));
        assertClose(name + " mcse_q50", mcseQ50, ConvergenceDiagnostics.mcseQuantile(chains, 0.5));
        assertClose(name + " mcse_q95", mcseQ95, ConvergenceDiagnostics.mcseQuantile(chains, 0.95));
    }

    @Test
    void splittingAnOddChainDropsTheMiddleDraw() {
        double[][] split = ConvergenceDiagnostics.splitChains(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}});
        assertArrayEquals(new double[][] {{1, 2}, {6, 7}, {4, 5}, {9, 10}}, split);
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

    /** A CSV with a header and one column per chain, as make-reference.R writes them. */
    private static double[][] read(String resource) throws IOException {
        List<String> lines;
        try (InputStream in = ConvergenceDiagnosticsTest.class.getResourceAsStream("/diagnostics/" + resource)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        int chains = lines.get(0).split(",").length;
        double[][] x = new double[chains][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            for (int c = 0; c < chains; c++) {
                x[c][i - 1] = Double.parseDouble(cells[c]);
            }
        }
        return x;
    }
}
