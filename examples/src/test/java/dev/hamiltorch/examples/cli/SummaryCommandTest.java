package dev.hamiltorch.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    private static final String CMDSTAN_HEADER =
            "lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,theta.1,theta.2";
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"[^\"]*\"|null|[-+0-9.eE]+)");

    @TempDir
    Path dir;

    private final RunnerConsole console = new RunnerConsole();

    /** A CmdStan-style file: comments before the header, adaptation comments after it, timing at the end. */
    private Path cmdStan(String name, String header, double[] theta1, double[] theta2) throws Exception {
        StringBuilder sb = new StringBuilder("# stan_version_major = 2\n# method = sample (Default)\n#   num_warmup = 1000\n");
        sb.append(header).append('\n');
        sb.append("# Adaptation terminated\n# Step size = 0.87\n# Diagonal elements of inverse mass matrix:\n# 1, 1\n");
        for (int i = 0; i < theta1.length; i++) {
            sb.append("-1.5,0.9,0.87,2,3,0,2.1,").append(theta1[i]).append(',').append(theta2[i]).append('\n');
            if (i == theta1.length / 2) {
                sb.append('\n');
            }
        }
        sb.append("# \n#  Elapsed Time: 0.01 seconds (Warm-up)\n#                0.02 seconds (Sampling)\n");
        Path file = dir.resolve(name);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static double[] ar1(Random random, int n, double start) {
        double[] x = new double[n];
        double v = start;
        for (int i = 0; i < n; i++) {
            v = 0.6 * v + random.nextGaussian();
            x[i] = v;
        }
        return x;
    }

    /** The {@code params} of our JSON, one map per parameter; numbers as Double, JSON null as null. */
    private static List<Map<String, Object>> params(Path json) throws Exception {
        List<Map<String, Object>> params = new ArrayList<>();
        for (String line : Files.readAllLines(json)) {
            if (!line.contains("\"name\":")) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                String v = m.group(2);
                p.put(m.group(1), v.equals("null") ? null
                        : v.startsWith("\"") ? v.substring(1, v.length() - 1) : (Object) Double.parseDouble(v));
            }
            params.add(p);
        }
        return params;
    }

    @Test
    void cmdStanFilesGiveTheDiagnosticsComputedDirectlyAndLeaveOutSamplerColumns() throws Exception {
        Random random = new Random(7);
        double[][] theta1 = {ar1(random, 60, 0), ar1(random, 60, 3)};
        double[][] theta2 = {ar1(random, 60, -1), ar1(random, 60, 1)};
        Path a = cmdStan("a.csv", CMDSTAN_HEADER, theta1[0], theta2[0]);
        // rstan quotes its column names; the headers are equal once unquoted
        Path b = cmdStan("b.csv", "\"" + CMDSTAN_HEADER.replace(",", "\",\"") + "\"", theta1[1], theta2[1]);
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("summary", a.toString(), b.toString(), "--json", json.toString()), console.err());
        assertEquals("", console.err());
        List<Map<String, Object>> params = params(json);
        assertEquals(List.of("theta.1", "theta.2"), params.stream().map(p -> p.get("name")).toList());
        assertEquals(List.of("name", "mean", "sd", "mcse_mean", "mcse_sd", "q05", "q50", "q95", "ess_bulk",
                "ess_tail", "rhat", "ess_sd", "ess_median", "mcse_median", "mcse_q05", "mcse_q95"),
                List.copyOf(params.get(0).keySet()));
        for (int j = 0; j < 2; j++) {
            double[][] x = j == 0 ? theta1 : theta2;
            double[] pooled = new double[120];
            System.arraycopy(x[0], 0, pooled, 0, 60);
            System.arraycopy(x[1], 0, pooled, 60, 60);
            Map<String, Object> p = params.get(j);
            // mean, sd and R's type-7 quantiles from commons-math, not from the code under test
            Percentile type7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            assertClose(StatUtils.mean(pooled), p.get("mean"), "mean");
            assertClose(new StandardDeviation().evaluate(pooled), p.get("sd"), "sd");
            assertClose(type7.evaluate(pooled, 5), p.get("q05"), "q05");
            assertClose(type7.evaluate(pooled, 50), p.get("q50"), "q50");
            assertClose(type7.evaluate(pooled, 95), p.get("q95"), "q95");
            // the diagnostics match R's posterior in ConvergenceDiagnosticsTest; here, that the chains reach them
            assertEquals(ConvergenceDiagnostics.mcseMean(x), p.get("mcse_mean"));
            assertEquals(ConvergenceDiagnostics.mcseSd(x), p.get("mcse_sd"));
            assertEquals(ConvergenceDiagnostics.essBulk(x), p.get("ess_bulk"));
            assertEquals(ConvergenceDiagnostics.essTail(x), p.get("ess_tail"));
            assertEquals(ConvergenceDiagnostics.rhat(x), p.get("rhat"));
            assertEquals(ConvergenceDiagnostics.essSd(x), p.get("ess_sd"));
            assertEquals(ConvergenceDiagnostics.mcseQuantile(x, 0.5), p.get("mcse_median"));
        }
        // stansummary's table: sampler columns first, then the parameters
        List<String> table = console.out().lines().toList();
        assertEquals("2 chains, 60 kept draws each", table.get(0));
        assertTrue(table.get(2).trim().startsWith("Mean      MCSE    StdDev"), table.get(2));
        assertTrue(table.get(3).startsWith("lp__ "), table.get(3));
        assertTrue(table.stream().anyMatch(l -> l.startsWith("theta.2 ")), table.toString());
    }

    /** Equal to 1e-13 relative: another summation order may change the last bits. */
    private static void assertClose(double expected, Object actual, String what) {
        assertEquals(expected, (Double) actual, 1e-13 * Math.abs(expected), what);
    }

    /** Divergences, E-BFMI and tree-depth hits per chain, against CmdStan's max_depth comment. */
    @Test
    void reportsDivergencesEbfmiAndTreeDepthHitsPerChain() throws Exception {
        Random random = new Random(13);
        double[][] energy = new double[2][40];
        StringBuilder[] files = {new StringBuilder(), new StringBuilder()};
        for (int c = 0; c < 2; c++) {
            files[c].append("# method = sample (Default)\n#     max_depth = 3\n").append(CMDSTAN_HEADER).append('\n');
            for (int i = 0; i < 40; i++) {
                energy[c][i] = c == 0 ? random.nextGaussian() : Math.sin(i / 8.0); // chain 2 drifts: E-BFMI low
                int depth = c == 0 && i % 10 == 0 ? 3 : 2;
                int divergent = c == 1 && (i == 5 || i == 6) ? 1 : 0;
                files[c].append("-1.5,0.9,0.87,").append(depth).append(",7,").append(divergent).append(',')
                        .append(energy[c][i]).append(',').append(random.nextGaussian()).append(',')
                        .append(random.nextGaussian()).append('\n');
            }
        }
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, files[0]);
        Files.writeString(b, files[1]);
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("summary", a.toString(), b.toString(), "--json", json.toString()), console.err());
        String text = Files.readString(json);
        assertTrue(text.contains("\"divergences\": 2"), text);
        assertTrue(text.replaceAll("\\s+", "").contains("\"ebfmi\":[" + ConvergenceDiagnostics.ebfmi(energy[0]) + ","
                + ConvergenceDiagnostics.ebfmi(energy[1]) + "]"), text);
        assertTrue(text.contains("\"max_treedepth_hits\": 4"), text);
        String table = console.out();
        assertTrue(table.contains("chain 1: 0 divergent, E-BFMI " + String.format(java.util.Locale.ROOT, "%.3f",
                ConvergenceDiagnostics.ebfmi(energy[0])) + ", 4 at max tree depth 3"), table);
        assertTrue(table.contains("Warning: 2 of 80 kept transitions diverged"), table);
        assertTrue(table.contains("Warning: E-BFMI is below 0.3 in 1 of 2 chains (chain 2: "), table);
        assertTrue(table.contains("Warning: 4 of 80 kept transitions hit the maximum tree depth 3"), table);
    }

    @Test
    void aConstantColumnHasNullDiagnostics() throws Exception {
        Random random = new Random(3);
        double[] constant = new double[20];
        java.util.Arrays.fill(constant, 1.5);
        Path a = cmdStan("a.csv", CMDSTAN_HEADER, ar1(random, 20, 0), constant);
        Path b = cmdStan("b.csv", CMDSTAN_HEADER, ar1(random, 20, 0), constant);
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("summary", a.toString(), b.toString(), "--json", json.toString()), console.err());
        Map<String, Object> p = params(json).get(1);
        assertEquals(1.5, p.get("mean"));
        assertEquals(0.0, p.get("sd"));
        assertEquals(1.5, p.get("q05"));
        for (String key : List.of("mcse_mean", "mcse_sd", "ess_bulk", "ess_tail", "rhat")) {
            assertTrue(p.containsKey(key), key);
            assertNull(p.get(key), key + " of a constant column");
        }
        assertTrue(console.out().contains("Warning: R-hat or ESS is undefined for 1 of 2"
                + " parameters (theta.2)"), console.out());
    }

    /** R: quantile(c(1, 2, Inf), c(.05, .5, .95)) = 1.1, 2, Inf; the median was NA (2 + 0·∞) before. */
    @Test
    void theMedianOfOneTwoAndInfinityIsTwoAsInR() throws Exception {
        Path a = cmdStan("a.csv", CMDSTAN_HEADER, new double[] {1, Double.POSITIVE_INFINITY, 2},
                new double[] {0.5, -0.5, 0.25});
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("summary", a.toString(), "--json", json.toString()), console.err());
        Map<String, Object> p = params(json).get(0);
        assertEquals("theta.1", p.get("name"));
        assertEquals(1.1000000000000001, p.get("q05"));
        assertEquals(2.0, p.get("q50"));
        assertNull(p.get("q95"), "Inf, written as JSON null");
        String row = console.out().lines().filter(l -> l.startsWith("theta.1")).findFirst()
                .orElseThrow();
        // name, Mean, MCSE, StdDev, 5%, 50%, 95%: the table prints the median as 2.00, not nan
        assertEquals(List.of("theta.1", "inf", "nan", "nan", "1.10", "2.00", "inf"),
                List.of(row.trim().split(" +")).subList(0, 7), row);
    }

    @Test
    void oneDrawPerChainHasNullDiagnosticsNotACrash() throws Exception {
        Path a = cmdStan("a.csv", CMDSTAN_HEADER, new double[] {0.5}, new double[] {1});
        Path b = cmdStan("b.csv", CMDSTAN_HEADER, new double[] {-0.5}, new double[] {2});
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("summary", a.toString(), b.toString(), "--json", json.toString()), console.err());
        Map<String, Object> p = params(json).get(0);
        assertEquals(0.0, p.get("mean"));
        for (String key : List.of("ess_bulk", "ess_tail")) {
            assertNull(p.get(key), key + " of one draw per chain");
        }
    }

    @Test
    void chainsOfDifferentLengthsUseTheShortestAndWarn() throws Exception {
        Random random = new Random(11);
        double[][] theta1 = {ar1(random, 30, 0), ar1(random, 24, 0)};
        double[][] theta2 = {ar1(random, 30, 0), ar1(random, 24, 0)};
        Path a = cmdStan("a.csv", CMDSTAN_HEADER, theta1[0], theta2[0]);
        Path b = cmdStan("b.csv", CMDSTAN_HEADER, theta1[1], theta2[1]);
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("summary", a.toString(), b.toString(), "--json", json.toString()), console.err());
        assertEquals(1, console.err().lines().count(), console.err());
        assertTrue(console.err().startsWith("warning: ") && console.err().contains("24"), console.err());
        double[][] x = {java.util.Arrays.copyOf(theta1[0], 24), theta1[1]};
        assertEquals(ConvergenceDiagnostics.essBulk(x), params(json).get(0).get("ess_bulk"));
        assertEquals(ConvergenceDiagnostics.rhat(x), params(json).get(0).get("rhat"));
    }

    @Test
    void badInputExitsWithStatusTwoAndOneLine() throws Exception {
        Random random = new Random(5);
        Path good = cmdStan("good.csv", CMDSTAN_HEADER, ar1(random, 10, 0), ar1(random, 10, 0));
        Path other = cmdStan("other.csv", CMDSTAN_HEADER.replace("theta.2", "sigma"), ar1(random, 10, 0),
                ar1(random, 10, 0));
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "# nothing sampled\n" + CMDSTAN_HEADER + "\n# Elapsed Time: 0 seconds\n");
        Path word = dir.resolve("word.csv");
        Files.writeString(word, "# c\n" + CMDSTAN_HEADER + "\n1,1,1,1,1,0,1,2,3\n1,1,1,1,1,0,1,two,3\n");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, CMDSTAN_HEADER + "\n1,1,1,1,1,0,1,2\n");
        Map<String[], String> cases = new LinkedHashMap<>();
        cases.put(new String[] {"summary"}, "no files");
        cases.put(new String[] {"summary", dir.resolve("missing.csv").toString()}, "missing.csv");
        cases.put(new String[] {"summary", empty.toString()}, "empty.csv");
        cases.put(new String[] {"summary", word.toString()}, "word.csv:4");
        cases.put(new String[] {"summary", ragged.toString()}, "ragged.csv:2");
        cases.put(new String[] {"summary", good.toString(), other.toString()}, "other.csv");
        cases.put(new String[] {"summary", good.toString(), "--json"}, "--json");
        cases.put(new String[] {"summary", good.toString(), "--chains", "2"}, "--chains");
        for (Map.Entry<String[], String> c : cases.entrySet()) {
            assertEquals(2, console.run(c.getKey()), String.join(" ", c.getKey()));
            String e = console.err();
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.startsWith("error: ") && e.contains(c.getValue()), e);
            assertEquals("", console.out());
        }
    }

    @Test
    void summaryOfTheRunnersDrawsAgreesWithTheRunnersOwnJson() throws Exception {
        Path draws = dir.resolve("f.csv");
        Path runJson = dir.resolve("run.json");
        assertEquals(0, console.run("gaussian3d", "--chains", "2", "--quiet", "--draws", draws.toString(), "--json",
                runJson.toString()), console.err());
        assertEquals("", console.err());
        Path json = dir.resolve("out.json");
        assertEquals(0, console.run("summary", dir.resolve("f-1.csv").toString(), dir.resolve("f-2.csv").toString(),
                "--json",
                json.toString()), console.err());
        assertEquals("", console.err());
        List<Map<String, Object>> ours = params(json);
        List<Map<String, Object>> runner = params(runJson);
        assertEquals(3, ours.size());
        assertEquals(List.of("theta.1", "theta.2", "theta.3"), ours.stream().map(p -> p.get("name")).toList());
        for (int i = 0; i < 3; i++) {
            for (String key : List.of("mean", "sd", "ess_bulk", "ess_tail", "rhat")) {
                assertTrue(ours.get(i).get(key) instanceof Double, key + " of " + i);
                assertEquals(runner.get(i).get(key), ours.get(i).get(key), key + " of parameter " + i);
            }
        }
    }
}
