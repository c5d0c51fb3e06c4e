package dev.hamiltorch.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The progress display of a real run (the table itself is {@link ProgressTableTest}'s): every chain's line
 * counts its iterations, says warm-up or sampling, and counts the divergences the sampler reported; on a
 * stream that is not a terminal it prints plain lines without cursor moves.
 */
class RunProgressTest {

    /** NUTS at ε 3 on N(0, 1): the leapfrog is unstable beyond ε 2, so many transitions diverge. */
    private static List<String> progressOf(int numSamples, int burn, Samples[] result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result[0] = Hamiltorch.sample(GaussianTarget.independent(new double[] {0}, 1)).paramsInit(0.5)
                .sampler(Sampler.NUTS).stepSize(3).adaptStepSize(false).adaptMetric("none").numSamples(numSamples)
                .burn(burn).chains(3).seed(2).verbose(true)
                .progressTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.chars().noneMatch(c -> c == '\u001b' || c == '\r'), "plain lines, no cursor moves");
        return text.lines().toList();
    }

    @Test
    void everyChainsLineCountsTheDivergencesItsDrawsRecord() {
        Samples[] run = new Samples[1];
        List<String> lines = progressOf(200, 0, run);
        long[] divergent = new long[3];
        for (int c = 0; c < 3; c++) {
            ChainSamples chain = run[0].chain(c);
            divergent[c] = Arrays.stream(chain.statistic(ChainSamples.DIVERGENT)).filter(v -> v != 0).count();
            assertEquals("chain " + (c + 1) + ": 200/200 done, " + divergent[c]
                    + (divergent[c] == 1 ? " divergence" : " divergences"), lines.get(lines.size() - 4 + c));
        }
        assertTrue(Arrays.stream(divergent).allMatch(d -> d > 0 && d < 200), Arrays.toString(divergent));
        assertTrue(lines.get(lines.size() - 1).startsWith("Acceptance Rate "), lines.get(lines.size() - 1));
    }

    @Test
    void everyChainsLineSaysWarmUpOrSampling() {
        Samples[] run = new Samples[1];
        List<String> lines = progressOf(100, 40, run);
        java.util.regex.Pattern chainLine = java.util.regex.Pattern.compile(
                "chain ([1-3]): (\\d+)/100 (warm-up|sampling|done), \\d+ divergences?");
        int[] phases = new int[3];
        for (String line : lines.subList(2, lines.size() - 1)) {
            java.util.regex.Matcher m = chainLine.matcher(line);
            if (!m.matches()) {
                assertTrue(line.contains("/300"), "a progress row or a chain line: " + line);
                continue;
            }
            int done = Integer.parseInt(m.group(2));
            switch (m.group(3)) {
                case "warm-up" -> {
                    assertTrue(done <= 40, line);
                    phases[0]++;
                }
                case "sampling" -> {
                    assertTrue(done >= 40 && done < 100, line);
                    phases[1]++;
                }
                default -> {
                    assertEquals(100, done, line);
                    phases[2]++;
                }
            }
        }
        // the blocks fall where the chains happen to be, but a block a tenth shows some of each phase
        assertTrue(phases[0] > 0 && phases[1] > 0 && phases[2] >= 3, Arrays.toString(phases) + " in " + lines);
    }
}
