package dev.hamiltorch.metrics.softabs;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.RunAdvice;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SoftAbs metric of Betancourt (2013), selected by the name {@value Metric#SOFTABS}: with the
 * eigendecomposition ∇²U(θ) = QΛQᵀ of the Hessian of U = −log π, G(θ) = Q diag(λ·coth(αλ)) Qᵀ, a
 * smooth positive-definite stand-in for |∇²U| whose eigenvalues are at least 1/α;
 * α = option {@code softabsConst} (default 10⁶, hamiltorch's). Momentum p ~ N(0, G(θ)) and
 * H(θ, p) = U(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p (the constant ½ D log 2π omitted).
 *
 * <p>The target must provide {@link Target#hessian} and {@link Target#thirdDerivatives}; ∂H/∂θ
 * uses the closed-form derivative of the eigen-decomposed matrix function, not finite differences
 * and not derivatives of the eigen-solver. With option {@code jitter} &gt; 0, each
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

    /** Option {@code softabsConst}: α, positive and finite; default 10⁶ (hamiltorch's). */
    public static final PluginOption<Double> SOFTABS_CONST = PluginOption.ofDouble("softabsConst", 1e6,
            "must be positive and finite", v -> v > 0 && Double.isFinite(v));

    @Override
    public String name() {
        return SOFTABS;
    }

    /** {@code softabsConst} and {@code jitter} (G is positive-definite by construction: no {@code jitterMaxTries}). */
    @Override
    public List<PluginOption<?>> options() {
        return List.of(SOFTABS_CONST, Jitter.SCALE);
    }

    /** {@link DerivativeOrder#THIRD}: G is built from the Hessian, and ∂H/∂θ needs ∂G: the third derivatives. */
    @Override
    public DerivativeOrder requiredDerivatives() {
        return DerivativeOrder.THIRD;
    }

    /**
     * Names {@code softabsConst} when at least {@link RunAdvice#MANY_FAILED} of the iterations failed
     * their trajectory and α is above 1: with a large α, G follows |λ| down to 1/α where the Hessian has
     * an eigenvalue near 0, and the trajectories that cross such a place fail: on the banana
     * log π = −x₁²/2 − (x₂ − x₁²)²/2, whose Hessian is singular along x₂ = x₁² + ½, α = 10⁶ failed 38 % of
     * the trajectories at ε 0.1 (L 10, 300 iterations, seed 1), α = 1 none.
     */
    @Override
    public List<String> warnings(PluginOptions options, StepParameters tuning, Map<Event, Long> events, long iterations) {
        double failed = RunAdvice.failedShare(events, iterations);
        if (failed < RunAdvice.MANY_FAILED || options.get(SOFTABS_CONST) <= 1) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%.0f %% of the iterations failed their trajectory with the"
                + " softabs metric at softabsConst (α) = %s: a large α makes the metric nearly singular where"
                + " the Hessian has an eigenvalue near 0; set softabsConst to a smaller value such as 1",
                100 * failed, options.get(SOFTABS_CONST)));
    }

    /**
     * The SoftAbs Hamiltonian of {@code target}, without jitter until
     * {@link RiemannianHamiltonian#forTrajectory} draws it.
     */
    @Override
    public RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new SoftAbsHamiltonian(target, options.get(SOFTABS_CONST), Jitter.of(options), null);
    }
}
