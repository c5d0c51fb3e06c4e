package dev.hamiltorch.metrics.hessian;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.spi.Metric;
import java.util.List;

/**
 * The Hessian metric G(θ) = −∇² log π(θ) of Riemannian HMC (Girolami &amp; Calderhead 2011),
 * selected by the name {@value Metric#HESSIAN}: momentum p ~ N(0, G(θ)) and
 * H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p (the constant ½ D log 2π omitted).
 *
 * <p>The target must provide {@link Target#hessian} and {@link Target#thirdDerivatives}. G must be
 * positive-definite. With option {@code jitter} &gt; 0 each trajectory
 * ({@link RiemannianHamiltonian#forTrajectory}) draws d = jitter · U(0,1)ᴰ once and uses
 * G + diag(d); where that is not positive-definite, G + diag(10ᵏd) for k = 1, 2, … up to
 * {@code jitterMaxTries} attempts in all, so H stays one deterministic function
 * of θ within the trajectory. A metric still not positive-definite gives the geometry failure
 * {@link dev.hamiltorch.api.kernel.Event#NON_SPD_METRIC}, a non-finite log density or derivative
 * {@link dev.hamiltorch.api.kernel.Event#INVALID_LOG_PROB}; neither throws.
 */
@AutoService(Metric.class)
public final class HessianMetric implements Metric {

    /** Factor by which the drawn jitter grows on each further attempt to make G positive-definite. */
    static final double JITTER_GROWTH = 10.0;

    /** For {@link java.util.ServiceLoader}. */
    public HessianMetric() {
    }

    @Override
    public String name() {
        return HESSIAN;
    }

    /** The jitter's options, {@code jitter} and {@code jitterMaxTries} ({@link Jitter}). */
    @Override
    public List<PluginOption<?>> options() {
        return Jitter.OPTIONS;
    }

    /** {@link DerivativeOrder#THIRD}: G is the Hessian, and ∂H/∂θ needs ∂G: the third derivatives. */
    @Override
    public DerivativeOrder requiredDerivatives() {
        return DerivativeOrder.THIRD;
    }

    /**
     * The Hessian-metric Hamiltonian of {@code target}, without jitter until
     * {@link RiemannianHamiltonian#forTrajectory} draws it.
     */
    @Override
    public RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new HessianHamiltonian(target, Jitter.of(options), null);
    }
}
