package dev.hamiltorch.engine;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.engine.autodiff.AutodiffSplitTarget;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.sampling.SamplingException;
import java.util.List;

/**
 * Configures and runs sampling of a log density; created by {@link Hamiltorch#sample} or
 * {@link Hamiltorch#sampleSplit}. Its options, with hamiltorch's defaults, are those of {@link SamplingOptions}.
 */
public final class SampleBuilder extends SamplingOptions<SampleBuilder> {

    private final LogDensity logDensity;
    private final Target target;
    /** The terms of a split log density ({@link Hamiltorch#sampleSplit}), or null. */
    private final List<LogDensity> terms;

    SampleBuilder(LogDensity logDensity, Target target, List<LogDensity> terms) {
        this.logDensity = logDensity;
        this.target = target;
        this.terms = terms;
    }

    /**
     * Checks every argument, then samples.
     *
     * @throws IllegalArgumentException naming the first bad argument and its value
     * @throws SamplingException if user code throws: the log density at {@code paramsInit}, before any
     *         draw ({@link SamplingException#atParamsInit}), or mid-run, with the iteration number and the
     *         draws made so far
     */
    public Samples run() {
        if (noInitialValues() && target != null) {
            // a target knows its dimension: start as Stan does by default
            randomInit(target.dimension());
        }
        int dimension = Math.max(initialDimension(), 1);
        Target t = target != null ? target
                : terms != null ? new AutodiffSplitTarget(terms, dimension, replay())
                : new AutodiffTarget(logDensity, dimension, replay());
        return sample(t, List.of());
    }
}
