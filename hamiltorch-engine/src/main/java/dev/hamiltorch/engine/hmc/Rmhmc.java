package dev.hamiltorch.engine.hmc;

import dev.hamiltorch.api.kernel.MetropolisKernel;
import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;

/**
 * Riemannian-manifold HMC (Girolami &amp; Calderhead 2011; hamiltorch's {@code RMHMC}): the Metropolis
 * step of {@link Hmc} on a position-dependent metric, by default the Hessian metric with the implicit
 * generalized leapfrog, as hamiltorch chooses.
 */
@AutoService(Sampler.class)
public final class Rmhmc implements Sampler {

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public Rmhmc() {
    }

    @Override
    public String name() {
        return RMHMC;
    }

    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
        return new MetropolisKernel(hamiltonian, integrator.configure(options));
    }

    @Override
    public String defaultMetric() {
        return Metric.HESSIAN;
    }

    @Override
    public String defaultIntegrator() {
        return Integrator.IMPLICIT;
    }
}
