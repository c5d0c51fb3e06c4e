package dev.hamiltorch.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
