/**
 * Numerical integrators of Hamilton's equations, registered as
 * {@link dev.hamiltorch.api.spi.Integrator} plugins: leapfrog and the implicit generalized leapfrog.
 * Depends on the API only.
 */
module dev.hamiltorch.integrators {
    requires dev.hamiltorch.api;
    requires static com.google.auto.service;

    exports dev.hamiltorch.integrators;

    provides dev.hamiltorch.api.spi.Integrator with
            dev.hamiltorch.integrators.Leapfrog,
            dev.hamiltorch.integrators.GeneralizedLeapfrog;
}
