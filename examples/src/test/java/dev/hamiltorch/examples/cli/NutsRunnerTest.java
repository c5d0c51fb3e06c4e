package dev.hamiltorch.examples.cli;

import static dev.hamiltorch.examples.cli.RunnerConsole.count;
import static dev.hamiltorch.examples.cli.RunnerConsole.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.examples.workloads.BenchmarkData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's NUTS: {@code --sampler nuts}, the data workloads, the NUTS columns and JSON fields. */
class NutsRunnerTest {

    @TempDir
    Path dir;

    private final RunnerConsole console = new RunnerConsole();

    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).skip(1).map(l -> l.split(",")).toList();
    }

    private static String header(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    }

    @Test
    void gaussian3dWithNutsWritesTheNutsColumnsAndJsonFields() throws Exception {
        Path json = dir.resolve("n.json");
        Path draws = dir.resolve("n.csv");
        assertEquals(0, console.run("gaussian3d", "--sampler", "nuts", "--burn", "100", "--no-adapt",
                "--max-tree-depth", "2", "--quiet",
                "--json", json.toString(), "--draws", draws.toString()), console.err());
        String j = Files.readString(json);
        assertTrue(j.contains("\"sampler\": \"NUTS\""), j);
        assertEquals("lp__,accept_stat__,stepsize__,n_leapfrog__,divergent__,energy__,treedepth__,theta.1,theta.2,"
                + "theta.3", header(draws));
        List<String[]> rows = rows(draws);
        assertEquals(300, rows.size());
        long atMax = 0;
        long divergent = 0;
        for (String[] r : rows) {
            int depth = (int) Double.parseDouble(r[6]);
            int leapfrogs = Integer.parseInt(r[3]);
            assertTrue(depth >= 0 && depth <= 2, "treedepth " + depth);
            assertTrue(leapfrogs >= (1 << depth) - 1 && leapfrogs <= (1 << (depth + 1)) - 1, leapfrogs + " at " + depth);
            atMax += depth == 2 ? 1 : 0;
            divergent += Integer.parseInt(r[4]);
        }
        // ε 0.3 on sd 0.5: a U-turn needs about π·0.5/0.3 ≈ 5 steps, past depth 2's 3
        assertTrue(atMax > 150, "depth 2 reached " + atMax + " times");
        assertEquals(atMax, count(j, "max_treedepth_hits"), "the JSON counts the kept draws at the maximum depth");
        assertEquals(divergent, count(j, "divergences"));
    }

    /**
     * {@code --target-accept} reaches warm-up: a higher δ gives smaller adapted step sizes and a higher mean
     * accept_stat__ over the kept draws (the final ε is dual averaging's averaged iterate, which accepts a
     * little more than δ: 0.76 for δ 0.6, 0.97 for δ 0.95 here). {@code min_ess_bulk_per_second} is the
     * smallest {@code ess_bulk} over {@code sampling_seconds}, which include the warm-up.
     */
    @Test
    void targetAcceptSteersWarmUpAndTheJsonGivesTheSmallestEssPerSecond() throws Exception {
        double[] meanAccept = new double[2];
        double[] largestStep = new double[2];
        double[] delta = {0.6, 0.95};
        for (int k = 0; k < 2; k++) {
            Path json = dir.resolve("t" + k + ".json");
            Path draws = dir.resolve("t" + k + ".csv");
            assertEquals(0, console.run("gaussian3d", "--sampler", "nuts", "--chains", "2", "--burn", "300", "--samples",
                    "800", "--target-accept", String.valueOf(delta[k]), "--quiet", "--json", json.toString(), "--draws",
                    draws.toString()), console.err());
            String j = Files.readString(json);
            assertTrue(j.contains("\"target_accept\": " + delta[k]) && j.contains("\"adapt_metric\": \"diag\""), j);
            List<String[]> rows = new java.util.ArrayList<>(rows(dir.resolve("t" + k + "-1.csv")));
            rows.addAll(rows(dir.resolve("t" + k + "-2.csv")));
            assertEquals(1000, rows.size());
            meanAccept[k] = rows.stream().mapToDouble(r -> Double.parseDouble(r[1])).average().orElseThrow();
            largestStep[k] = rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).max().orElseThrow();
            double smallestEss = Double.POSITIVE_INFINITY;
            Matcher ess = Pattern.compile("\"ess_bulk\": ([-0-9.eE+]+)").matcher(j);
            int params = 0;
            while (ess.find()) {
                smallestEss = Math.min(smallestEss, Double.parseDouble(ess.group(1)));
                params++;
            }
            assertEquals(3, params, j);
            assertEquals(smallestEss / number(j, "sampling_seconds"), number(j, "min_ess_bulk_per_second"),
                    1e-9 * number(j, "min_ess_bulk_per_second"), j);
        }
        assertTrue(meanAccept[1] >= 0.92 && meanAccept[0] <= 0.85, Arrays.toString(meanAccept));
        assertTrue(largestStep[1] < 0.7 * largestStep[0], Arrays.toString(largestStep));
    }

    /**
     * Every {@code --adapt-metric} reaches warm-up and is announced as CmdStan does after "Adaptation
     * terminated": a diagonal (fisher-diag's is exactly σ² = 0.25 on gaussian3d's N(μ, 0.5² I), whose draws'
     * and gradients' variances are in the ratio σ⁴), the dense matrix's rows, or nothing for none.
     */
    @Test
    void everyAdaptMetricReachesWarmUpAndIsAnnounced() throws Exception {
        for (String metric : List.of("diag", "dense", "fisher-diag", "none")) {
            Path json = dir.resolve(metric + ".json");
            Path draws = dir.resolve(metric + ".csv");
            assertEquals(0, console.run("gaussian3d", "--sampler", "nuts", "--burn", "200", "--samples", "400",
                    "--adapt-metric", metric, "--quiet", "--json", json.toString(), "--draws", draws.toString()),
                    console.err());
            assertTrue(Files.readString(json).contains("\"adapt_metric\": \"" + metric + "\""), metric);
            List<String> csv = Files.readAllLines(draws);
            int at = csv.indexOf("# Adaptation terminated");
            assertTrue(at > 0 && csv.get(at + 1).startsWith("# Step size = "), metric + ": " + csv.subList(0, 20));
            String next = csv.get(at + 2);
            switch (metric) {
                case "dense" -> {
                    assertEquals("# Elements of inverse mass matrix:", next);
                    for (int row = 0; row < 3; row++) {
                        assertEquals(3, csv.get(at + 3 + row).substring(2).split(", ").length, csv.get(at + 3 + row));
                    }
                }
                case "none" -> assertTrue(!next.startsWith("#"), "no mass matrix after the step size: " + next);
                default -> {
                    assertEquals("# Diagonal elements of inverse mass matrix:", next);
                    double[] diagonal = Arrays.stream(csv.get(at + 3).substring(2).split(", "))
                            .mapToDouble(Double::parseDouble).toArray();
                    assertEquals(3, diagonal.length);
                    if (metric.equals("fisher-diag")) {
                        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, diagonal, 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void funnelWithNutsCountsItsDivergences() throws Exception {
        Path json = dir.resolve("f.json");
        Path draws = dir.resolve("f.csv");
        // ε 0.5 in the funnel's neck diverges
        assertEquals(0, console.run("funnel", "--sampler", "nuts", "--step-size", "0.5", "--samples", "300", "--quiet",
                "--json", json.toString(), "--draws", draws.toString()), console.err());
        String j = Files.readString(json);
        long column = rows(draws).stream().mapToLong(r -> Integer.parseInt(r[4])).sum();
        assertTrue(column > 0, "no divergence in the funnel at ε 0.5");
        assertEquals(column, count(j, "divergences"));
        assertTrue(j.contains("\"v_ks\": "), j);
    }

    @Test
    void logisticAndGaussianDenseReadTheirDataAndSample() throws Exception {
        Path logistic = dir.resolve("logistic.csv");
        BenchmarkData.write(BenchmarkData.logistic(3, 200, 3), logistic);
        Path json = dir.resolve("l.json");
        assertEquals(0, console.run("logistic", "--data", logistic.toString(), "--sampler", "nuts", "--samples", "300",
                "--burn", "100", "--step-size", "0.2", "--quiet", "--json", json.toString()), console.err());
        String j = Files.readString(json);
        assertTrue(j.contains("\"workload\": \"logistic\"") && j.contains("\"dimension\": 3")
                && j.contains("\"name\": \"w[2]\""), j);

        Path gaussian = dir.resolve("g.csv");
        BenchmarkData.write(BenchmarkData.denseGaussian(4, 5, 10), gaussian);
        json = dir.resolve("g.json");
        assertEquals(0, console.run("gaussian-dense", "--data", gaussian.toString(), "--sampler", "nuts",
                "--samples", "300",
                "--burn", "100", "--quiet", "--json", json.toString()), console.err());
        j = Files.readString(json);
        assertTrue(j.contains("\"workload\": \"gaussian-dense\"") && j.contains("\"dimension\": 5"), j);
    }

    @Test
    void badOrMissingDataExitsWithStatusTwoAndOneLine() throws Exception {
        Path notSymmetric = Files.writeString(dir.resolve("ns.csv"), "0,1,2\n0,3,1\n");
        Path ragged = Files.writeString(dir.resolve("r.csv"), "y,x1\n1,0.5\n0\n");
        Path badY = Files.writeString(dir.resolve("y.csv"), "y,x1\n2,0.5\n");
        for (String[] args : List.of(new String[] {"logistic"}, new String[] {"gaussian-dense"},
                new String[] {"logistic", "--data", dir.resolve("none.csv").toString()},
                new String[] {"logistic", "--data", ragged.toString()},
                new String[] {"logistic", "--data", badY.toString()},
                new String[] {"gaussian-dense", "--data", notSymmetric.toString()},
                new String[] {"gaussian3d", "--sampler", "nuts", "--max-tree-depth", "0"})) {
            assertEquals(2, console.run(args), String.join(" ", args));
            assertEquals(1, console.err().lines().count(), console.err());
            assertTrue(console.err().startsWith("error: "), console.err());
        }
        assertEquals(2, console.run("logistic", "--data", ragged.toString()));
        assertTrue(console.err().contains("line 3 has 1 values, expected 2"), console.err());
    }

    @Test
    void generateWritesTheBenchmarkDataDeterministically() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, console.run("generate", "logistic", a.toString()));
        assertEquals(0, console.run("generate", "logistic", b.toString(), "--seed", "1"));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<String> lines = Files.readAllLines(a);
        assertEquals(1001, lines.size());
        assertEquals(26, lines.get(0).split(",").length);
        BenchmarkData.LogisticData read = BenchmarkData.readLogistic(a);
        BenchmarkData.LogisticData made = BenchmarkData.logistic(1, 1000, 25);
        assertArrayEquals(made.x()[999], read.x()[999]);
        assertArrayEquals(made.y(), read.y());

        Path g = dir.resolve("g.csv");
        assertEquals(0, console.run("generate", "gaussian-dense", g.toString()));
        BenchmarkData.GaussianData gaussian = BenchmarkData.readGaussian(g);
        assertEquals(100, gaussian.mean().length);
        assertArrayEquals(BenchmarkData.denseGaussian(1, 100, 100).covariance()[57], gaussian.covariance()[57]);
        assertEquals(2, console.run("generate", "nothing", g.toString()));
    }

    /** Σ = Q diag(λ) Qᵀ with λ from 1 to 100: its eigenvalues are those, so its condition number is 100. */
    @Test
    void theDenseGaussiansCovarianceHasTheAskedConditionNumber() {
        double[][] sigma = BenchmarkData.denseGaussian(1, 100, 100).covariance();
        var eigen = new org.apache.commons.math3.linear.EigenDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(sigma));
        double[] values = eigen.getRealEigenvalues();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        assertEquals(100, max, 1e-9);
        assertEquals(1, min, 1e-11);
    }
}
