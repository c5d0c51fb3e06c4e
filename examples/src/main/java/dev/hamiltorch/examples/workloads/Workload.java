package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.List;
import java.util.Map;

/** A target the runner can sample, with the defaults of the hamiltorch introduction. */
public interface Workload {

    /** The name on the command line. */
    String name();

    /** The log density. */
    LogDensity logDensity();

    /**
     * A target with hand-written derivatives that the runner samples instead of differentiating
     * {@link #logDensity()}, or null (the default) to use the engine's autodiff.
     */
    default Target target() {
        return null;
    }

    /**
     * The log density as a list of terms whose sum it is (the shards of split HMC), which the runner
     * samples with {@link dev.hamiltorch.engine.Hamiltorch#sampleSplit} instead of {@link #logDensity()};
     * or null (the default) for a workload that is one density, which the split integrators cannot
     * sample.
     */
    default List<LogDensity> terms() {
        return null;
    }

    /** Number of parameters. */
    int dimension();

    /** Where chains start. */
    double[] initialPosition();

    /** Names of the parameters, e.g. {@code theta[0]}. */
    default String parameterName(int i) {
        return "theta[" + i + "]";
    }

    /** The settings the hamiltorch introduction uses for this target, as CLI option defaults. */
    Map<String, String> defaults();

    /** Workload-specific quality numbers for the JSON {@code quality} block. */
    default Map<String, Object> quality(Samples samples) {
        return Map.of();
    }
}
