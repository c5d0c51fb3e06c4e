package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import java.util.random.RandomGenerator;

/**
 * A numerical integrator of Hamilton's equations: it maps a phase point to the end of a trajectory
 * of {@code steps} steps of size {@code stepSize}, independently of how a sampler uses trajectories.
 *
 * <h2>Life cycle</h2>
 * Integrators are immutable. A sampler obtains one by name, calls {@link #configure} once per run
 * to get an instance holding the run's constants, and before each trajectory calls
 * {@link #forTrajectory} on that instance and integrates with what it returns:
 * <pre>{@code
 *   Integrator configured = found.configure(options);             // once per run
 *   ...
 *   IntegrationResult r = configured.forTrajectory(rng)            // once per trajectory
 *           .integrate(hamiltonian.forTrajectory(rng), start, parameters.stepSize(), parameters.numSteps());
 * }</pre>
 * Both methods default to returning {@code this}, so integrators that need neither ignore them.
 */
public interface Integrator extends Named, RunAdvice {

    /** Leapfrog (Störmer–Verlet) for separable Hamiltonians. */
    String LEAPFROG = "leapfrog";
    /** Implicit generalized leapfrog for Riemannian metrics. */
    String IMPLICIT = "implicit";
    /** Explicit integrator with a binding term (Tao 2016). */
    String EXPLICIT = "explicit";
    /** Symmetric split integrator for a {@link dev.hamiltorch.api.SplitTarget} (Cobb &amp; Jalaian 2021). */
    String SPLITTING = "splitting";
    /** Split integrator with the terms in an order drawn once per trajectory (Neal 2011, §5.1). */
    String SPLITTING_RAND = "splitting-rand";
    /** Split integrator with every term's half-kick on both sides of one full drift ("kinetic in the middle"). */
    String SPLITTING_KMID = "splitting-kmid";

    /**
     * This integrator with the values of the options it declares ({@link #options()}: for example the
     * implicit integrator's {@code fixedPointThreshold}, the explicit one's {@code explicitBindingConst}).
     * Returns a new instance, or {@code this} when it has no options; an instance that was never
     * configured uses its options' defaults.
     */
    default Integrator configure(PluginOptions options) {
        return this;
    }

    /**
     * The integrator to use for one trajectory. An integrator with random choices (the order of the
     * terms of {@link #SPLITTING_RAND}) draws them here, once, so that integration itself is
     * deterministic; others return {@code this}. Like {@link Hamiltonian#forTrajectory}.
     */
    default Integrator forTrajectory(RandomGenerator rng) {
        return this;
    }

    /**
     * Checks, once before sampling, that this integrator can integrate {@code hamiltonian} at all, so
     * that a combination that cannot work (the leapfrog with a Riemannian metric, a splitting
     * integrator without a {@link dev.hamiltorch.api.SplitTarget}) is refused before the first draw
     * instead of failing the first trajectory. It is called on the integrator as found, before
     * {@link #configure}, with the Hamiltonian of the first chain. The default accepts every Hamiltonian.
     *
     * @throws IllegalArgumentException saying what the integrator needs and what it was given
     */
    default void checkSupports(Hamiltonian hamiltonian) {
    }

    /**
     * Integrates from {@code start}. A non-finite log density anywhere on the way, an unusable metric
     * or an implicit step that does not converge ends the trajectory early with a failure reason; it
     * never throws for that.
     */
    IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps);
}
