package dev.hamiltorch.engine.hmc;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.Sampler;
import java.util.List;

/**
 * Fixed-length HMC whose step size is adapted by dual averaging during burn-in, then held at the
 * adapted value: the behaviour hamiltorch calls {@code HMC_NUTS} (which is not the No-U-Turn sampler),
 * under the name {@value Sampler#HMC_ADAPT_STEP}. The kernel is {@link Hmc}'s; only the default
 * adaptation differs (step size on, mass matrix off; a run may ask for a mass matrix too).
 */
@AutoService(Sampler.class)
public final class HmcAdaptStep implements Sampler {

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public HmcAdaptStep() {
    }

    @Override
    public String name() {
        return HMC_ADAPT_STEP;
    }

    /** HMC's kernel and options: only the default adaptation differs. */
    private final Hmc hmc = new Hmc();

    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
        return hmc.kernel(hamiltonian, integrator, options);
    }

    @Override
    public List<PluginOption<?>> options() {
        return hmc.options();
    }

    @Override
    public boolean adaptsStepSizeByDefault() {
        return true;
    }
}
