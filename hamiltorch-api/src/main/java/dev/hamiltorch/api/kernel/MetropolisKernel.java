package dev.hamiltorch.api.kernel;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.GuardedTarget;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;
import java.util.random.RandomGenerator;

/**
 * The Metropolis-corrected HMC step of the built-in samplers {@code hmc} and {@code rmhmc}, public so
 * that a plugin may compose it (e.g. an HMC step followed by a step of its own): a pure step that draws
 * the trajectory's Hamiltonian (jitter) and integrator (term order) once, then p ~ N(0, M(θ)),
 * integrates and accepts with probability min(1, exp(H₀ − H₁)). Holds no mutable state, so one kernel
 * may serve one chain after another.
 */
public final class MetropolisKernel implements Kernel {

    /** Energy error H₁ − H₀ above which a trajectory counts as divergent (Stan's value). */
    public static final double DIVERGENCE_THRESHOLD = 1000;

    private final MassedHamiltonian hamiltonians;
    private final Integrator integrator;
    /** The relative half-width of the uniform draw of each trajectory's step size; 0 for none. */
    private final double jitter;
    /** The chain's target when it reports points where the density is undefined (the chain runner's). */
    private final GuardedTarget guard;

    /**
     * The HMC step on {@code hamiltonian} with {@code integrator} (configured for the run): the built-in
     * HMC and RMHMC samplers' kernel, for plugins to compose. Each step integrates
     * {@link StepParameters#numSteps()} steps of size {@link StepParameters#stepSize()} with the
     * Hamiltonian re-massed to {@link StepParameters#inverseMass()} (ignored by a Riemannian metric).
     */
    public MetropolisKernel(Hamiltonian hamiltonian, Integrator integrator) {
        this(hamiltonian, integrator, 0);
    }

    /**
     * The HMC step with the step size of each trajectory drawn uniformly from ε(1 ± {@code stepSizeJitter})
     * (Neal 2011, section 5.4.2.2; Stan's {@code stepsize_jitter}), which breaks the periodic trajectories a
     * fixed εL can fall into on near-Gaussian targets (most of all once warm-up has whitened them). With
     * jitter 0 nothing is drawn, and the chain is that of the two-argument constructor.
     *
     * @throws IllegalArgumentException if {@code stepSizeJitter} is not in [0, 1)
     */
    public MetropolisKernel(Hamiltonian hamiltonian, Integrator integrator, double stepSizeJitter) {
        if (!(stepSizeJitter >= 0 && stepSizeJitter < 1)) {
            throw new IllegalArgumentException("stepSizeJitter = " + stepSizeJitter + ": must be in [0, 1)");
        }
        this.hamiltonians = new MassedHamiltonian(hamiltonian);
        this.guard = hamiltonian.target() instanceof GuardedTarget g ? g : null;
        this.integrator = integrator;
        this.jitter = stepSizeJitter;
    }

    /**
     * @throws IllegalArgumentException if {@code position} has the wrong length, or the log density or
     *         its gradient there is not finite (no chain can leave such a point)
     */
    @Override
    public ChainState init(double[] position) {
        Target target = hamiltonians.base().target();
        int d = target.dimension();
        if (position.length != d) {
            throw new IllegalArgumentException("initial position has length " + position.length
                    + " but the target has dimension " + d);
        }
        double[] theta = position.clone();
        double[] gradient = new double[d];
        double logDensity = target.logDensityAndGradient(theta, gradient);
        DomainException undefined = target instanceof GuardedTarget g ? g.takeFailure() : null;
        if (undefined != null) {
            throw new IllegalArgumentException("the log density is undefined at the initial position ("
                    + undefined.getMessage() + "); start inside its domain", undefined);
        }
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
    public Transition step(RandomGenerator rng, ChainState state, StepParameters parameters) {
        double stepSize = jitter == 0 ? parameters.stepSize()
                : parameters.stepSize() * (1 + jitter * (2 * rng.nextDouble() - 1));
        TrajectoryStart drawn = TrajectoryStart.draw(rng, state, hamiltonians, this.integrator, parameters, guard);
        Hamiltonian hamiltonian = drawn.hamiltonian();
        Integrator integrator = drawn.integrator();
        PhasePoint start = drawn.origin();
        double h0 = drawn.energy();

        IntegrationResult result = integrator.integrate(hamiltonian, start, stepSize,
                parameters.numSteps());
        Event failure = result.failure();
        if (failure != null) {
            return reject(state, h0, Double.NaN, result, failure);
        }
        PhasePoint end = result.end();
        double h1 = hamiltonian.energy(end);
        if (!Double.isFinite(h0) || !Double.isFinite(h1)) {
            // −∞ would otherwise give exp(+∞) = an always-accepted proposal, NaN a coin toss
            return reject(state, h0, h1, result, Event.INVALID_LOG_PROB);
        }
        if (guard != null && guard.takeFailure() != null) {
            // an undefined point met on the way, which the integrator stepped past (a Riemannian metric's
            // fixed-point iterate): the trajectory is not a valid one
            return rejection(state, h0, h1, result, Event.DOMAIN_ERROR);
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

    /** A rejection for {@code event}, or for a point where the density was undefined if the guard saw one. */
    private Transition reject(ChainState state, double h0, double h1, IntegrationResult result, Event event) {
        if (guard != null && guard.takeFailure() != null) {
            event = Event.DOMAIN_ERROR;
        }
        return rejection(state, h0, h1, result, event);
    }

    private static Transition rejection(ChainState state, double h0, double h1, IntegrationResult result,
                                        Event event) {
        return new Transition(state, new TransitionInfo(0.0, false, false, h0, h1, result.steps(),
                result.gradientEvaluations(), event));
    }
}
