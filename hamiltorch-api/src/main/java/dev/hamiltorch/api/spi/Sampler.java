package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.adaptation.MetricAdaptation;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;

/**
 * A Markov transition built from a Hamiltonian and an integrator: HMC, NUTS, RMHMC, … The kernel is
 * built once per chain; its tuning ({@link StepParameters}: step size, inverse mass, trajectory length)
 * comes with every step, so the engine's warm-up adapts any sampler's step size and mass matrix
 * without the sampler writing any adaptation. A sampler only says whether it wants that by default.
 */
public interface Sampler extends Named {

    /** Fixed-length HMC with a Metropolis correction. */
    String HMC = "hmc";
    /**
     * Fixed-length HMC whose step size is adapted by dual averaging during burn-in: what hamiltorch
     * calls {@code HMC_NUTS}, under an honest name.
     */
    String HMC_ADAPT_STEP = "hmc-adapt-step";
    /** The No-U-Turn sampler. */
    String NUTS = "nuts";
    /** Riemannian-manifold HMC. */
    String RMHMC = "rmhmc";

    /**
     * The transition kernel for this configuration, with the values of the options this sampler declares
     * ({@link #options()}); its tuning comes per step, starting from
     * {@link #initialParameters(StepParameters, PluginOptions)}; the kernel
     * {@linkplain Integrator#configure configures} {@code integrator} with the same {@code options}.
     */
    Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options);

    /**
     * The tuning of the first transition (and of every one when nothing is adapted): by default the
     * user's step size, inverse mass and steps per sample as {@code given}; a sampler whose own options
     * shape the trajectory (NUTS's {@code maxTreeDepth}) puts them in.
     */
    default StepParameters initialParameters(StepParameters given, PluginOptions options) {
        return given;
    }

    /**
     * Whether warm-up adapts the step size when the user does not say: false by default (hamiltorch's
     * {@code HMC} keeps its step size); true for NUTS and {@link #HMC_ADAPT_STEP}.
     */
    default boolean adaptsStepSizeByDefault() {
        return false;
    }

    /**
     * How warm-up adapts the mass matrix when the user does not say: {@link MetricAdaptation#NONE} by
     * default; NUTS adapts a diagonal one, as Stan does.
     */
    default MetricAdaptation defaultMetricAdaptation() {
        return MetricAdaptation.NONE;
    }

    /** The metric used when the user names none. */
    default String defaultMetric() {
        return Metric.EUCLIDEAN;
    }

    /** The integrator used when the user names none. */
    default String defaultIntegrator() {
        return Integrator.LEAPFROG;
    }
}
