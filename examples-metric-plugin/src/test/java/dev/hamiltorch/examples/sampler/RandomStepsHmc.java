package dev.hamiltorch.examples.sampler;

import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;
import java.util.List;
import java.util.random.RandomGenerator;

/** The sampler of docs/write-a-sampler.md. */
// tag::sampler[]
/** HMC whose trajectory length is drawn per iteration: L′ ~ U{1, …, L}, then the built-in HMC step with L′ steps. */
public final class RandomStepsHmc implements Sampler {

    @Override public String name() { return "hmc-random-steps"; }

    @Override
    public Kernel kernel(Hamiltonian h, Integrator integrator, SamplerSettings s) {
        Integrator configured = integrator.configure(s);
        return new Kernel() {
            @Override public ChainState init(double[] position) {
                return new MetropolisKernel(h, configured, s.stepSize(), 1).init(position);
            }

            @Override public List<String> statisticNames() { return List.of("steps_drawn"); }

            @Override public Transition step(RandomGenerator rng, ChainState state) {
                int steps = 1 + rng.nextInt(s.numStepsPerSample()); // drawn before, and apart from, the trajectory
                Transition t = new MetropolisKernel(h, configured, s.stepSize(), steps).step(rng, state);
                TransitionInfo i = t.info();
                return new Transition(t.state(), new TransitionInfo(i.acceptanceProbability(), i.accepted(),
                        i.divergent(), i.energy(), i.proposalEnergy(), i.steps(), i.gradientEvaluations(), i.event(),
                        new double[] {steps}));
            }
        };
    }
}
// end::sampler[]
