package dev.hamiltorch.engine.nuts;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.adaptation.MetricAdaptation;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.Sampler;
import java.util.List;

/**
 * The No-U-Turn sampler ({@link Sampler#NUTS}): multinomial trajectory sampling with the generalized
 * U-turn criterion (see {@link NoUTurnTrajectory}), with the step size, inverse mass and largest tree
 * depth of each step's {@link StepParameters} (the depth from option {@code maxTreeDepth}, default
 * {@value NoUTurnTrajectory#DEFAULT_MAX_TREE_DEPTH}). During burn-in it adapts its step size and a
 * diagonal inverse mass by default (Stan's warm-up; docs/adaptation.md), starting from
 * the user's {@code stepSize} and {@code invMass} ({@link StepParameters}).
 * {@code numStepsPerSample} plays no part: the trajectory's length is chosen per transition. Default metric {@code euclidean}, default
 * integrator {@code leapfrog}, like {@code hmc}.
 */
@AutoService(Sampler.class)
public final class Nuts implements Sampler {

    /** The name of the maximum tree depth option. */
    public static final String MAX_TREE_DEPTH = "maxTreeDepth";

    /** The maximum tree depth, a typed option: an integer in [1, 30], default 10. */
    public static final PluginOption<Integer> MAX_TREE_DEPTH_OPTION = PluginOption.ofInt(MAX_TREE_DEPTH,
            NoUTurnTrajectory.DEFAULT_MAX_TREE_DEPTH,
            "must be an integer in [1, " + NoUTurnTrajectory.LARGEST_MAX_TREE_DEPTH + "]",
            d -> d >= 1 && d <= NoUTurnTrajectory.LARGEST_MAX_TREE_DEPTH);

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public Nuts() {
    }

    @Override
    public String name() {
        return NUTS;
    }

    @Override
    public List<PluginOption<?>> options() {
        return List.of(MAX_TREE_DEPTH_OPTION);
    }

    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
        return new NutsKernel(hamiltonian, integrator.configure(options));
    }

    /**
     * The user's step size and inverse mass with the tree depth of option {@value #MAX_TREE_DEPTH}.
     */
    @Override
    public StepParameters initialParameters(StepParameters given, PluginOptions options) {
        return given.withMaxTreeDepth(options.get(MAX_TREE_DEPTH_OPTION));
    }

    /** NUTS adapts its step size during warm-up, as Stan does. */
    @Override
    public boolean adaptsStepSizeByDefault() {
        return true;
    }

    /** NUTS adapts a diagonal inverse mass during warm-up, as Stan does (where the metric has one). */
    @Override
    public MetricAdaptation defaultMetricAdaptation() {
        return MetricAdaptation.DIAG;
    }

}
