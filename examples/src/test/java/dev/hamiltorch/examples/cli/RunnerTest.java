package dev.hamiltorch.examples.cli;

import static dev.hamiltorch.examples.cli.RunnerConsole.number;
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

    private final RunnerConsole console = new RunnerConsole();

    @Test
    void badCommandLinesExitWithStatusTwoAndOneLine() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--no-such"}, new String[] {"nothing"},
                new String[] {"gaussian3d", "--samples", "many"}, new String[] {"gaussian3d", "--samples"},
                new String[] {"gaussian3d", "--step-size", "-1"}, new String[] {"gaussian3d", "--sampler", "foo"},
                new String[] {"gaussian3d", "--burn", "400"}, new String[] {}, new String[] {"funnel", "--dim", "0"},
                new String[] {"gaussian3d", "--integrator", "splitting"},
                new String[] {"gaussian3d", "--sampler", "rmhmc", "--integrator", "leapfrog", "--metric", "hessian"})) {
            assertEquals(2, console.run(args), String.join(" ", args));
            String e = console.err();
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.startsWith("error: "), e);
            // refused before the first draw: not even the progress table's header
            assertEquals("", console.out(), String.join(" ", args));
        }
    }

    @Test
    void aRepeatedOptionExitsWithStatusTwoNamingIt() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--seed", "1", "--steps", "3", "--seed", "2"},
                new String[] {"gaussian3d", "--seed=1", "--seed", "1"})) {
            assertEquals(2, console.run(args), String.join(" ", args));
            assertEquals(List.of("error: option --seed is given more than once"), console.err().lines().toList());
            assertEquals("", console.out());
        }
        assertEquals(2, console.run("funnel", "--quiet", "--dim", "2", "--quiet"));
        assertEquals(List.of("error: option --quiet is given more than once"), console.err().lines().toList());
        assertEquals("", console.out());
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
            assertEquals(2, console.run("gaussian3d", "--chains", "2", c.get(0), c.get(1)), c.toString());
            assertEquals(List.of(c.get(2)), console.err().lines().toList());
            assertEquals("", console.out());
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
            assertEquals(0, console.run("gaussian3d", "--step-size", "100", "--samples", "20", "--quiet"));
        } finally {
            System.setErr(systemErr);
        }
        assertEquals(List.of("warning: no proposal was accepted in the 20 kept iterations: the step size is likely too"
                        + " large for this target and integrator",
                "warning: 20 of 20 iterations diverged (an energy error above the divergence threshold); a smaller"
                        + " step size helps (divergent)"), console.err().lines().toList());
        // slf4j-simple, the runner's provider, does not print them a second time
        assertEquals("", logged.toString(StandardCharsets.UTF_8));
        assertEquals("", console.out());
    }

    @Test
    void aLogDensityThatThrowsAtParamsInitExitsOneNotTwo() {
        IllegalStateException bug = new IllegalStateException("model not loaded");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Hamiltorch.sample(x -> {
            throw bug;
        }).paramsInit(0.0).verbose(false).run());
        assertEquals(1, console.failed(thrown));
        assertEquals(List.of("sampling failed: dev.hamiltorch.engine.sampling.SamplingException: the log density"
                + " threw at paramsInit = [0.0], before sampling: java.lang.IllegalStateException: model not loaded"),
                console.err().lines().toList());
        RuntimeException bad = assertThrows(RuntimeException.class,
                () -> Hamiltorch.sample(x -> x.sum()).paramsInit(0.0).stepSize(-1).verbose(false).run());
        assertEquals(2, console.failed(bad));
        assertTrue(console.err().startsWith("error: stepSize = -1.0"), console.err());
    }

    @Test
    void warmUpAdaptsAndTheJsonGivesEachChainsStepSize() throws Exception {
        Path json = dir.resolve("a.json");
        Path draws = dir.resolve("a.csv");
        assertEquals(0, console.run("gaussian3d", "--quiet", "--samples", "600", "--burn", "300", "--chains", "2",
                "--adapt-metric", "diag", "--target-accept", "0.7", "--json", json.toString(), "--draws",
                draws.toString()), console.err());
        String j = Files.readString(json);
        Matcher m = Pattern.compile("\"step_size\": \\[\\s*([0-9.eE+-]+),\\s*([0-9.eE+-]+)\\s*]").matcher(j);
        assertTrue(m.find(), j);
        assertTrue(!m.group(1).equals(m.group(2)) && Double.parseDouble(m.group(1)) != 0.3, j);
        assertTrue(j.contains("\"adapt_metric\": \"diag\"") && j.contains("\"target_accept\": 0.7"), j);
        // the CSV's stepsize__ is the adapted one, announced as CmdStan announces it
        List<String> csv = Files.readAllLines(dir.resolve("a-1.csv"));
        int at = csv.indexOf("# Adaptation terminated");
        assertTrue(at > 0, String.join("\n", csv.subList(0, 16)));
        assertEquals("# Step size = " + m.group(1), csv.get(at + 1));
        assertEquals("# Diagonal elements of inverse mass matrix:", csv.get(at + 2));
        assertEquals(m.group(1), csv.get(at + 4).split(",")[2]);
        assertEquals(300, csv.stream().filter(l -> !l.startsWith("#")).count() - 1);
    }

    @Test
    void noAdaptKeepsTheStepSizeOfASamplerThatAdaptsByDefault() throws Exception {
        Path json = dir.resolve("n.json");
        assertEquals(0, console.run("gaussian3d", "--quiet", "--sampler", "hmc-adapt-step", "--samples", "300",
                "--burn", "100",
                "--no-adapt", "--json", json.toString()), console.err());
        String j = Files.readString(json);
        assertTrue(j.contains("\"step_size\": 0.3,") && !j.contains("adapt_metric"), j);
        assertEquals(0, console.run("gaussian3d", "--quiet", "--sampler", "hmc-adapt-step", "--samples", "300",
                "--burn", "100",
                "--json", json.toString()), console.err());
        j = Files.readString(json);
        assertTrue(j.contains("\"adapt_metric\": \"none\"") && !j.contains("\"step_size\": 0.3,"), j);
    }

    @Test
    void badAdaptationOptionsExitWithStatusTwo() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--adapt-metric", "diagonal"},
                new String[] {"gaussian3d", "--target-accept", "1.5"},
                new String[] {"gaussian3d", "--no-adapt", "--adapt-metric", "diag"})) {
            assertEquals(2, console.run(args), String.join(" ", args));
            assertTrue(console.err().startsWith("error: option --" + args[1].substring(2)), console.err());
            assertEquals(1, console.err().lines().count(), console.err());
        }
    }

    @Test
    void gaussian3dPrintsProgressSummaryAndWritesTheJsonContract() throws Exception {
        Path json = dir.resolve("g.json");
        Path draws = dir.resolve("g.csv");
        assertEquals(0, console.run("gaussian3d", "--json", json.toString(), "--draws", draws.toString()));
        String text = console.out();
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
            assertTrue(number(j, key) > 0, key + " is not a positive number in " + j);
        }
        List<String> csv = Files.readAllLines(draws);
        assertEquals("lp__,accept_stat__,stepsize__,n_leapfrog__,divergent__,energy__,theta.1,theta.2,theta.3",
                csv.stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
        assertEquals(400, csv.stream().filter(l -> !l.startsWith("#")).count() - 1);
        assertTrue(csv.contains("# sampler = hmc") && csv.contains("# seed = 123") && csv.contains("# step_size = 0.3"),
                String.join("\n", csv.subList(0, 12)));
        // every trajectory of this run takes its 5 steps
        assertTrue(csv.stream().filter(l -> !l.startsWith("#")).skip(1).allMatch(l -> l.split(",")[3].equals("5")));
        // the JSON's diagnostics are those of the draws written beside it (theta.1 is the 7th column)
        double[] theta0 = csv.stream().filter(l -> !l.startsWith("#")).skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[6])).toArray();
        assertEquals(ConvergenceDiagnostics.essBulk(new double[][] {theta0}), number(j, "ess_bulk"), 1e-9);
        // the sampler diagnostics: divergences over kept draws, E-BFMI of the energy__ column, no tree depth for HMC
        double[] energy = csv.stream().filter(l -> !l.startsWith("#")).skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[5])).toArray();
        assertTrue(j.contains("\"divergences\": 0"), j);
        assertTrue(j.replaceAll("\\s+", "").contains("\"ebfmi\":[" + ConvergenceDiagnostics.ebfmi(energy) + "]"), j);
        assertFalse(j.contains("max_treedepth_hits"), j);
        assertTrue(j.contains("\"diagnostic_warnings\": "), j);
    }

    @Test
    void theCsvCountsTheStepsATrajectoryActuallyTookAndStansEnergy() throws Exception {
        Path draws = dir.resolve("steps.csv");
        // ε 2 on the funnel: many trajectories leave for infinity and stop early
        assertEquals(0, console.run("funnel", "--quiet", "--samples", "100", "--step-size", "2", "--draws",
                draws.toString()));
        List<String[]> rows = Files.readAllLines(draws).stream().filter(l -> !l.startsWith("#")).skip(1)
                .map(l -> l.split(",")).toList();
        assertEquals(100, rows.size());
        assertTrue(rows.stream().anyMatch(r -> Integer.parseInt(r[3]) < 25), "no trajectory stopped early");
        assertTrue(rows.stream().allMatch(r -> Integer.parseInt(r[3]) <= 25));
        // energy__ is the Hamiltonian of the state after the transition: finite even when the proposal was not
        assertTrue(rows.stream().allMatch(r -> Double.isFinite(Double.parseDouble(r[5]))));
    }

    @Test
    void funnelReportsTheQualityOfItsVMarginal() throws Exception {
        Path json = dir.resolve("f.json");
        assertEquals(0, console.run("funnel", "--quiet", "--samples", "200", "--json", json.toString()));
        String j = Files.readString(json);
        assertTrue(j.contains("\"dimension\": 11"), j);
        assertTrue(j.contains("\"v_mean\": "), j);
        assertTrue(j.contains("\"v_sd\": "), j);
        assertTrue(j.contains("\"v_ks\": "), j);
        assertEquals("", console.out());
    }

    @Test
    void theAnalyticGaussianGivesGaussian3dsChainBitForBitAndSupportsRmhmc() throws Exception {
        Path autodiff = dir.resolve("a.csv");
        Path analytic = dir.resolve("h.csv");
        assertEquals(0, console.run("gaussian3d", "--quiet", "--draws", autodiff.toString()));
        assertEquals(0, console.run("gaussian3d-analytic", "--quiet", "--draws", analytic.toString()));
        List<String> a = Files.readAllLines(autodiff).stream().filter(l -> !l.startsWith("#")).toList();
        List<String> h = Files.readAllLines(analytic).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(401, a.size());
        assertEquals(a, h, "the hand-written derivatives reproduce the engine's to the bit");
        Path eager = dir.resolve("e.csv");
        assertEquals(0, console.run("gaussian3d", "--quiet", "--no-replay", "--draws", eager.toString()));
        assertEquals(a, Files.readAllLines(eager).stream().filter(l -> !l.startsWith("#")).toList(),
                "replaying the recorded graph gives the chain of running the density's code");

        Path json = dir.resolve("r.json");
        assertEquals(0, console.run("gaussian3d-analytic", "--quiet", "--sampler", "rmhmc", "--integrator", "implicit",
                "--metric", "hessian", "--json", json.toString()));
        String j = Files.readString(json);
        assertTrue(j.contains("\"workload\": \"gaussian3d-analytic\""), j);
        assertTrue(j.contains("\"metric\": \"HESSIAN\""), j);
        assertTrue(number(j, "acceptance_rate") > 0.9, j);
    }

    @Test
    void gaussianSplitSamplesItsKnownPosteriorWithEachSplitIntegratorAndTheLeapfrog() throws Exception {
        for (String integrator : List.of("splitting", "splitting-rand", "splitting-kmid", "leapfrog")) {
            Path json = dir.resolve(integrator + ".json");
            assertEquals(0, console.run("gaussian-split", "--quiet", "--integrator", integrator, "--json",
                    json.toString()),
                    console.err());
            String j = Files.readString(json);
            for (String key : List.of("\"workload\": \"gaussian-split\"", "\"dimension\": 3", "\"num_samples\": 1000",
                    "\"integrator\": \"" + Runner.enumName(integrator) + "\"", "\"terms\": 4", "\"posterior_mean\": [")) {
                assertTrue(j.contains(key), key + " missing in " + j);
            }
            // the draws' mean and sd within 4.5 Monte Carlo standard errors of the conjugate posterior's
            assertTrue(number(j, "max_mean_error_in_mcse") <= 4.5, integrator + ": " + j);
            assertTrue(number(j, "max_sd_error_in_mcse") <= 4.5, integrator + ": " + j);
            assertTrue(number(j, "acceptance_rate") > 0.8, integrator + ": " + j);
        }
        assertEquals("", console.out());
        assertEquals("", console.err());
    }

    @Test
    void gaussianSplitTakesTheNumberOfTermsAndSplitsByDefault() throws Exception {
        Path json = dir.resolve("s.json");
        assertEquals(0, console.run("gaussian-split", "--terms", "3", "--samples", "100", "--json", json.toString()));
        String text = console.out();
        assertTrue(text.contains("Sampling (Sampler.HMC; Integrator.SPLITTING)"), text);
        String j = Files.readString(json);
        assertTrue(j.contains("\"terms\": 3"), j);
        // a trajectory of L = 6 symmetric split steps over M = 3 terms evaluates 2M − 1 + (L − 1)(2M − 2) terms,
        // and M − 1 more at its end: 27 an iteration, after the start's one
        assertEquals(1 + 100 * 27, number(j, "gradient_evaluations"));
    }

    @Test
    void gaussianSplitRunsRmhmcOnTheSumOfItsTermsHessians() throws Exception {
        Path json = dir.resolve("r.json");
        assertEquals(0, console.run("gaussian-split", "--quiet", "--sampler", "rmhmc", "--integrator", "implicit",
                "--metric",
                "hessian", "--samples", "100", "--step-size", "0.3", "--steps", "5", "--json", json.toString()),
                console.err());
        String j = Files.readString(json);
        assertTrue(j.contains("\"metric\": \"HESSIAN\""), j);
        // G = −∇² log π = λ I exactly: the implicit steps are the leapfrog's in the whitened space and accept
        assertTrue(number(j, "acceptance_rate") > 0.9, j);
        assertEquals(2, console.run("gaussian-split", "--sampler", "rmhmc", "--samples", "20"),
                "its default integrator splits");
        assertTrue(console.err().startsWith("error: the splitting integrator needs a separable Hamiltonian"),
                console.err());
    }

    @Test
    void aSplitIntegratorOnAWorkloadOfOneDensityIsRefusedBeforeSampling() {
        for (String workload : List.of("gaussian3d", "gaussian3d-analytic", "funnel")) {
            for (String integrator : List.of("splitting", "splitting-rand", "splitting-kmid")) {
                assertEquals(2, console.run(workload, "--integrator", integrator));
                assertEquals("error: --integrator " + integrator + " needs a log density given as a list of terms, as"
                        + " workload gaussian-split has; " + workload + " is one density" + System.lineSeparator(),
                        console.err());
                assertEquals("", console.out(), "refused before the progress table starts");
            }
        }
        for (String[] args : List.of(new String[] {"gaussian-split", "--terms", "0"},
                new String[] {"gaussian-split", "--terms", "121"}, new String[] {"gaussian-split", "--terms", "two"})) {
            assertEquals(2, console.run(args), String.join(" ", args));
            assertTrue(console.err().startsWith("error: option --terms needs "), console.err());
            assertEquals("", console.out());
        }
        assertEquals(2, console.run("gaussian-split", "--terms", "1"));
        assertEquals("error: the splitting integrator needs at least 2 terms, but the target has 1"
                + System.lineSeparator(), console.err());
        assertEquals("", console.out());
    }

    @Test
    void helpAnywhereOnTheCommandLinePrintsTheUsageAndExitsZero() {
        for (String[] args : List.of(new String[] {"gaussian3d", "--seed", "1", "--help"},
                new String[] {"funnel", "--no-such", "-h"}, new String[] {"summary", "x.csv", "--help"},
                new String[] {"benchmark", "--help"}, new String[] {"gaussian3d", "--seed", "1", "--seed", "2", "--help"})) {
            assertEquals(0, console.run(args), String.join(" ", args));
            assertEquals(Runner.USAGE, console.out());
            assertEquals("", console.err());
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, console.run("--help"));
        String text = console.out();
        assertEquals(Runner.USAGE, text);
        for (String name : List.of("gaussian3d", "gaussian3d-analytic", "funnel", "gaussian-split", "--terms",
                "--fixed-point-threshold", "--draws")) {
            assertTrue(text.contains(name), name);
        }
        assertEquals("", console.err());
    }
}
