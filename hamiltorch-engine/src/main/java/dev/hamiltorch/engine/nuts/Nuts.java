package dev.hamiltorch.engine.nuts;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;

/**
 * The No-U-Turn sampler ({@link Sampler#NUTS}): multinomial trajectory sampling with the generalized
 * U-turn criterion (see {@link NoUTurnTrajectory}), with step size {@link SamplerSettings#stepSize()}
 * and at most {@value #MAX_TREE_DEPTH} doublings per transition (option {@code maxTreeDepth}, default
 * {@value NoUTurnTrajectory#DEFAULT_MAX_TREE_DEPTH}). {@link SamplerSettings#numStepsPerSample()} plays no
 * part: the trajectory's length is chosen per transition. Default metric {@code euclidean}, default
 * integrator {@code leapfrog}, like {@code hmc}.
 */
@AutoService(Sampler.class)
public final class Nuts implements Sampler {

    /** The key of the maximum tree depth in {@link SamplerSettings#options()}. */
    public static final String MAX_TREE_DEPTH = "maxTreeDepth";

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public Nuts() {
    }

    @Override
    public String name() {
        return NUTS;
    }

    /**
     * @throws IllegalArgumentException naming {@code maxTreeDepth} when the option is not an integer in
     *         [1, {@value NoUTurnTrajectory#LARGEST_MAX_TREE_DEPTH}]
     */
    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, SamplerSettings settings) {
        return new NutsKernel(hamiltonian, integrator.configure(settings), settings.stepSize(),
                maxTreeDepth(settings));
    }

    /**
     * The maximum tree depth the settings ask for: option {@value #MAX_TREE_DEPTH}, or
     * {@value NoUTurnTrajectory#DEFAULT_MAX_TREE_DEPTH}.
     *
     * @throws IllegalArgumentException naming the option when it is not an integer in range
     */
    public static int maxTreeDepth(SamplerSettings settings) {
        String value = settings.options().get(MAX_TREE_DEPTH);
        if (value == null) {
            return NoUTurnTrajectory.DEFAULT_MAX_TREE_DEPTH;
        }
        int depth;
        try {
            depth = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_TREE_DEPTH + " = '" + value + "': must be an integer in [1, "
                    + NoUTurnTrajectory.LARGEST_MAX_TREE_DEPTH + "]", e);
        }
        NoUTurnTrajectory.checkMaxTreeDepth(depth);
        return depth;
    }
}
