/**
 * Numerical integrators of Hamilton's equations, registered as
 * {@link dev.hamiltorch.api.spi.Integrator} plugins: leapfrog, the implicit generalized leapfrog, the
 * explicit integrator with a binding term, and three split integrators. Depends on the API only.
 */
module dev.hamiltorch.integrators {
    requires dev.hamiltorch.api;
    requires static com.google.auto.service;

    exports dev.hamiltorch.integrators;

    provides dev.hamiltorch.api.spi.Integrator with
            dev.hamiltorch.integrators.Leapfrog,
            dev.hamiltorch.integrators.GeneralizedLeapfrog,
            dev.hamiltorch.integrators.ExplicitBindingIntegrator,
            dev.hamiltorch.integrators.SymmetricSplitting,
            dev.hamiltorch.integrators.RandomisedSplitting,
            dev.hamiltorch.integrators.KineticMiddleSplitting;
}
