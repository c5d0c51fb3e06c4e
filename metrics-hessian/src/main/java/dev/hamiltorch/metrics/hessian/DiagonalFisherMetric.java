package dev.hamiltorch.metrics.hessian;

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
 * The diagonal Fisher metric G(θ) = diag(g∘g), g = ∇ log π(θ), that hamiltorch calls
 * {@code JACOBIAN_DIAG}, selected by the name {@value Metric#JACOBIAN_DIAG}: momentum
 * p ~ N(0, G(θ)) and H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p (the constant ½ D log 2π
 * omitted).
 *
 * <p>∂H/∂θ needs {@link Target#hessian} (∂ᵢ gⱼ² = 2gⱼ ∂ᵢgⱼ) and no third derivatives. Where a
 * component of g is 0 G is singular: jitter (drawn once per trajectory, grown tenfold per further
 * attempt up to {@code jitterMaxTries}, as for {@link HessianMetric}) keeps it
 * positive-definite; without jitter the geometry fails with
 * {@link dev.hamiltorch.api.kernel.Event#NON_SPD_METRIC}. Nothing throws.
 */
@AutoService(Metric.class)
public final class DiagonalFisherMetric implements Metric {

    /** For {@link java.util.ServiceLoader}. */
    public DiagonalFisherMetric() {
    }

    @Override
    public String name() {
        return JACOBIAN_DIAG;
    }

    /** The jitter's options, {@code jitter} and {@code jitterMaxTries} ({@link Jitter}). */
    @Override
    public List<PluginOption<?>> options() {
        return Jitter.OPTIONS;
    }

    /** {@link DerivativeOrder#HESSIAN}: ∂G/∂θ of G = diag(g∘g) needs the Hessian, and no third derivatives. */
    @Override
    public DerivativeOrder requiredDerivatives() {
        return DerivativeOrder.HESSIAN;
    }

    /**
     * Names {@code jitter} when it is 0 and at least {@link RunAdvice#MANY_FAILED} of the iterations
     * failed their trajectory: without jitter G is singular at every mode, where the gradient vanishes,
     * and a run near one rejects (nearly) every proposal.
     */
    @Override
    public List<String> warnings(PluginOptions options, StepParameters tuning, Map<Event, Long> events, long iterations) {
        double failed = RunAdvice.failedShare(events, iterations);
        if (failed < RunAdvice.MANY_FAILED || options.get(Jitter.SCALE) > 0) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%.0f %% of the iterations failed their trajectory with the"
                + " jacobian-diag metric without jitter: diag(g∘g) is singular wherever a component of the"
                + " gradient g is 0, as at every mode; set jitter, for example to 1", 100 * failed));
    }

    /**
     * The diagonal-Fisher Hamiltonian of {@code target}, without jitter until
     * {@link RiemannianHamiltonian#forTrajectory} draws it.
     */
    @Override
    public RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new DiagonalFisherHamiltonian(target, Jitter.of(options), null);
    }
}
