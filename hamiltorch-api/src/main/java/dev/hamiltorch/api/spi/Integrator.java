package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;

/**
 * A numerical integrator of Hamilton's equations: it maps a phase point to the end of a trajectory
 * of {@code steps} steps of size {@code stepSize}, independently of how a sampler uses trajectories.
 */
public interface Integrator extends Named {

    /** Leapfrog (Störmer–Verlet) for separable Hamiltonians. */
    String LEAPFROG = "leapfrog";
    /** Implicit generalized leapfrog for Riemannian metrics. */
    String IMPLICIT = "implicit";
    /** Explicit integrator with a binding term (Tao 2016). */
    String EXPLICIT = "explicit";
    String SPLITTING = "splitting";
    String SPLITTING_RAND = "splitting-rand";
    String SPLITTING_KMID = "splitting-kmid";

    /**
     * Integrates from {@code start}. A non-finite log density anywhere on the way ends the trajectory
     * early with a failure reason; it never throws for that.
     */
    IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps);
}
