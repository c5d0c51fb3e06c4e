package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;

/**
 * A metric on parameter space: it turns a target into a Hamiltonian H(θ, p) = −log π(θ) + K(θ, p).
 * Register implementations with {@code @AutoService(Metric.class)} and a {@code provides} clause.
 */
public interface Metric extends Named, RunAdvice {

    /** Euclidean metric with a constant inverse mass matrix, the kernel's per-step {@code inverseMass}. */
    String EUCLIDEAN = "euclidean";
    /** Riemannian metric G = −∇² log π. */
    String HESSIAN = "hessian";
    /** Riemannian SoftAbs metric (Betancourt 2013). */
    String SOFTABS = "softabs";
    /** Diagonal Fisher metric G = diag(g∘g), g = ∇ log π (hamiltorch's JACOBIAN_DIAG). */
    String JACOBIAN_DIAG = "jacobian-diag";

    /**
     * The derivatives of log π this metric's Hamiltonian evaluates: {@link DerivativeOrder#GRADIENT}
     * by default (a Euclidean metric); a metric built from the Hessian overrides it, with
     * {@link DerivativeOrder#THIRD} when ∂H/∂θ needs the Hessian's derivatives.
     */
    default DerivativeOrder requiredDerivatives() {
        return DerivativeOrder.GRADIENT;
    }

    /**
     * Checks, once before sampling, that {@code target} computes the derivatives this metric needs, so
     * that a target with a gradient only is refused before the first draw instead of failing the first
     * trajectory. The default compares {@link #requiredDerivatives()} with
     * {@link Target#derivativeOrder()}.
     *
     * @throws IllegalArgumentException naming this metric, what it needs and what the target declares
     */
    default void checkSupports(Target target) {
        DerivativeOrder needed = requiredDerivatives();
        DerivativeOrder provided = target.derivativeOrder();
        if (!provided.covers(needed)) {
            throw new IllegalArgumentException("metric '" + name() + "' needs the target's " + needed.description()
                    + ", but the target " + target.getClass().getName() + " declares derivatives up to its "
                    + provided.description() + " only (derivativeOrder() = " + provided + ")");
        }
    }

    /**
     * The Hamiltonian of {@code target} under this metric, configured by the {@code options} it declares
     * ({@link #options()}). A metric with a constant mass gives it the identity: kernels re-mass it to
     * each step's {@link dev.hamiltorch.api.kernel.StepParameters#inverseMass()}
     * ({@link Hamiltonian#withInverseMass}).
     */
    Hamiltonian hamiltonian(Target target, PluginOptions options);
}
