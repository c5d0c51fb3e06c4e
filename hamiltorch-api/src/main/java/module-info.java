/**
 * The stable contract of hamiltorch for the JVM: service interfaces for plugins, the differentiable
 * {@link dev.hamiltorch.api.tensor.Tensor}, the derivative oracle {@link dev.hamiltorch.api.Target},
 * and the value types that cross module boundaries. Depends on the JDK only.
 */
module dev.hamiltorch.api {
    exports dev.hamiltorch.api;
    exports dev.hamiltorch.api.tensor;
    exports dev.hamiltorch.api.spi;
    exports dev.hamiltorch.api.dynamics;
    exports dev.hamiltorch.api.kernel;
    exports dev.hamiltorch.api.adaptation;
    exports dev.hamiltorch.api.linalg;
    exports dev.hamiltorch.api.model;

    uses dev.hamiltorch.api.tensor.TensorFactory;
}
