package dev.hamiltorch.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTableTest {

    private long now;

    @Test
    void plainOutputPrintsOneLinePerTenthAndTheAcceptanceRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressTable table = new ProgressTable(ps, false, 400, () -> now);
        table.start("Sampling (Sampler.HMC; Integrator.LEAPFROG)");
        for (int i = 0; i < 400; i++) {
            now += 2_000_000L; // 2 ms an iteration: 500 samples/s
            table.step();
        }
        now += 1_000_000_000L; // a second between the last iteration and finish() does not count
        table.finish(0.987);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("Sampling (Sampler.HMC; Integrator.LEAPFROG)", lines[0]);
        assertEquals("Time spent  | Time remain.| Progress             | Samples | Samples/sec", lines[1]);
        // lines at 1..9 tenths, then the final row
        assertEquals(2 + 9 + 1 + 1, lines.length);
        assertEquals("0d:00:00:00 | 0d:00:00:00 | #################### | 400/400 | 500.00", lines[11].strip());
        assertEquals("Acceptance Rate 0.99", lines[12]);
    }

    @Test
    void terminalRedrawsAtMostFourTimesASecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressTable table = new ProgressTable(ps, true, 10_000, () -> now);
        table.start("t");
        for (int i = 0; i < 10_000; i++) {
            now += 200_000L; // 2 s in all
            table.step();
        }
        table.finish(1.0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        long redraws = text.chars().filter(c -> c == '\r').count();
        // one draw at the start, one per 250 ms over 2 s, and the final one
        assertEquals(1 + 7 + 1, redraws);
    }

    @Test
    void rowShowsElapsedRemainingBarAndRate() {
        ProgressTable table = new ProgressTable(new PrintStream(new ByteArrayOutputStream()), false, 1000, () -> 0);
        assertEquals("0d:00:01:40 | 0d:00:01:40 | ##########---------- | 500/1000  | 5.00       ",
                table.row(500, 100_000_000_000L));
        assertEquals("1d:01:01:01", ProgressTable.duration(86400 + 3661.5));
    }

    private static String fixed2(double x, boolean grouping) {
        StringBuilder b = new StringBuilder();
        ProgressTable.appendFixed2(b, x, grouping);
        return b.toString();
    }

    @Test
    void numbersAreFormattedAsPythonsFormatSpecs() {
        // '{:,.2f}'.format(x) and '{:.2f}'.format(x) in Python 3
        assertEquals("0.00", fixed2(0.0, true));
        assertEquals("5.00", fixed2(5.0, true));
        assertEquals("999.99", fixed2(999.994, true));
        assertEquals("1,000.00", fixed2(999.995, true));
        assertEquals("24,286.21", fixed2(24286.2149, true));
        assertEquals("1,234,567.89", fixed2(1234567.891, true));
        assertEquals("1234567.89", fixed2(1234567.891, false));
        // ties are decided by the double's exact value: 0.995 is 0.99499999…, 0.125 is exact (half to even)
        assertEquals("0.99", fixed2(0.995, false));
        assertEquals("1.00", fixed2(0.9951, false));
        assertEquals("0.12", fixed2(0.125, false));
        assertEquals("0.38", fixed2(0.375, false));
        assertEquals("2.67", fixed2(2.675, false)); // 2.67499999… in binary
        assertEquals("nan", fixed2(Double.NaN, false));
        assertEquals("inf", fixed2(Double.POSITIVE_INFINITY, true));
    }

    @Test
    void plainOutputShowsEveryChainsIterationPhaseAndDivergencesAtEachTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressTable table = new ProgressTable(ps, false, 2, 10, 4, () -> now);
        table.start("Sampling (Sampler.NUTS; Integrator.LEAPFROG)");
        for (int i = 0; i < 10; i++) {
            for (int c = 0; c < 2; c++) {
                now += 1_000_000L;
                table.step(c, i, c == 1 && (i == 2 || i == 6));
                if (i == 4 && c == 1) {
                    // after both chains' fifth iteration: a tenth (10 of 20) was printed just now
                    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
                    assertEquals("chain 1: 5/10 sampling, 0 divergences", lines.get(lines.size() - 2));
                    assertEquals("chain 2: 5/10 sampling, 1 divergence", lines.get(lines.size() - 1));
                }
                if (i == 1 && c == 1) {
                    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
                    assertEquals("chain 1: 2/10 warm-up, 0 divergences", lines.get(lines.size() - 2));
                }
            }
        }
        table.finish(0.9);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // header 2, 9 tenths and the final block of 3 lines each, the acceptance rate
        assertEquals(2 + 10 * 3 + 1, lines.size(), String.join("\n", lines));
        assertEquals("0d:00:00:00 | 0d:00:00:00 | #################### | 20/20   | 1,000.00", lines.get(29));
        assertEquals("chain 1: 10/10 done, 0 divergences", lines.get(30));
        assertEquals("chain 2: 10/10 done, 2 divergences", lines.get(31));
        assertEquals("Acceptance Rate 0.90", lines.get(32));
    }

    @Test
    void terminalRedrawsTheRowAndChainLinesInPlaceWithAnsiMoves() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressTable table = new ProgressTable(ps, true, 3, 1000, 100, () -> now);
        table.start("t");
        for (int i = 0; i < 1000; i++) {
            for (int c = 0; c < 3; c++) {
                now += 1_000_000L; // 3 s in all
                table.step(c, i, false);
            }
        }
        table.finish(1.0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        String up = "\u001b[4F";
        long blocks = text.split("\u001b\\[4F", -1).length; // redraws + 1
        // the first block at the first step, one per 250 ms over 3 s, the final one: all but the first move up
        assertEquals(1 + 11 + 1, blocks);
        assertEquals(0, text.chars().filter(c -> c == '\r').count());
        String last = text.substring(text.lastIndexOf(up) + up.length());
        List<String> lines = last.lines().toList();
        assertEquals("\u001b[2Kchain 3: 1000/1000 done, 0 divergences", lines.get(3));
        assertEquals("Acceptance Rate 1.00", lines.get(4));
    }

    /** Four chains stepping at once: every printed line is whole (a row, a chain line, or the rest). */
    @Test
    void chainsOnSeveralThreadsNeverInterleaveTheirLines() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressTable table = new ProgressTable(ps, false, 4, 20_000, 5_000, System::nanoTime);
        table.start("t");
        Thread[] threads = new Thread[4];
        for (int c = 0; c < 4; c++) {
            int chain = c;
            threads[c] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    table.step(chain, i, i % 1000 == 0);
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        table.finish(0.5);
        java.util.regex.Pattern chainLine = java.util.regex.Pattern.compile(
                "chain [1-4]: \\d+/20000 (warm-up|sampling|done), \\d+ divergences?");
        java.util.regex.Pattern row = java.util.regex.Pattern.compile(
                "\\d+d:\\d\\d:\\d\\d:\\d\\d \\| .* \\| [#-]{20} \\| \\d+/80000 *\\| [0-9,.]+");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        for (String line : lines.subList(2, lines.size() - 1)) {
            assertTrue(chainLine.matcher(line).matches() || row.matcher(line).matches(), line);
        }
        assertEquals(2 + 10 * 5 + 1, lines.size());
        assertEquals("chain 4: 20000/20000 done, 20 divergences", lines.get(lines.size() - 2));
    }
}
