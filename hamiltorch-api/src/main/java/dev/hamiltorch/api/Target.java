package dev.hamiltorch.api;

/**
 * The derivative oracle that samplers, integrators and metrics see: a log density on ℝᴰ and its
 * derivatives. The engine builds one from a {@link LogDensity} by automatic differentiation; a
 * user may implement it directly with analytic derivatives (hamiltorch's {@code pass_grad}).
 *
 * <p>A target declares with {@link #derivativeOrder()} which derivatives it computes: one that
 * overrides {@link #hessian}, or also {@link #thirdDerivatives} and {@link #thirdOrderContraction},
 * must say so there, since a metric that needs them (the Riemannian ones) refuses, before sampling, a
 * target that does not declare them.
 *
 * <p>Implementations must be safe to call from one thread at a time per instance; parallel chains
 * each get their own target via {@link #copy()}.
 */
public interface Target {

    /** Number of parameters D. */
    int dimension();

    /** log π(θ). May be non-finite; callers treat that as an invalid proposal. */
    double logDensity(double[] theta);

    /**
     * log π(θ), writing ∇ log π(θ) into {@code gradient} (length D).
     *
     * @return the log density
     */
    double logDensityAndGradient(double[] theta, double[] gradient);

    /**
     * The derivatives this target computes: {@link DerivativeOrder#GRADIENT} by default (the interface
     * cannot tell which methods an implementation overrides), {@link DerivativeOrder#HESSIAN} for one
     * that overrides {@link #hessian}, {@link DerivativeOrder#THIRD} for one that also overrides
     * {@link #thirdDerivatives} and {@link #thirdOrderContraction}. A {@link #copy()} declares the same.
     */
    default DerivativeOrder derivativeOrder() {
        return DerivativeOrder.GRADIENT;
    }

    /**
     * ∇² log π(θ), a D×D symmetric matrix.
     *
     * @throws UnsupportedOperationException if this target has first derivatives only
     */
    default double[][] hessian(double[] theta) {
        throw new UnsupportedOperationException(getClass().getName() + " provides no Hessian");
    }

    /**
     * The third-order contraction c(S)ᵢ = Σⱼₖ Sⱼₖ ∂ᵢ∂ⱼ∂ₖ log π(θ) = ∂ᵢ tr(S ∇² log π(θ)) for a
     * symmetric S.
     *
     * @throws UnsupportedOperationException if this target has no third derivatives
     */
    default double[] thirdOrderContraction(double[] theta, double[][] s) {
        throw new UnsupportedOperationException(getClass().getName() + " provides no third derivatives");
    }

    /**
     * The third derivatives Tᵢⱼₖ = ∂ᵢ∂ⱼ∂ₖ log π(θ) as a D×D×D array (symmetric in all indices), so
     * that contractions with many matrices S at one θ cost no further derivative evaluations.
     *
     * @throws UnsupportedOperationException if this target has no third derivatives
     */
    default double[][][] thirdDerivatives(double[] theta) {
        throw new UnsupportedOperationException(getClass().getName() + " provides no third derivatives");
    }

    /**
     * A target that computes the same function and can be used from another thread at the same time
     * as this one: parallel chains each sample their own copy. There is no default, because only the
     * implementation knows: a target with scratch buffers or caches returns a fresh instance, a
     * stateless (or thread-safe) one may return itself.
     */
    Target copy();
}
