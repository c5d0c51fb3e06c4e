package dev.hamiltorch.integrators;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import dev.hamiltorch.testkit.IntegratorCheck;
import dev.hamiltorch.testkit.KnownTargets;
import org.junit.jupiter.api.Test;

/**
 * The built-in integrators through the conformance kit, as a third party's would be checked: reversible,
 * volume-preserving and of energy-error order 2 at random phase points.
 */
class IntegratorConformanceTest {

    // tag::integrator-check[]
    @Test
    void theLeapfrogOnASeparableHamiltonian() {
        Hamiltonian banana = new DiagonalMassHamiltonian(new TestHamiltonians.Banana(), 1, 2);
        IntegratorCheck.of(new Leapfrog(), banana).stepSize(0.05).steps(20)
                .assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
        Hamiltonian logistic = new DiagonalMassHamiltonian(KnownTargets.logistic(2).target());
        IntegratorCheck.of(new Leapfrog(), logistic).stepSize(0.2)
                .assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
    }
    // end::integrator-check[]

    @Test
    void theImplicitIntegratorOnARiemannianHamiltonian() {
        // fixed points to rounding, so that the finite differences see the exact map; no check on the way back
        Integrator implicit = new GeneralizedLeapfrog(1e-30, 1000, Double.POSITIVE_INFINITY);
        IntegratorCheck.of(implicit, new TestHamiltonians.DiagonalMetric(KnownTargets.logistic(2).target(), 0.5))
                .stepSize(0.1).steps(10).reversibilityTolerance(1e-10).volumeTolerance(1e-5)
                .assertReversible().assertVolumePreserving().assertEnergyErrorOrder(2);
    }

    @Test
    void theExplicitIntegratorHasEnergyErrorOfOrderTwo() {
        // reversible and volume-preserving on (θ, p) only to O(ε²) (ExplicitBindingIntegratorTest): order only
        IntegratorCheck.of(new ExplicitBindingIntegrator(100),
                        new TestHamiltonians.DiagonalMetric(KnownTargets.logistic(2).target(), 0.5))
                .stepSize(0.1).steps(10).assertEnergyErrorOrder(2);
    }
}
