package dev.hamiltorch.examples.sampler;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.kernel.StepParameters;
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
    public Kernel kernel(Hamiltonian h, Integrator integrator, PluginOptions options) {
        Kernel hmc = new MetropolisKernel(h, integrator.configure(options));
        return new Kernel() {
            @Override public ChainState init(double[] position) { return hmc.init(position); }

            @Override public List<String> statisticNames() { return List.of("steps_drawn"); }

            @Override public Transition step(RandomGenerator rng, ChainState state, StepParameters p) {
                int steps = 1 + rng.nextInt(p.numSteps()); // drawn before, and apart from, the trajectory
                Transition t = hmc.step(rng, state, p.withNumSteps(steps));
                TransitionInfo i = t.info();
                return new Transition(t.state(), new TransitionInfo(i.acceptanceProbability(), i.accepted(),
                        i.divergent(), i.energy(), i.proposalEnergy(), i.steps(), i.gradientEvaluations(), i.event(),
                        new double[] {steps}));
            }
        };
    }
}
// end::sampler[]
