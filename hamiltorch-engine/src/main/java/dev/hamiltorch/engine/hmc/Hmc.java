package dev.hamiltorch.engine.hmc;

import dev.hamiltorch.api.kernel.MetropolisKernel;
import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.Sampler;
import java.util.List;

/**
 * Fixed-length Hamiltonian Monte Carlo with a Metropolis correction (hamiltorch's {@code HMC}).
 * One transition draws p ~ N(0, M(θ)), integrates {@link StepParameters#numSteps()} steps
 * of size {@link StepParameters#stepSize()} (hamiltorch's {@code numStepsPerSample} and
 * {@code stepSize} unless warm-up adapts them) and accepts the end point with
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

    /**
     * Option {@code step-size-jitter}: each trajectory's ε is drawn from ε(1 ± j), j in [0, 1); default 0
     * (hamiltorch's fixed ε). See {@link MetropolisKernel#MetropolisKernel(Hamiltonian, Integrator, double)}.
     */
    public static final PluginOption<Double> STEP_SIZE_JITTER = PluginOption.ofDouble("step-size-jitter", 0,
            "must be in [0, 1)", j -> j >= 0 && j < 1);

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public Hmc() {
    }

    @Override
    public List<PluginOption<?>> options() {
        return List.of(STEP_SIZE_JITTER);
    }

    @Override
    public String name() {
        return HMC;
    }

    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
        return new MetropolisKernel(hamiltonian, integrator.configure(options), options.get(STEP_SIZE_JITTER));
    }
}
