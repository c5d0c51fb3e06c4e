/**
 * Riemannian metrics built from derivatives of the log density: the Hessian metric
 * ({@value dev.hamiltorch.api.spi.Metric#HESSIAN}) and the diagonal Fisher metric
 * ({@value dev.hamiltorch.api.spi.Metric#JACOBIAN_DIAG}). Depends on hamiltorch-api only.
 */
module dev.hamiltorch.metrics.hessian {
    requires dev.hamiltorch.api;
    requires static com.google.auto.service;

    exports dev.hamiltorch.metrics.hessian;

    provides dev.hamiltorch.api.spi.Metric with
            dev.hamiltorch.metrics.hessian.HessianMetric,
            dev.hamiltorch.metrics.hessian.DiagonalFisherMetric;
}
