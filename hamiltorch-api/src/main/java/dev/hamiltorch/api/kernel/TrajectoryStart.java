package dev.hamiltorch.api.kernel;

import dev.hamiltorch.api.GuardedTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;
import java.util.random.RandomGenerator;

/**
 * The start every Hamiltonian transition shares: the Hamiltonian at this step's inverse mass and the
 * integrator, each fixed for one trajectory, a fresh momentum at the chain's position, and the energy
 * H₀ there. Kernels (HMC, NUTS, a plugin's own) draw it the same way, so their random streams agree.
 *
 * @param hamiltonian the Hamiltonian for this trajectory
 * @param integrator the integrator for this trajectory
 * @param origin the chain's position with the new momentum and the state's log density and gradient
 * @param energy H at {@code origin}; may be non-finite where the metric's kinetic energy is
 */
public record TrajectoryStart(Hamiltonian hamiltonian, Integrator integrator, PhasePoint origin, double energy) {

    /**
     * Draws the start of a trajectory from {@code state}: Hamiltonian and integrator jitter (in that
     * order), then the momentum.
     *
     * @param guard the chain's guarded target, whose failure from outside this transition is forgotten;
     *              {@code null} when the target is not guarded
     */
    public static TrajectoryStart draw(RandomGenerator rng, ChainState state, MassedHamiltonian hamiltonians,
            Integrator integrator, StepParameters parameters, GuardedTarget guard) {
        // jitter and term order are drawn once, so H and the flow are fixed along the trajectory
        Hamiltonian hamiltonian = hamiltonians.forMass(parameters.inverseMass()).forTrajectory(rng);
        Integrator flow = integrator.forTrajectory(rng);
        double[] position = state.position();
        double[] momentum = new double[position.length];
        hamiltonian.sampleMomentum(rng, position, momentum);
        if (guard != null) {
            guard.takeFailure(); // one seen outside a transition (a caller's own evaluation) is not this one's
        }
        PhasePoint origin = new PhasePoint(position, momentum, state.logDensity(), state.gradient());
        return new TrajectoryStart(hamiltonian, flow, origin, hamiltonian.energy(origin));
    }
}
