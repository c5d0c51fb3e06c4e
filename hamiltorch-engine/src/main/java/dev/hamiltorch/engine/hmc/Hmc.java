package dev.hamiltorch.engine.hmc;

import dev.hamiltorch.api.kernel.MetropolisKernel;
import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;

/**
 * Fixed-length Hamiltonian Monte Carlo with a Metropolis correction (hamiltorch's {@code HMC}).
 * One transition draws p ~ N(0, M(θ)), integrates {@link StepParameters#numSteps()} steps
 * of size {@link StepParameters#stepSize()} (from {@link SamplerSettings#numStepsPerSample()} and
 * {@link SamplerSettings#stepSize()} unless warm-up adapts them) and accepts the end point with
 * probability min(1, exp(H₀ − H₁)). It adapts nothing by default, as hamiltorch's {@code HMC}; a run
 * that asks for adaptation gets it ({@link HmcAdaptStep} adapts the step size by default).
 *
 * <p>A proposal whose trajectory failed, or whose H₀ or H₁ is NaN or infinite, is rejected with
 * acceptance probability 0 and {@link Event#INVALID_LOG_PROB} (or the integrator's failure); a NaN is
 * never accepted. When H₁ − H₀ exceeds {@value #DIVERGENCE_THRESHOLD} the transition is flagged
 * {@link Event#DIVERGENT} (and is, in effect, rejected).
 */
@AutoService(Sampler.class)
public final class Hmc implements Sampler {

    /** Energy error H₁ − H₀ above which a trajectory counts as divergent (Stan's value). */
    public static final double DIVERGENCE_THRESHOLD = MetropolisKernel.DIVERGENCE_THRESHOLD;

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public Hmc() {
    }

    @Override
    public String name() {
        return HMC;
    }

    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, SamplerSettings settings) {
        return new MetropolisKernel(hamiltonian, integrator.configure(settings));
    }
}
