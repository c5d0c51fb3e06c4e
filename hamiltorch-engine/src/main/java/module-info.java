/**
 * The engine: the autodiff {@link dev.hamiltorch.api.tensor.Tensor}, derivative oracles, Euclidean
 * metrics, sampling drivers, the progress display, and the discovery of plugins
 * ({@link dev.hamiltorch.api.spi.Metric}, {@link dev.hamiltorch.api.spi.Integrator},
 * {@link dev.hamiltorch.api.spi.Sampler}, {@link dev.hamiltorch.api.spi.Likelihood}) with
 * {@link java.util.ServiceLoader}, wired by Guice.
 *
 * <p>Runs on the class path for now, because ND4J's module descriptor is broken; this descriptor
 * keeps the module's boundaries honest until it can run on the module path.
 */
module dev.hamiltorch.engine {
    requires transitive dev.hamiltorch.api;
    // not transitive (Guice is an automatic module): code that installs PluginModule requires Guice itself
    requires com.google.guice;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires commons.math3;

    exports dev.hamiltorch.engine;
    exports dev.hamiltorch.engine.adaptation;
    exports dev.hamiltorch.engine.autodiff;
    exports dev.hamiltorch.engine.diagnostics;
    exports dev.hamiltorch.engine.distributions;
    exports dev.hamiltorch.engine.metric;
    exports dev.hamiltorch.engine.nd4j;
    exports dev.hamiltorch.engine.nn;
    exports dev.hamiltorch.engine.plugin;
    exports dev.hamiltorch.engine.progress;
    exports dev.hamiltorch.engine.hmc;
    exports dev.hamiltorch.engine.nuts;
    exports dev.hamiltorch.engine.sampling;

    // Guice constructs PluginRegistry reflectively
    opens dev.hamiltorch.engine.plugin to com.google.guice;

    uses dev.hamiltorch.api.spi.Metric;
    uses dev.hamiltorch.api.spi.Integrator;
    uses dev.hamiltorch.api.spi.Sampler;
    uses dev.hamiltorch.api.spi.Likelihood;

    provides dev.hamiltorch.api.spi.Metric with dev.hamiltorch.engine.metric.EuclideanMetric;
    provides dev.hamiltorch.api.spi.Sampler with dev.hamiltorch.engine.hmc.Hmc, dev.hamiltorch.engine.hmc.HmcAdaptStep,
            dev.hamiltorch.engine.hmc.Rmhmc, dev.hamiltorch.engine.nuts.Nuts;
    provides dev.hamiltorch.api.tensor.TensorFactory with dev.hamiltorch.engine.autodiff.JvmTensorFactory;
}
