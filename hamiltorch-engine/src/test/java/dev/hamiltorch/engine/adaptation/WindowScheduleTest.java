package dev.hamiltorch.engine.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.engine.adaptation.WindowSchedule.Window;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stan's warm-up windows, exactly: initial buffer, slow windows, terminal buffer (inclusive ranges). */
class WindowScheduleTest {

    private static List<List<Integer>> ranges(int warmup) {
        List<List<Integer>> r = new ArrayList<>();
        for (Window w : WindowSchedule.of(warmup)) {
            r.add(List.of(w.start(), w.end()));
        }
        return r;
    }

    @Test
    void theIssuesSchedules() {
        assertEquals(List.of(List.of(0, 17)), ranges(18));
        assertEquals(List.of(List.of(0, 6), List.of(7, 44), List.of(45, 49)), ranges(50));
        assertEquals(List.of(List.of(0, 14), List.of(15, 89), List.of(90, 99)), ranges(100));
        assertEquals(List.of(List.of(0, 74), List.of(75, 99), List.of(100, 149)), ranges(150));
        assertEquals(List.of(List.of(0, 74), List.of(75, 99), List.of(100, 149), List.of(150, 199)), ranges(200));
        assertEquals(List.of(List.of(0, 74), List.of(75, 99), List.of(100, 229), List.of(230, 279)), ranges(280));
    }

    @Test
    void stansThousandIterationWarmUp() {
        assertEquals(List.of(List.of(0, 74), List.of(75, 99), List.of(100, 149), List.of(150, 249),
                List.of(250, 449), List.of(450, 949), List.of(950, 999)), ranges(1000));
    }

    @Test
    void buffersAreFastAndWindowsBetweenThemSlow() {
        for (int warmup : new int[] {20, 50, 149, 150, 151, 300, 1000, 5000}) {
            List<Window> w = WindowSchedule.of(warmup);
            assertFalse(w.get(0).slow());
            assertFalse(w.get(w.size() - 1).slow());
            int next = 0;
            for (int k = 0; k < w.size(); k++) {
                assertEquals(next, w.get(k).start(), "windows tile the warm-up of " + warmup);
                next = w.get(k).end() + 1;
                if (k > 0 && k < w.size() - 1) {
                    assertTrue(w.get(k).slow());
                }
            }
            assertEquals(warmup, next);
        }
    }

    @Test
    void noWarmUpNoWindowsAndShortOnesAreOneFastWindow() {
        assertEquals(List.of(), WindowSchedule.of(0));
        assertEquals(List.of(new Window(0, 0, false)), WindowSchedule.of(1));
        assertEquals(List.of(new Window(0, 18, false)), WindowSchedule.of(19));
        assertThrows(IllegalArgumentException.class, () -> WindowSchedule.of(-1));
    }
}
