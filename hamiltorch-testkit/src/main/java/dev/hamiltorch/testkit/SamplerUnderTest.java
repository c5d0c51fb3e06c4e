package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.spi.Sampler;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * What {@link SamplerCheck} needs of a sampler: a chain of draws from a target. The one place where the kit
 * meets the sampler SPI, so that a change to that SPI changes the factories here and no check.
 */
@FunctionalInterface
public interface SamplerUnderTest {

    /**
     * {@code iterations} successive states of one chain on {@code target} from {@code start} (the start
     * itself not included), one row per iteration, reproducible from {@code seed}.
     */
    double[][] draws(Target target, double[] start, int iterations, long seed);

    /**
     * A sampler given as the kernel it builds for a target, stepped with the same {@code parameters} (step
     * size, inverse mass, trajectory length) at every transition and a SplittableRandom.
     */
    static SamplerUnderTest ofKernel(Function<Target, Kernel> kernelFor, StepParameters parameters) {
        return (target, start, iterations, seed) -> {
            Kernel kernel = kernelFor.apply(target);
            SplittableRandom rng = new SplittableRandom(seed);
            ChainState state = kernel.init(start);
            double[][] draws = new double[iterations][];
            for (int t = 0; t < iterations; t++) {
                state = kernel.step(rng, state, parameters).state();
                draws[t] = state.position().clone();
            }
            return draws;
        };
    }

    /**
     * A sampler plugin with the metric and integrator plugins it runs with, tuned by {@code tuning} (step
     * size, inverse mass, steps per trajectory) and configured by {@code options} (checked against the three
     * plugins as a run checks them: an option none of them declares, or a bad value, is refused), as the
     * chain runner wires them without warm-up adaptation: the metric's Hamiltonian of the target, the
     * integrator configured once, the sampler's {@link Sampler#initialParameters} at every step.
     *
     * @throws IllegalArgumentException for an option none of the plugins declares, or a bad value
     */
    static SamplerUnderTest ofPlugins(Sampler sampler, Metric metric, Integrator integrator, StepParameters tuning,
                                      java.util.Map<String, ?> options) {
        PluginOptions checked = PluginOptions.of(options, java.util.List.of(sampler, metric, integrator));
        return ofKernel(target -> {
            metric.checkSupports(target);
            Hamiltonian h = metric.hamiltonian(target, checked);
            if (h.inverseMass() != null) {
                h = h.withInverseMass(tuning.inverseMass());
            }
            integrator.checkSupports(h);
            return sampler.kernel(h, integrator.configure(checked), checked);
        }, sampler.initialParameters(tuning, checked));
    }

    /** {@link #ofPlugins(Sampler, Metric, Integrator, StepParameters, java.util.Map)} with every option at its default. */
    static SamplerUnderTest ofPlugins(Sampler sampler, Metric metric, Integrator integrator, StepParameters tuning) {
        return ofPlugins(sampler, metric, integrator, tuning, java.util.Map.of());
    }
}
