package dev.hamiltorch.metrics.softabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.kernel.Event;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run with many failed trajectories at a large α is told to lower softabsConst. */
class SoftAbsAdviceTest {

    private static final SoftAbsMetric METRIC = new SoftAbsMetric();

    private static Map<Event, Long> failures(long fixedPoints, long notReversible, long divergent) {
        Map<Event, Long> events = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            events.put(e, 0L);
        }
        events.put(Event.FIXED_POINT_NOT_CONVERGED, fixedPoints);
        events.put(Event.NOT_REVERSIBLE, notReversible);
        events.put(Event.DIVERGENT, divergent);
        return events;
    }

    @Test
    void aQuarterFailedAtTheDefaultAlphaNamesSoftabsConst() {
        PluginOptions defaults = PluginOptions.defaults();
        assertEquals(List.of("33 % of the iterations failed their trajectory with the softabs metric at softabsConst"
                        + " (α) = 1000000.0: a large α makes the metric nearly singular where the Hessian has an"
                        + " eigenvalue near 0; set softabsConst to a smaller value such as 1"),
                METRIC.warnings(defaults, StepParameters.DEFAULTS, failures(320, 10, 0), 1000));
        assertEquals(1, METRIC.warnings(defaults, StepParameters.DEFAULTS, failures(240, 10, 0), 1000).size(), "25 % is many");
    }

    @Test
    void fewFailuresDivergencesOrASmallAlphaGetNoAdvice() {
        PluginOptions defaults = PluginOptions.defaults();
        assertEquals(List.of(), METRIC.warnings(defaults, StepParameters.DEFAULTS, failures(240, 9, 0), 1000), "24.9 %");
        assertEquals(List.of(), METRIC.warnings(defaults, StepParameters.DEFAULTS, failures(0, 0, 500), 1000), "divergences end their trajectory");
        PluginOptions small = PluginOptions.of(SoftAbsMetric.SOFTABS_CONST, 1.0);
        assertEquals(List.of(), METRIC.warnings(small, StepParameters.DEFAULTS, failures(500, 0, 0), 1000), "α = 1 is not the cause");
    }
}
