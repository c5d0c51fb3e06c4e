package dev.hamiltorch.metrics.softabs;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.SamplerSettings;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.spi.Metric;

/**
 * The SoftAbs metric of Betancourt (2013), selected by the name {@value Metric#SOFTABS}: with the
 * eigendecomposition ∇²U(θ) = QΛQᵀ of the Hessian of U = −log π, G(θ) = Q diag(λ·coth(αλ)) Qᵀ, a
 * smooth positive-definite stand-in for |∇²U| whose eigenvalues are at least 1/α;
 * α = {@link SamplerSettings#softabsConst()} (default 10⁶). Momentum p ~ N(0, G(θ)) and
 * H(θ, p) = U(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p (the constant ½ D log 2π omitted).
 *
 * <p>The target must provide {@link Target#hessian} and {@link Target#thirdDerivatives}; ∂H/∂θ
 * uses the closed-form derivative of the eigen-decomposed matrix function, not finite differences
 * and not derivatives of the eigen-solver. With {@link SamplerSettings#jitter()} &gt; 0, each
 * trajectory ({@link RiemannianHamiltonian#forTrajectory}) draws d = jitter · U(0,1)ᴰ once and
 * decomposes ∇²U + diag(d) (G needs no retries: it is positive-definite by construction). A
 * non-finite log density or derivative gives the geometry failure
 * {@link dev.hamiltorch.api.kernel.Event#INVALID_LOG_PROB}, an eigen-solver that does not converge
 * {@link dev.hamiltorch.api.kernel.Event#NON_SPD_METRIC}; nothing throws.
 */
@AutoService(Metric.class)
public final class SoftAbsMetric implements Metric {

    /** For {@link java.util.ServiceLoader}. */
    public SoftAbsMetric() {
    }

    @Override
    public String name() {
        return SOFTABS;
    }

    /** {@link DerivativeOrder#THIRD}: G is built from the Hessian, and ∂H/∂θ needs ∂G: the third derivatives. */
    @Override
    public DerivativeOrder requiredDerivatives() {
        return DerivativeOrder.THIRD;
    }

    /**
     * The SoftAbs Hamiltonian of {@code target}, without jitter until
     * {@link RiemannianHamiltonian#forTrajectory} draws it.
     */
    @Override
    public RiemannianHamiltonian hamiltonian(Target target, SamplerSettings settings) {
        return new SoftAbsHamiltonian(target, settings, null);
    }
}
