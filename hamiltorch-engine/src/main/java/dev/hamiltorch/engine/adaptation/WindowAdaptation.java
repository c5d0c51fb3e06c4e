package dev.hamiltorch.engine.adaptation;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.adaptation.MetricAdaptation;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.MassedHamiltonian;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.engine.adaptation.WindowSchedule.Window;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Warm-up as a wrapper around any {@link Kernel} (BlackJAX's {@code window_adaptation}, Stan's
 * windowed adaptation): it steps the kernel with the current {@link StepParameters} and proposes the next
 * ones from what the transition reports, in an immutable {@link State}. The kernel knows nothing of it.
 *
 * <ol>
 *   <li>{@link #init}: the step-size heuristic ({@link StepSizeHeuristic}) from the given ε, and dual
 *       averaging started at μ = log 10ε;</li>
 *   <li>{@link #step}: dual averaging learns ε from each transition's acceptance statistic; draws of the
 *       slow windows ({@link WindowSchedule}) feed the mass-matrix estimate; at the end of each slow
 *       window the inverse mass is replaced by the estimate, the heuristic runs again from the current ε
 *       and dual averaging restarts;</li>
 *   <li>after the last warm-up iteration the state holds the parameters to keep: the window's mass and
 *       the averaged step size ε̄.</li>
 * </ol>
 * A wrapper serves one chain at a time and holds no state of its own beyond its configuration.
 */
public final class WindowAdaptation {

    /**
     * Where warm-up stands after {@code iteration} transitions.
     *
     * @param parameters the tuning of the next transition
     * @param stepSize dual averaging's state, or null when ε is not adapted
     * @param estimate the current slow window's moments, or null when the mass is not adapted
     * @param iteration warm-up transitions made
     * @param gradientEvaluations gradients evaluated by the heuristic so far (the transitions report their own)
     */
    public record State(StepParameters parameters, DualAveraging.State stepSize, MassEstimate estimate, int iteration,
                        long gradientEvaluations) {
    }

    /**
     * One warm-up transition and the state after it.
     *
     * @param transition what the kernel did
     * @param state the warm-up's state after it
     */
    public record Step(Transition transition, State state) {
    }

    private final Kernel kernel;
    private final MassedHamiltonian hamiltonians;
    private final Integrator integrator;
    private final Adaptation adaptation;
    private final DualAveraging dualAveraging;
    private final int warmup;
    /** Per warm-up iteration: whether its draw feeds the estimate, and whether a slow window ends with it. */
    private final boolean[] slow;
    private final boolean[] windowEnd;

    /**
     * Warm-up of {@code warmup} iterations of {@code kernel}.
     *
     * @param kernel the chain's kernel
     * @param hamiltonian the chain's Hamiltonian (re-massed for the heuristic as the kernel re-masses it)
     * @param integrator the run's integrator, configured (the heuristic takes one step with it)
     * @param adaptation what to adapt, {@linkplain Adaptation#resolve resolved}
     * @param warmup the burn-in iterations
     * @throws IllegalArgumentException if the mass is to be adapted but the metric has no constant mass
     */
    public WindowAdaptation(Kernel kernel, Hamiltonian hamiltonian, Integrator integrator, Adaptation adaptation,
                            int warmup) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.hamiltonians = new MassedHamiltonian(hamiltonian);
        this.integrator = Objects.requireNonNull(integrator, "integrator");
        this.adaptation = Objects.requireNonNull(adaptation, "adaptation");
        if (adaptation.stepSize() == null || adaptation.metric() == null) {
            throw new IllegalArgumentException("adaptation " + adaptation + ": resolve the sampler's defaults first");
        }
        if (adaptation.metric() != MetricAdaptation.NONE && hamiltonian.inverseMass() == null) {
            throw new IllegalArgumentException("adaptMetric = " + adaptation.metric().key() + ": the metric's "
                    + "Hamiltonian (" + hamiltonian.getClass().getSimpleName() + ") has no constant mass matrix"
                    + " to adapt; use adaptMetric none");
        }
        this.dualAveraging = DualAveraging.withTarget(adaptation.targetAcceptance());
        this.warmup = warmup;
        slow = new boolean[warmup];
        windowEnd = new boolean[warmup];
        if (adaptation.metric() != MetricAdaptation.NONE) {
            List<Window> windows = WindowSchedule.of(warmup);
            for (Window w : windows) {
                if (w.slow()) {
                    for (int i = w.start(); i <= w.end(); i++) {
                        slow[i] = true;
                    }
                    windowEnd[w.end()] = true;
                }
            }
        }
    }

    /** The warm-up's iterations. */
    public int warmup() {
        return warmup;
    }

    /** The state before the first warm-up transition from {@code chain}, starting from {@code initial}. */
    public State init(RandomGenerator rng, ChainState chain, StepParameters initial) {
        DualAveraging.State da = null;
        StepParameters parameters = initial;
        long gradients = 0;
        if (adaptation.stepSize()) {
            StepSizeHeuristic.Result found = StepSizeHeuristic.find(hamiltonians.forMass(initial.inverseMass()),
                    integrator, chain, initial.stepSize(), rng);
            gradients = found.gradientEvaluations();
            da = dualAveraging.start(found.stepSize());
            parameters = parameters.withStepSize(found.stepSize());
        }
        MassEstimate estimate = adaptation.metric() == MetricAdaptation.NONE ? null
                : MassEstimate.empty(adaptation.metric(), chain.position().length);
        return new State(parameters, da, estimate, 0, gradients);
    }

    /**
     * One warm-up transition from {@code chain} and the state after it.
     *
     * @throws IllegalStateException if the warm-up is over
     */
    public Step step(RandomGenerator rng, ChainState chain, State state) {
        int i = state.iteration();
        if (i >= warmup) {
            throw new IllegalStateException("warm-up of " + warmup + " iterations is over");
        }
        Transition t = kernel.step(rng, chain, state.parameters());
        StepParameters parameters = state.parameters();
        DualAveraging.State da = state.stepSize();
        if (da != null) {
            da = dualAveraging.update(da, t.info().acceptanceProbability());
        }
        MassEstimate estimate = state.estimate();
        long gradients = state.gradientEvaluations();
        if (estimate != null && slow[i]) {
            estimate = estimate.add(t.state().position(), t.state().gradient());
        }
        if (estimate != null && windowEnd[i]) {
            InverseMass mass = estimate.inverseMass(parameters.inverseMass());
            parameters = parameters.withInverseMass(mass);
            estimate = MassEstimate.empty(adaptation.metric(), estimate.mean().length);
            if (da != null) {
                // the old ε suited the old metric: find a new one and average afresh (Stan's restart)
                StepSizeHeuristic.Result found = StepSizeHeuristic.find(hamiltonians.forMass(mass), integrator,
                        t.state(), bounded(da.stepSize()), rng);
                gradients += found.gradientEvaluations();
                da = dualAveraging.start(found.stepSize());
            }
        }
        if (da != null) {
            parameters = parameters.withStepSize(bounded(i == warmup - 1 ? da.averageStepSize() : da.stepSize()));
        }
        return new Step(t, new State(parameters, da, estimate, i + 1, gradients));
    }

    /** ε kept inside the heuristic's range, so an extreme dual-averaging iterate never breaks a step. */
    private static double bounded(double stepSize) {
        if (Double.isNaN(stepSize)) {
            return StepSizeHeuristic.SMALLEST;
        }
        return Math.min(StepSizeHeuristic.LARGEST, Math.max(StepSizeHeuristic.SMALLEST, stepSize));
    }
}
