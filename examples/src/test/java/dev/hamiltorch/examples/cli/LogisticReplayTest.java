package dev.hamiltorch.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.examples.workloads.BenchmarkData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `logistic` workload end to end on the fused Bernoulli density and the column kernels (200 rows):
 * NUTS's chains replayed (the default) are those of running the density's code ({@code --no-replay}),
 * and a chain is the same alone as one of several on a pool of threads, bit for bit.
 */
class LogisticReplayTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return Runner.run(args, new PrintStream(sink, true, StandardCharsets.UTF_8),
                new PrintStream(sink, true, StandardCharsets.UTF_8));
    }

    private static List<String> draws(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void replayedChainsAreTheEagerOnesAndAChainAloneIsTheSame() throws Exception {
        Path data = dir.resolve("logistic.csv");
        BenchmarkData.write(BenchmarkData.logistic(4, 200, 5), data);
        String[] common = {"logistic", "--data", data.toString(), "--sampler", "nuts", "--samples", "200", "--burn",
                           "80", "--seed", "7", "--quiet"};
        assertEquals(0, run(concat(common, "--chains", "2", "--draws", dir.resolve("r.csv").toString())));
        assertEquals(0, run(concat(common, "--chains", "2", "--no-replay", "--draws", dir.resolve("e.csv").toString())));
        assertEquals(0, run(concat(common, "--chains", "1", "--draws", dir.resolve("one.csv").toString())));
        for (int chain = 1; chain <= 2; chain++) {
            List<String> replayed = draws(dir.resolve("r-" + chain + ".csv"));
            assertEquals(121, replayed.size(), "header and 200 − 80 kept draws");
            assertEquals(replayed, draws(dir.resolve("e-" + chain + ".csv")), "chain " + chain + ": replayed = eager");
        }
        assertEquals(draws(dir.resolve("r-1.csv")), draws(dir.resolve("one.csv")), "chain 1 alone = chain 1 of 2");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
