/**
 * Likelihood plugins for Bayesian neural networks, registered as {@link dev.hamiltorch.api.spi.Likelihood}:
 * {@code binary-class}, {@code multi-class}, {@code multi-class-log-softmax} and {@code regression}.
 * Depends on the API only.
 */
module dev.hamiltorch.likelihoods {
    requires dev.hamiltorch.api;
    requires static com.google.auto.service;

    exports dev.hamiltorch.likelihoods;

    provides dev.hamiltorch.api.spi.Likelihood with
            dev.hamiltorch.likelihoods.BinaryClass,
            dev.hamiltorch.likelihoods.MultiClass,
            dev.hamiltorch.likelihoods.MultiClassLogSoftmax,
            dev.hamiltorch.likelihoods.Regression;
}
