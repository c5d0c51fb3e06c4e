package dev.hamiltorch.metrics.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Metric;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A jacobian-diag run without jitter whose trajectories fail is told to set jitter; others are not. */
class DiagonalFisherAdviceTest {

    private static Map<Event, Long> nonSpd(long count) {
        Map<Event, Long> events = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            events.put(e, 0L);
        }
        events.put(Event.NON_SPD_METRIC, count);
        return events;
    }

    @Test
    void everyTrajectoryRejectedWithoutJitterNamesJitter() {
        assertEquals(List.of("100 % of the iterations failed their trajectory with the jacobian-diag metric without"
                        + " jitter: diag(g∘g) is singular wherever a component of the gradient g is 0, as at every"
                        + " mode; set jitter, for example to 1"),
                new DiagonalFisherMetric().warnings(PluginOptions.defaults(), StepParameters.DEFAULTS, nonSpd(200), 200));
    }

    @Test
    void withJitterOrFewFailuresThereIsNoAdvice() {
        DiagonalFisherMetric metric = new DiagonalFisherMetric();
        assertEquals(List.of(), metric.warnings(PluginOptions.of(Jitter.SCALE, 1.0), StepParameters.DEFAULTS, nonSpd(200), 200));
        assertEquals(List.of(), metric.warnings(PluginOptions.defaults(), StepParameters.DEFAULTS, nonSpd(49), 200));
        assertEquals(1, metric.warnings(PluginOptions.defaults(), StepParameters.DEFAULTS, nonSpd(50), 200).size());
        Metric hessian = new HessianMetric();
        assertEquals(List.of(), hessian.warnings(PluginOptions.defaults(), StepParameters.DEFAULTS, nonSpd(200), 200),
                "the Hessian metric gives no advice");
    }
}
