package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every summary value and diagnostic against R's posterior 1.4.0 on every committed draw set
 * (src/test/resources/diagnostics/*.csv): normal and AR(1) chains, heavy tails, constant chains and a
 * chain constant but for one draw, 1 to 4 draws per chain, odd lengths, chains with different means,
 * and NaN and infinite draws. The expected values are {@code reference.csv}, written by
 * {@code src/test/r/posterior-reference.R}; where posterior gives NA the value here must be NaN.
 */
class PosteriorReferenceTest {

    /** FFTs, Φ⁻¹ and sums round differently from R's; real errors are many orders larger. */
    private static final double RELATIVE_TOLERANCE = 1e-10;

    /** Measures of reference.csv and how to compute each here. */
    private static final Map<String, ToDoubleFunction<double[][]>> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("mean", x -> SummaryRow.of("x", x).mean());
        MEASURES.put("sd", x -> SummaryRow.of("x", x).sd());
        MEASURES.put("q5", x -> SummaryRow.of("x", x).q05());
        MEASURES.put("q50", x -> SummaryRow.of("x", x).q50());
        MEASURES.put("q95", x -> SummaryRow.of("x", x).q95());
        MEASURES.put("rhat", x -> ConvergenceDiagnostics.of(x).rhat());
        MEASURES.put("ess_bulk", x -> ConvergenceDiagnostics.of(x).essBulk());
        MEASURES.put("ess_tail", x -> ConvergenceDiagnostics.of(x).essTail());
        MEASURES.put("ess_mean", x -> ConvergenceDiagnostics.of(x).essMean());
        MEASURES.put("ess_sd", x -> ConvergenceDiagnostics.of(x).essSd());
        MEASURES.put("ess_median", x -> ConvergenceDiagnostics.of(x).essMedian());
        MEASURES.put("ess_q5", x -> ConvergenceDiagnostics.essQuantile(x, 0.05));
        MEASURES.put("ess_q95", x -> ConvergenceDiagnostics.essQuantile(x, 0.95));
        MEASURES.put("ess_q100", x -> ConvergenceDiagnostics.essQuantile(x, 1));
        MEASURES.put("mcse_mean", x -> ConvergenceDiagnostics.of(x).mcseMean());
        MEASURES.put("mcse_sd", x -> ConvergenceDiagnostics.of(x).mcseSd());
        MEASURES.put("mcse_median", x -> ConvergenceDiagnostics.of(x).mcseMedian());
        MEASURES.put("mcse_q5", x -> ConvergenceDiagnostics.of(x).mcseQ05());
        MEASURES.put("mcse_q95", x -> ConvergenceDiagnostics.of(x).mcseQ95());
    }

    record Reference(String set, String measure, double value) {
        @Override
        public String toString() {
            return set + " " + measure;
        }
    }

    static Stream<Reference> references() {
        return reference().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesPosterior(Reference r) {
        double[][] x = read(r.set() + ".csv");
        double actual;
        if (r.measure().startsWith("ebfmi_chain")) {
            int chain = Integer.parseInt(r.measure().substring("ebfmi_chain".length())) - 1;
            actual = ConvergenceDiagnostics.ebfmi(x[chain]);
        } else {
            ToDoubleFunction<double[][]> measure = MEASURES.get(r.measure());
            assertTrue(measure != null, "unknown measure " + r.measure());
            actual = measure.applyAsDouble(x);
        }
        assertClose(r.toString(), r.value(), actual);
    }

    @Test
    void theReferenceCoversEverySetAndMeasureAndNamesItsPosterior() {
        List<Reference> all = reference();
        String version = posteriorVersion();
        assertEquals("1.4.0", version);
        long sets = all.stream().map(Reference::set).distinct().count();
        assertEquals(21, sets);
        for (String measure : MEASURES.keySet()) {
            assertEquals(sets, all.stream().filter(r -> r.measure().equals(measure)).count(), measure);
        }
        // the edge cases are there and undefined where posterior says so
        assertTrue(Double.isNaN(value(all, "constant", "rhat")));
        assertTrue(Double.isNaN(value(all, "draws2", "ess_bulk")));
        assertTrue(Double.isNaN(value(all, "inf_median", "rhat")));
        assertFalse(Double.isNaN(value(all, "with_inf", "ess_bulk")));
        assertTrue(value(all, "shifted", "rhat") > 1.4);
    }

    private static double value(List<Reference> all, String set, String measure) {
        return all.stream().filter(r -> r.set().equals(set) && r.measure().equals(measure)).findFirst()
                .orElseThrow().value();
    }

    /** The version of posterior that wrote reference.csv, from its line {@code _,posterior_version,V}. */
    private static String posteriorVersion() {
        return lines("reference.csv").stream().filter(l -> l.startsWith("_,posterior_version,")).findFirst()
                .orElseThrow().split(",")[2];
    }

    private static List<Reference> reference() {
        List<String> lines = lines("reference.csv");
        List<Reference> refs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (!f[1].equals("posterior_version")) {
                refs.add(new Reference(f[0], f[1], number(f[2])));
            }
        }
        return refs;
    }

    static void assertClose(String what, double expected, double actual) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double error = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(error <= RELATIVE_TOLERANCE, what + ": expected " + expected + ", got " + actual
                + " (relative error " + error + ")");
    }

    /** R's spellings: NA (posterior's undefined) and NaN read as NaN, Inf and -Inf as infinities. */
    private static double number(String s) {
        return switch (s) {
            case "NA", "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** A draw set: a header, then one column per chain. */
    static double[][] read(String resource) {
        List<String> lines = lines(resource);
        int chains = lines.get(0).split(",").length;
        double[][] x = new double[chains][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            for (int c = 0; c < chains; c++) {
                x[c][i - 1] = number(cells[c]);
            }
        }
        return x;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = PosteriorReferenceTest.class.getResourceAsStream("/diagnostics/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /diagnostics/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
