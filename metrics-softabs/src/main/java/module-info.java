/**
 * The SoftAbs Riemannian metric ({@value dev.hamiltorch.api.spi.Metric#SOFTABS}, Betancourt 2013).
 * Depends on hamiltorch-api only, whose
 * {@link dev.hamiltorch.api.linalg.SymmetricEigenDecomposition} it uses.
 */
module dev.hamiltorch.metrics.softabs {
    requires dev.hamiltorch.api;
    requires static com.google.auto.service;

    exports dev.hamiltorch.metrics.softabs;

    provides dev.hamiltorch.api.spi.Metric with dev.hamiltorch.metrics.softabs.SoftAbsMetric;
}
