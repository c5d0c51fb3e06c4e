package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;

/**
 * A metric on parameter space: it turns a target into a Hamiltonian H(θ, p) = −log π(θ) + K(θ, p).
 * Register implementations with {@code @AutoService(Metric.class)} and a {@code provides} clause.
 */
public interface Metric extends Named, RunAdvice {

    /** Euclidean metric from the settings' inverse mass matrix (identity by default). */
    String EUCLIDEAN = "euclidean";
    /** Riemannian metric G = −∇² log π. */
    String HESSIAN = "hessian";
    /** Riemannian SoftAbs metric (Betancourt 2013). */
    String SOFTABS = "softabs";
    /** Diagonal Fisher metric G = diag(g∘g), g = ∇ log π (hamiltorch's JACOBIAN_DIAG). */
    String JACOBIAN_DIAG = "jacobian-diag";

    /** The Hamiltonian of {@code target} under this metric, configured by {@code settings}. */
    Hamiltonian hamiltonian(Target target, SamplerSettings settings);
}
