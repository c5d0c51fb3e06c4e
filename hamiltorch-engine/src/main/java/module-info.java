/**
 * The engine: Euclidean metrics, the HMC sampler, the chain driver and its result, diagnostics.
 * (The autodiff tensor, plugin discovery and the facade live here too.) ND4J is used from the class
 * path (its module descriptor is broken), so this module is run on the class path.
 */
module dev.hamiltorch.engine {
    requires transitive dev.hamiltorch.api;
    requires static com.google.auto.service;
    requires org.slf4j;
    requires commons.math3;

    exports dev.hamiltorch.engine.metric;
    exports dev.hamiltorch.engine.sampler;
    exports dev.hamiltorch.engine.sampling;
    exports dev.hamiltorch.engine.diagnostics;

    provides dev.hamiltorch.api.spi.Metric with dev.hamiltorch.engine.metric.EuclideanMetric;
    provides dev.hamiltorch.api.spi.Sampler with dev.hamiltorch.engine.sampler.Hmc;
}
