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

    /**
     * Set once by {@link #plugins()}; not a class initialiser, whose failure would make every later
     * use of this class throw {@link NoClassDefFoundError}.
     */
    private static volatile PluginRegistry defaultPlugins;

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

    /**
     * The plugins found on the class and module path (see {@link PluginRegistry#discover()}), discovered
     * on first use and kept. Runs that name no registry of their own
     * ({@link SampleBuilder#plugins(PluginRegistry)}) select plugins here. A broken or conflicting
     * provider makes only its own name fail when selected; should discovery itself fail, nothing is
     * kept and each call tries again, reporting the failure.
     */
    public static PluginRegistry plugins() {
        PluginRegistry registry = defaultPlugins;
        if (registry == null) {
            synchronized (Hamiltorch.class) {
                registry = defaultPlugins;
                if (registry == null) {
                    registry = PluginRegistry.discover();
                    defaultPlugins = registry;
                }
            }
        }
        return registry;
    }
}
