package dev.hamiltorch.engine;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.engine.plugin.PluginRegistry;
import java.util.Objects;

/**
 * The entry point, in hamiltorch's vocabulary:
 * <pre>{@code
 * LogDensity logProb = x -> Normal.of(Tensor.of(1, 2, 3), Tensor.of(.5, .5, .5)).logProb(x).sum();
 * Samples s = Hamiltorch.sample(logProb).paramsInit(Tensor.zeros(3)).numSamples(400)
 *         .stepSize(0.3).numStepsPerSample(5).seed(123).run();
 * }</pre>
 */
public final class Hamiltorch {

    private Hamiltorch() {
    }

    /** Starts configuring a run on a log density written with tensors (hamiltorch's {@code sample}). */
    public static SampleBuilder sample(LogDensity logProb) {
        return new SampleBuilder(Objects.requireNonNull(logProb, "logProb"), null);
    }

    /**
     * Starts configuring a run on a target with its own derivatives (hamiltorch's {@code pass_grad}).
     */
    public static SampleBuilder sample(Target target) {
        return new SampleBuilder(null, Objects.requireNonNull(target, "target"));
    }

    /** The plugins found on the class and module path, discovered once. */
    public static PluginRegistry plugins() {
        return Plugins.REGISTRY;
    }

    /** Lazy holder: discovery runs on first use. */
    private static final class Plugins {
        static final PluginRegistry REGISTRY = PluginRegistry.discover();
    }
}
