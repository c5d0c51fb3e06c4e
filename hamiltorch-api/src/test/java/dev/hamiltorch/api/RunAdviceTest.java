package dev.hamiltorch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.spi.RunAdvice;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plugins advise nothing by default, and the failed share counts every event but divergence. */
class RunAdviceTest {

    static Map<Event, Long> events(Object... eventsAndCounts) {
        Map<Event, Long> events = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            events.put(e, 0L);
        }
        for (int i = 0; i < eventsAndCounts.length; i += 2) {
            events.put((Event) eventsAndCounts[i], ((Number) eventsAndCounts[i + 1]).longValue());
        }
        return events;
    }

    @Test
    void theDefaultAdvisesNothing() {
        RunAdvice quiet = new RunAdvice() {
        };
        assertEquals(List.of(), quiet.warnings(PluginOptions.defaults(), StepParameters.DEFAULTS,
                events(Event.NON_SPD_METRIC, 10), 10));
    }

    @Test
    void theFailedShareCountsEveryFailureButNotDivergences() {
        Map<Event, Long> events = events(Event.INVALID_LOG_PROB, 1, Event.NON_SPD_METRIC, 2,
                Event.FIXED_POINT_NOT_CONVERGED, 3, Event.NOT_REVERSIBLE, 4, Event.DIVERGENT, 50);
        assertEquals(0.1, RunAdvice.failedShare(events, 100));
        assertEquals(0.0, RunAdvice.failedShare(events(), 0), "no iteration, nothing failed");
    }
}
