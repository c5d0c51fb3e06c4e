/**
 * The engine: the autodiff {@link dev.hamiltorch.api.tensor.Tensor}, derivative oracles, Euclidean
 * metrics, sampling drivers, plugin discovery and the {@code Hamiltorch} facade. ND4J is used from the
 * class path (its module descriptor is broken), so this module is run on the class path.
 */
module dev.hamiltorch.engine {
    requires transitive dev.hamiltorch.api;
    requires com.google.guice;
    requires org.slf4j;
    requires static com.google.auto.service;
    requires commons.math3;

    exports dev.hamiltorch.engine.autodiff;
    exports dev.hamiltorch.engine.distributions;

    uses dev.hamiltorch.api.spi.Metric;
    uses dev.hamiltorch.api.spi.Integrator;
    uses dev.hamiltorch.api.spi.Sampler;
    uses dev.hamiltorch.api.spi.Likelihood;

    provides dev.hamiltorch.api.tensor.TensorFactory with dev.hamiltorch.engine.autodiff.JvmTensorFactory;
}
