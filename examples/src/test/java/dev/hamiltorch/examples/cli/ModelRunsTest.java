package dev.hamiltorch.examples.cli;

import static dev.hamiltorch.examples.cli.RunnerConsole.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.engine.sampling.DrawsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's model workloads: bnn-regression end to end, and the options that only they read (bnn-mnist's too). */
class ModelRunsTest {

    @TempDir
    Path dir;

    private final RunnerConsole console = new RunnerConsole();

    @Test
    void bnnRegressionReportsHeldOutErrorAndCoverageWritesItsPlotAndItsDrawsFile() throws IOException {
        Path json = dir.resolve("r.json");
        Path draws = dir.resolve("r.draws");
        int status = console.run("bnn-regression", "--samples", "600", "--burn", "200", "--hidden", "10", "--quiet",
                "--json", json.toString(), "--plots", dir.toString(), "--draws", draws.toString());
        assertEquals(0, status, console.err());
        String result = Files.readString(json);
        assertTrue(number(result, "val_mse") < 0.05, result);
        assertTrue(number(result, "coverage_2sd") >= 0.85, result);
        assertEquals(31, (int) number(result, "dimension"));
        byte[] png = Files.readAllBytes(dir.resolve("bnn-regression.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        try (DrawsFile.Reader r = DrawsFile.open(draws)) {
            assertEquals(400, r.count());
            assertEquals(31, r.dimension());
        }
    }

    @Test
    void bnnRegressionAdaptsDuringWarmUpAndReportsTheSummaryOrTheThinnedDrawsOwnDiagnostics() throws IOException {
        // warm-up adaptation reaches sampleModel through SamplingOptions: per-chain adapted step sizes
        Path json = dir.resolve("adapted.json");
        assertEquals(0, console.run("bnn-regression", "--samples", "200", "--burn", "100", "--hidden", "4", "--quiet",
                "--adapt-metric", "diag", "--json", json.toString()), console.err());
        String adapted = Files.readString(json);
        assertTrue(adapted.contains("\"adapt_metric\": \"diag\""), adapted);
        assertTrue(Pattern.compile("\"step_size\": \\[").matcher(adapted).find(), adapted);
        // every draw kept: the stansummary-like summary's columns and chain diagnostics
        assertTrue(adapted.contains("\"mcse_mean\""), adapted);
        assertTrue(adapted.contains("\"ebfmi\""), adapted);
        assertEquals(0, (int) number(adapted, "divergences"));

        // thinned draws do not line up with the per-iteration statistics: the draws' own diagnostics only
        Path thinned = dir.resolve("thinned.json");
        assertEquals(0, console.run("bnn-regression", "--samples", "200", "--burn", "100", "--hidden", "4", "--quiet",
                "--keep-every", "2", "--json", thinned.toString()), console.err());
        String result = Files.readString(thinned);
        assertTrue(number(result, "ess_bulk") > 0, result);
        assertTrue(!result.contains("\"mcse_mean\""), result);
        assertTrue(result.contains("\"divergences\""), result);
    }

    @Test
    void optionsOfTheModelWorkloadsAreRefusedElsewhereAndCheckedBeforeSampling() {
        assertEquals(2, console.run("gaussian3d", "--tau-out", "2"));
        assertEquals("error: option --tau-out applies to the bnn-regression and bnn-mnist workloads, not gaussian3d\n",
                console.err());
        // --data is read by logistic and gaussian-dense too, but not by gaussian3d
        assertEquals(2, console.run("gaussian3d", "--data", dir.resolve("x.csv").toString()));
        assertEquals("error: option --data applies to the logistic, gaussian-dense, bnn-regression and bnn-mnist"
                + " workloads, not gaussian3d\n", console.err());
        assertEquals(2, console.run("bnn-regression", "--hidden", "0"));
        assertEquals("error: option --hidden needs a positive integer, got 0\n", console.err());
        assertEquals(2, console.run("bnn-regression", "--tau-out", "-1"));
        assertEquals("error: option --tau-out needs a positive number, got -1\n", console.err());
        assertEquals(2, console.run("bnn-regression", "--plots", dir.resolve("missing").toString()));
        assertTrue(console.err().startsWith("error: option --plots: "), console.err());
        assertEquals(2, console.run("bnn-regression", "--draws-precision", "half"));
        assertEquals("error: option --draws-precision needs float32 or float64, got 'half'\n", console.err());
    }

    @Test
    void bnnMnistsBadOptionsExitWithStatusTwoBeforeTheNetworkIsBuilt() {
        assertEquals(2, console.run("bnn-mnist", "--train", "9500", "--val", "1000"));
        assertEquals("error: --train 9500 and --val 1000 need 10500 digits; the data hold 10000\n", console.err());
        assertEquals(2, console.run("bnn-mnist", "--pixels", "centred"));
        assertEquals("error: option --pixels needs unit or standardised, got 'centred'\n", console.err());
        assertEquals(2, console.run("bnn-mnist", "--hidden", "5"));
        assertEquals("error: option --hidden applies to bnn-regression; bnn-mnist's network is fixed\n", console.err());
        assertEquals(2, console.run("bnn-mnist", "--val", "0"));
        assertEquals("error: option --val needs a positive integer, got 0\n", console.err());
        assertEquals(2, console.run("bnn-mnist", "--data", "/nonexistent-mnist-folder"));
        assertEquals("error: option --data: /nonexistent-mnist-folder: holds none of [train-images-idx3-ubyte,"
                + " images-idx3-ubyte] (plain or .gz)\n", console.err());
    }
}
