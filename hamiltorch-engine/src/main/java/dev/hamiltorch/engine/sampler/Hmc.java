package dev.hamiltorch.engine.sampler;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;
import java.util.random.RandomGenerator;

/**
 * Fixed-length Hamiltonian Monte Carlo with a Metropolis correction (hamiltorch's {@code HMC}).
 * One transition draws p ~ N(0, M(θ)), integrates {@link SamplerSettings#numStepsPerSample()} steps
 * of size {@link SamplerSettings#stepSize()} and accepts the end point with probability
 * min(1, exp(H₀ − H₁)).
 *
 * <p>A proposal whose trajectory failed, or whose H₀ or H₁ is NaN or infinite, is rejected with
 * acceptance probability 0 and {@link Event#INVALID_LOG_PROB} (or the integrator's failure); a NaN is
 * never accepted. When H₁ − H₀ exceeds {@value #DIVERGENCE_THRESHOLD} the transition is flagged
 * {@link Event#DIVERGENT} (and is, in effect, rejected).
 */
@AutoService(Sampler.class)
public final class Hmc implements Sampler {

    /** Energy error H₁ − H₀ above which a trajectory counts as divergent (Stan's value). */
    public static final double DIVERGENCE_THRESHOLD = 1000;

    /** Creates the sampler (also used by {@link java.util.ServiceLoader}). */
    public Hmc() {
    }

    @Override
    public String name() {
        return HMC;
    }

    @Override
    public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, SamplerSettings settings) {
        return new HmcKernel(hamiltonian, integrator, settings.stepSize(), settings.numStepsPerSample());
    }

    /** The pure step; holds no mutable state, so one kernel may serve one chain after another. */
    private static final class HmcKernel implements Kernel {
        private final Hamiltonian hamiltonian;
        private final Integrator integrator;
        private final double stepSize;
        private final int steps;

        HmcKernel(Hamiltonian hamiltonian, Integrator integrator, double stepSize, int steps) {
            this.hamiltonian = hamiltonian;
            this.integrator = integrator;
            this.stepSize = stepSize;
            this.steps = steps;
        }

        /**
         * @throws IllegalArgumentException if {@code position} has the wrong length, or the log density or
         *         its gradient there is not finite (no chain can leave such a point)
         */
        @Override
        public ChainState init(double[] position) {
            Target target = hamiltonian.target();
            int d = target.dimension();
            if (position.length != d) {
                throw new IllegalArgumentException("initial position has length " + position.length
                        + " but the target has dimension " + d);
            }
            double[] theta = position.clone();
            double[] gradient = new double[d];
            double logDensity = target.logDensityAndGradient(theta, gradient);
            if (!Double.isFinite(logDensity)) {
                throw new IllegalArgumentException("the log density at the initial position is " + logDensity
                        + "; start where it is finite");
            }
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(gradient[i])) {
                    throw new IllegalArgumentException("gradient[" + i + "] at the initial position is "
                            + gradient[i] + "; start where it is finite");
                }
            }
            return new ChainState(theta, logDensity, gradient);
        }

        @Override
        public Transition step(RandomGenerator rng, ChainState state) {
            double[] position = state.position();
            double[] momentum = new double[position.length];
            hamiltonian.sampleMomentum(rng, position, momentum);
            PhasePoint start = new PhasePoint(position, momentum, state.logDensity(), state.gradient());
            double h0 = hamiltonian.energy(start);

            IntegrationResult result = integrator.integrate(hamiltonian, start, stepSize, steps);
            Event failure = result.failure();
            if (failure != null) {
                return reject(state, h0, Double.NaN, result, failure);
            }
            PhasePoint end = result.end();
            double h1 = hamiltonian.energy(end);
            // x − x is 0 for finite x and NaN for ±∞ or NaN (Double.isFinite costs two calls when interpreted)
            if (!(h0 - h0 == 0) || !(h1 - h1 == 0)) {
                // −∞ would otherwise give exp(+∞) = an always-accepted proposal, NaN a coin toss
                return reject(state, h0, h1, result, Event.INVALID_LOG_PROB);
            }
            double energyError = h1 - h0;
            boolean divergent = energyError > DIVERGENCE_THRESHOLD;
            double acceptance = energyError <= 0 ? 1.0 : Math.exp(-energyError);
            boolean accepted = rng.nextDouble() < acceptance;
            TransitionInfo info = new TransitionInfo(acceptance, accepted, divergent, h0, h1, result.steps(),
                    result.gradientEvaluations(), divergent ? Event.DIVERGENT : null);
            ChainState next = accepted ? new ChainState(end.position(), end.logDensity(), end.gradient()) : state;
            return new Transition(next, info);
        }

        private static Transition reject(ChainState state, double h0, double h1, IntegrationResult result,
                                         Event event) {
            return new Transition(state, new TransitionInfo(0.0, false, false, h0, h1, result.steps(),
                    result.gradientEvaluations(), event));
        }
    }
}
