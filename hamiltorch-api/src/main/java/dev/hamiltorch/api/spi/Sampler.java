package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Kernel;

/**
 * A Markov transition built from a Hamiltonian and an integrator: HMC, NUTS, RMHMC, …
 */
public interface Sampler extends Named {

    /** Fixed-length HMC with a Metropolis correction. */
    String HMC = "hmc";
    /** The No-U-Turn sampler. */
    String NUTS = "nuts";
    /** Riemannian-manifold HMC. */
    String RMHMC = "rmhmc";

    /** The transition kernel for this configuration. */
    Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, SamplerSettings settings);

    /** The metric used when the user names none. */
    default String defaultMetric() {
        return Metric.EUCLIDEAN;
    }

    /** The integrator used when the user names none. */
    default String defaultIntegrator() {
        return Integrator.LEAPFROG;
    }
}
