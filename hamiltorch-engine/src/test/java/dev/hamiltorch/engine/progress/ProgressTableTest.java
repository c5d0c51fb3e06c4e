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
}
