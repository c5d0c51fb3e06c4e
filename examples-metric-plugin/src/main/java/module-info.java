/**
 * An example third-party metric plugin, compiled against hamiltorch-api alone: SoftAbs of the diagonal
 * Hessian ({@code softabs-diagonal}), found by {@link java.util.ServiceLoader} on the module path (this
 * {@code provides} clause) and on the class path (META-INF/services).
 */
// tag::module[]
module dev.hamiltorch.examples.metricplugin {
    requires dev.hamiltorch.api;

    exports dev.hamiltorch.examples.metricplugin;

    provides dev.hamiltorch.api.spi.Metric with dev.hamiltorch.examples.metricplugin.DiagonalSoftAbsMetric;
}
// end::module[]
