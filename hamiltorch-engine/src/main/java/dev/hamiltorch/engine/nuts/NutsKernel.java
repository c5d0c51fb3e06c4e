package dev.hamiltorch.engine.nuts;

import dev.hamiltorch.api.GuardedTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.MassedHamiltonian;
import dev.hamiltorch.api.kernel.MetropolisKernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TrajectoryStart;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The No-U-Turn transition as a {@link Kernel}: draws p ~ N(0, M(θ)) and moves to the state
 * {@link NoUTurnTrajectory#sample} draws from the trajectory it builds. Works with any Hamiltonian the
 * integrator can integrate (every Euclidean metric with the leapfrog; a third-party metric unchanged),
 * since it touches the metric only through {@link Hamiltonian#energy}, {@link Hamiltonian#velocity} and
 * {@link Hamiltonian#sampleMomentum}.
 *
 * <p>Per transition it reports, besides the common columns ({@code accept_stat} as Stan's mean over the
 * tree, {@code divergent}, {@code energy} as H at the draw, {@code n_steps} as Stan's
 * {@code n_leapfrog}), its own statistic {@value #TREE_DEPTH}. {@link TransitionInfo#accepted()} says
 * whether the chain moved. A divergent step is counted and flagged ({@link Event#DIVERGENT}, or the
 * integrator's reason when the step could not be taken at all), never fatal. Holds no mutable state.
 */
public final class NutsKernel implements Kernel {

    /** The name of the tree-depth statistic (Stan's {@code treedepth__}). */
    public static final String TREE_DEPTH = "treedepth";

    private static final List<String> STATISTICS = List.of(TREE_DEPTH);

    private final MassedHamiltonian hamiltonians;
    private final Integrator integrator;
    private final GuardedTarget guard;
    /** HMC's kernel on the same Hamiltonian: the chain's start is checked and evaluated as HMC does it. */
    private final Kernel start;

    /**
     * The kernel on {@code hamiltonian} with {@code integrator} (configured for the run already); each
     * step takes its step size, inverse mass and largest tree depth from its {@link StepParameters}.
     */
    public NutsKernel(Hamiltonian hamiltonian, Integrator integrator) {
        this.hamiltonians = new MassedHamiltonian(hamiltonian);
        this.integrator = integrator;
        this.guard = hamiltonian.target() instanceof GuardedTarget g ? g : null;
        this.start = new MetropolisKernel(hamiltonian, integrator);
    }

    /** @throws IllegalArgumentException as {@link MetropolisKernel#init} */
    @Override
    public ChainState init(double[] position) {
        return start.init(position);
    }

    @Override
    public Transition step(RandomGenerator rng, ChainState state, StepParameters parameters) {
        TrajectoryStart begin = TrajectoryStart.draw(rng, state, hamiltonians, integrator, parameters, guard);
        PhasePoint origin = begin.origin();
        double h0 = begin.energy();
        if (!Double.isFinite(h0)) {
            // a metric whose kinetic energy is not finite here: no trajectory can start
            return new Transition(state, new TransitionInfo(0.0, false, false, h0, Double.NaN, 0, 0,
                    Event.INVALID_LOG_PROB, new double[] {0}));
        }
        NoUTurnTrajectory.Result r = NoUTurnTrajectory.sample(begin.hamiltonian(), begin.integrator(),
                parameters.stepSize(), origin, rng, parameters.maxTreeDepth());
        PhasePoint drawn = r.sample();
        boolean moved = drawn != origin;
        ChainState next = moved ? new ChainState(drawn.position(), drawn.logDensity(), drawn.gradient()) : state;
        Event event = r.failure() != null ? r.failure() : r.divergent() ? Event.DIVERGENT : null;
        TransitionInfo info = new TransitionInfo(r.acceptStat(), moved, r.divergent(), r.startEnergy(),
                r.sampleEnergy(), r.steps(), r.gradientEvaluations(), event, new double[] {r.treeDepth()});
        return new Transition(next, info);
    }

    @Override
    public List<String> statisticNames() {
        return STATISTICS;
    }
}
