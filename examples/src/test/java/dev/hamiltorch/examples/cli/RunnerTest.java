package dev.hamiltorch.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Runner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String outText() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badCommandLinesExitWithStatusTwoAndOneLine() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--no-such"}, new String[] {"nothing"},
                new String[] {"gaussian3d", "--samples", "many"}, new String[] {"gaussian3d", "--samples"},
                new String[] {"gaussian3d", "--step-size", "-1"}, new String[] {"gaussian3d", "--sampler", "foo"},
                new String[] {"gaussian3d", "--burn", "400"}, new String[] {}, new String[] {"funnel", "--dim", "0"},
                new String[] {"gaussian3d", "--integrator", "splitting"},
                new String[] {"gaussian3d", "--sampler", "rmhmc", "--integrator", "leapfrog", "--metric", "hessian"})) {
            err.reset();
            out.reset();
            assertEquals(2, run(args), String.join(" ", args));
            String e = errText();
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.startsWith("error: "), e);
            // refused before the first draw: not even the progress table's header
            assertEquals("", outText(), String.join(" ", args));
        }
    }

    @Test
    void aRepeatedOptionExitsWithStatusTwoNamingIt() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--seed", "1", "--steps", "3", "--seed", "2"},
                new String[] {"gaussian3d", "--seed=1", "--seed", "1"})) {
            err.reset();
            assertEquals(2, run(args), String.join(" ", args));
            assertEquals(List.of("error: option --seed is given more than once"), errText().lines().toList());
        }
        err.reset();
        assertEquals(2, run("funnel", "--quiet", "--dim", "2", "--quiet"));
        assertEquals(List.of("error: option --quiet is given more than once"), errText().lines().toList());
        assertEquals("", outText());
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeSampling() throws Exception {
        Path missing = dir.resolve("missing").resolve("g.json");
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Path folderInTheWay = Files.createDirectory(dir.resolve("d-2.csv"));
        List<List<String>> cases = List.of(
                List.of("--json", missing.toString(), "error: option --json: cannot write " + missing
                        + ": folder " + missing.getParent() + " does not exist"),
                List.of("--json", dir.toString(), "error: option --json: cannot write " + dir + ": it is a folder"),
                List.of("--draws", aFile.resolve("g.csv").toString(), "error: option --draws: cannot write "
                        + aFile.resolve("g-1.csv") + ": " + aFile + " is not a folder"),
                // with two chains --draws writes d-1.csv and d-2.csv
                List.of("--draws", dir.resolve("d.csv").toString(), "error: option --draws: cannot write "
                        + folderInTheWay + ": it is a folder"));
        for (List<String> c : cases) {
            err.reset();
            out.reset();
            assertEquals(2, run("gaussian3d", "--chains", "2", c.get(0), c.get(1)), c.toString());
            assertEquals(List.of(c.get(2)), errText().lines().toList());
            assertEquals("", outText());
        }
        // nothing was written, not even the first chain's file
        assertFalse(Files.exists(dir.resolve("d-1.csv")));
        assertEquals("x", Files.readString(aFile));
    }

    @Test
    void theRunsWarningsGoToStandardErrorOnceWhateverTheLogging() {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            // ε 100: every trajectory diverges
            assertEquals(0, run("gaussian3d", "--step-size", "100", "--samples", "20", "--quiet"));
        } finally {
            System.setErr(systemErr);
        }
        assertEquals(List.of("warning: no proposal was accepted in the 20 kept iterations: the step size is likely too"
                        + " large for this target and integrator",
                "warning: 20 of 20 iterations diverged (an energy error above the divergence threshold); a smaller"
                        + " step size helps (divergent)"), errText().lines().toList());
        // slf4j-simple, the runner's provider, does not print them a second time
        assertEquals("", logged.toString(StandardCharsets.UTF_8));
        assertEquals("", outText());
    }

    @Test
    void aLogDensityThatThrowsAtParamsInitExitsOneNotTwo() {
        IllegalStateException bug = new IllegalStateException("model not loaded");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Hamiltorch.sample(x -> {
            throw bug;
        }).paramsInit(0.0).verbose(false).run());
        assertEquals(1, Runner.failed(thrown, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(List.of("sampling failed: dev.hamiltorch.engine.sampling.SamplingException: the log density"
                + " threw at paramsInit = [0.0], before sampling: java.lang.IllegalStateException: model not loaded"),
                errText().lines().toList());
        err.reset();
        RuntimeException bad = assertThrows(RuntimeException.class,
                () -> Hamiltorch.sample(x -> x.sum()).paramsInit(0.0).stepSize(-1).verbose(false).run());
        assertEquals(2, Runner.failed(bad, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(errText().startsWith("error: stepSize = -1.0"), errText());
    }

    @Test
    void gaussian3dPrintsProgressSummaryAndWritesTheJsonContract() throws Exception {
        Path json = dir.resolve("g.json");
        Path draws = dir.resolve("g.csv");
        assertEquals(0, run("gaussian3d", "--json", json.toString(), "--draws", draws.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Sampling (Sampler.HMC; Integrator.LEAPFROG)"), text);
        assertTrue(text.contains("Acceptance Rate "), text);
        assertTrue(text.contains("theta[2]"), text);
        String j = Files.readString(json);
        for (String key : List.of("\"workload\": \"gaussian3d\"", "\"sampler\": \"HMC\"", "\"integrator\": \"LEAPFROG\"",
                "\"dimension\": 3", "\"num_samples\": 400", "\"burn\": 0", "\"chains\": 1", "\"seed\": 123",
                "\"step_size\": 0.3", "\"steps_per_sample\": 5", "\"sampling_seconds\": ", "\"iterations_per_second\": ",
                "\"gradient_evaluations\": 2001", "\"acceptance_rate\": ", "\"invalid_log_prob\": 0",
                "\"non_spd_metric\": 0", "\"fixed_point_not_converged\": 0", "\"divergent\": 0",
                "\"name\": \"theta[0]\"", "\"quality\": {}", "\"warnings\": []")) {
            assertTrue(j.contains(key), key + " missing in " + j);
        }
        // every diagnostic is a number (not null); the values themselves are checked against posterior elsewhere
        for (String key : List.of("ess_bulk", "ess_tail", "rhat", "min_ess_bulk_per_second")) {
            Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(j);
            assertTrue(m.find(), key + " is not a number in " + j);
            assertTrue(Double.parseDouble(m.group(1)) > 0, key + " = " + m.group(1));
        }
        List<String> csv = Files.readAllLines(draws);
        assertEquals("lp__,accept_stat__,stepsize__,n_leapfrog__,energy__,theta.1,theta.2,theta.3",
                csv.stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
        assertEquals(400, csv.stream().filter(l -> !l.startsWith("#")).count() - 1);
        // the JSON's diagnostics are those of the draws written beside it (theta.1 is the 6th column)
        double[] theta0 = csv.stream().filter(l -> !l.startsWith("#")).skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[5])).toArray();
        Matcher essBulk = Pattern.compile("\"ess_bulk\": ([0-9.eE+-]+)").matcher(j);
        assertTrue(essBulk.find(), j);
        assertEquals(ConvergenceDiagnostics.essBulk(new double[][] {theta0}), Double.parseDouble(essBulk.group(1)),
                1e-9);
    }

    @Test
    void funnelReportsTheQualityOfItsVMarginal() throws Exception {
        Path json = dir.resolve("f.json");
        assertEquals(0, run("funnel", "--quiet", "--samples", "200", "--json", json.toString()));
        String j = Files.readString(json);
        assertTrue(j.contains("\"dimension\": 11"), j);
        assertTrue(j.contains("\"v_mean\": "), j);
        assertTrue(j.contains("\"v_sd\": "), j);
        assertTrue(j.contains("\"v_ks\": "), j);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theAnalyticGaussianGivesGaussian3dsChainBitForBitAndSupportsRmhmc() throws Exception {
        Path autodiff = dir.resolve("a.csv");
        Path analytic = dir.resolve("h.csv");
        assertEquals(0, run("gaussian3d", "--quiet", "--draws", autodiff.toString()));
        assertEquals(0, run("gaussian3d-analytic", "--quiet", "--draws", analytic.toString()));
        List<String> a = Files.readAllLines(autodiff).stream().filter(l -> !l.startsWith("#")).toList();
        List<String> h = Files.readAllLines(analytic).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(401, a.size());
        assertEquals(a, h, "the hand-written derivatives reproduce the engine's to the bit");
        Path eager = dir.resolve("e.csv");
        assertEquals(0, run("gaussian3d", "--quiet", "--no-replay", "--draws", eager.toString()));
        assertEquals(a, Files.readAllLines(eager).stream().filter(l -> !l.startsWith("#")).toList(),
                "replaying the recorded graph gives the chain of running the density's code");

        Path json = dir.resolve("r.json");
        assertEquals(0, run("gaussian3d-analytic", "--quiet", "--sampler", "rmhmc", "--integrator", "implicit",
                "--metric", "hessian", "--json", json.toString()));
        String j = Files.readString(json);
        assertTrue(j.contains("\"workload\": \"gaussian3d-analytic\""), j);
        assertTrue(j.contains("\"metric\": \"HESSIAN\""), j);
        Matcher rate = Pattern.compile("\"acceptance_rate\": ([0-9.eE+-]+)").matcher(j);
        assertTrue(rate.find(), j);
        assertTrue(Double.parseDouble(rate.group(1)) > 0.9, j);
    }

    @Test
    void helpAnywhereOnTheCommandLinePrintsTheUsageAndExitsZero() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--seed", "1", "--help"},
                new String[] {"funnel", "--no-such", "-h"}, new String[] {"summary", "x.csv", "--help"},
                new String[] {"benchmark", "--help"}, new String[] {"gaussian3d", "--seed", "1", "--seed", "2", "--help"})) {
            out.reset();
            err.reset();
            assertEquals(0, run(args), String.join(" ", args));
            assertEquals(Runner.USAGE, outText());
            assertEquals("", errText());
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(Runner.USAGE, text);
        for (String name : List.of("gaussian3d", "gaussian3d-analytic", "funnel", "--fixed-point-threshold", "--draws")) {
            assertTrue(text.contains(name), name);
        }
        assertEquals("", errText());
    }
}
