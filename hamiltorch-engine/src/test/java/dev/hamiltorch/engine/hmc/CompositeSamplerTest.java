package dev.hamiltorch.engine.hmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A composite sampler written against the api alone, as a plugin would be (the README shows it): the
 * built-in HMC step followed by a random-walk Metropolis step, with a statistic of its own.
 */
class CompositeSamplerTest {

    /** HMC, then θ' = θ + 0.5 z accepted with probability min(1, π(θ')/π(θ)). */
    static final class HmcThenRandomWalk implements Sampler {
        @Override
        public String name() {
            return "hmc-then-random-walk";
        }

        @Override
        public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
            Kernel hmc = new MetropolisKernel(hamiltonian, integrator.configure(options));
            Target target = hamiltonian.target();
            return new Kernel() {
                @Override
                public ChainState init(double[] position) {
                    return hmc.init(position);
                }

                @Override
                public List<String> statisticNames() {
                    return List.of("walk_accepted");
                }

                @Override
                public Transition step(RandomGenerator rng, ChainState state, StepParameters parameters) {
                    Transition t = hmc.step(rng, state, parameters);
                    ChainState s = t.state();
                    double[] proposal = s.position().clone();
                    for (int i = 0; i < proposal.length; i++) {
                        proposal[i] += 0.5 * rng.nextGaussian();
                    }
                    double[] gradient = new double[proposal.length];
                    double lp = target.logDensityAndGradient(proposal, gradient);
                    boolean moved = rng.nextDouble() < Math.exp(lp - s.logDensity()); // NaN and −∞ never move
                    TransitionInfo i = t.info();
                    return new Transition(moved ? new ChainState(proposal, lp, gradient) : s,
                            new TransitionInfo(i.acceptanceProbability(), i.accepted(), i.divergent(), i.energy(),
                                    i.proposalEnergy(), i.steps(), i.gradientEvaluations() + 1, i.event(),
                                    new double[] {moved ? 1 : 0}));
                }
            };
        }
    }

    @Test
    void theCompositeSamplerRecoversTheGaussianAndReportsItsOwnStatistic() {
        Samples s = Hamiltorch.sample(x -> Normal.of(Tensor.of(1, -1), Tensor.of(1, 2)).logProb(x).sum())
                .sampler(new HmcThenRandomWalk()).paramsInit(0, 0).numSamples(4000).burn(200).stepSize(0.4)
                .numStepsPerSample(4).seed(12).verbose(false).run();
        double[] mean = {1, -1};
        double[] sd = {1, 2};
        for (int i = 0; i < 2; i++) {
            double[] x = s.parameter(i);
            ParameterDiagnostics d = s.diagnostics(i);
            double m = java.util.Arrays.stream(x).average().orElseThrow();
            double v = java.util.Arrays.stream(x).map(a -> (a - m) * (a - m)).sum() / (x.length - 1);
            assertTrue(Math.abs(m - mean[i]) < 4.5 * d.mcseMean(), "mean " + m + " MCSE " + d.mcseMean());
            assertTrue(Math.abs(Math.sqrt(v) - sd[i]) < 4.5 * d.mcseSd(), "sd " + Math.sqrt(v) + " MCSE " + d.mcseSd());
        }
        assertEquals("hmc-then-random-walk", s.provenance().sampler());
        double[] walked = s.chain(0).statistic("walk_accepted");
        double rate = java.util.Arrays.stream(walked).average().orElseThrow();
        assertTrue(rate > 0.2 && rate < 0.95, "random-walk acceptance " + rate);
        // each iteration: the HMC trajectory's 4 gradients and the walk's 1, plus the start's
        assertEquals(1 + 4000 * 5, s.gradientEvaluations());
    }
}
