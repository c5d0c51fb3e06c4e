package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Event;
import java.util.List;
import java.util.Map;

/**
 * Advice a plugin gives its user after a run, from its options, the run's tuning and what happened in it: which
 * setting to change when the plugin's defaults cannot work on the target, or what the plugin's results
 * do not show. The chain runner asks the run's integrator and metric once the chains have stopped and
 * adds their sentences to the run's warnings, which it logs once.
 */
public interface RunAdvice {

    /**
     * Sentences for the run's user, empty when the plugin has nothing to say (the default). Called once
     * per run, after sampling (also for a run that stopped early), on the plugin as found by name.
     *
     * @param options the run's plugin options (this plugin reads its own)
     * @param tuning the tuning the run started from (step size, inverse mass, trajectory length)
     * @param events every event's count over all iterations of all chains (every event present)
     * @param iterations the iterations run, over all chains
     */
    default List<String> warnings(PluginOptions options, StepParameters tuning, Map<Event, Long> events,
                                  long iterations) {
        return List.of();
    }

    /**
     * The share of failed trajectories from which a plugin whose setting is the likely cause should say
     * so: a quarter of the iterations. Fewer cost time but leave a usable chain (the SoftAbs funnel at
     * hamiltorch's settings fails 11–14 % at α = 10⁶, and α = 1 mixes its v worse there).
     */
    double MANY_FAILED = 0.25;

    /**
     * The share of the {@code iterations} whose trajectory failed and whose proposal was therefore
     * rejected: every event counted in {@code events} but {@link Event#DIVERGENT}, which flags a
     * trajectory that did end; 0 when no iteration ran.
     */
    static double failedShare(Map<Event, Long> events, long iterations) {
        long failed = 0;
        for (Map.Entry<Event, Long> e : events.entrySet()) {
            if (e.getKey() != Event.DIVERGENT) {
                failed += e.getValue();
            }
        }
        return iterations == 0 ? 0 : (double) failed / iterations;
    }
}
