package dev.hamiltorch.examples.metricplugin;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.spi.RiemannianMetric;
import java.util.List;

/**
 * SoftAbs of the diagonal Hessian: G(θ) = diag(λ̃ⱼ) with λ̃ = λ·coth(αλ), λⱼ = −∂ⱼ² log π(θ) and α the
 * metric's option {@code softabsConst} (SoftAbs's name, so {@code .softabsConst(α)} sets it too); a Riemannian
 * metric plugin written against hamiltorch-api alone.
 */
// tag::metric[]
public final class DiagonalSoftAbsMetric extends RiemannianMetric {

    @Override public String name() { return "softabs-diagonal"; }

    /** α, declared with its default and rule: a run refuses a bad value, or a misspelt name, before sampling. */
    public static final PluginOption<Double> ALPHA = PluginOption.ofDouble("softabsConst", 1e6,
            "must be positive and finite", a -> a > 0 && Double.isFinite(a));

    /** α and the jitter every {@link RiemannianMetric} applies. */
    @Override public List<PluginOption<?>> options() { return List.of(ALPHA, Jitter.SCALE, Jitter.MAX_TRIES); }

    /** G reads the Hessian, ∂G its derivatives ∂ᵢ∂ⱼ² log π: the target must give third derivatives. */
    @Override public DerivativeOrder requiredDerivatives() { return DerivativeOrder.THIRD; }

    @Override protected void metric(Point at, double[][] g) {
        double[][] h = at.hessian();
        for (int j = 0; j < g.length; j++) g[j][j] = softAbs(-h[j][j], at.options().get(ALPHA));
    }

    /** ∂ᵢGⱼⱼ = λ̃′(λⱼ) · ∂ᵢλⱼ with ∂ᵢλⱼ = −Tᵢⱼⱼ. */
    @Override protected void metricDerivative(Point at, double[][][] dg) {
        double[][] h = at.hessian();
        double[][][] t = at.thirdDerivatives();
        for (int j = 0; j < dg.length; j++) {
            double slope = softAbsSlope(-h[j][j], at.options().get(ALPHA));
            for (int i = 0; i < dg.length; i++) dg[i][j][j] = -slope * t[i][j][j];
        }
    }

    /** λ·coth(αλ), by its series (1 + x²/3)/α near x = αλ = 0. */
    static double softAbs(double lambda, double alpha) {
        double x = alpha * lambda;
        return Math.abs(x) < 1e-4 ? (1 + x * x / 3) / alpha : lambda / Math.tanh(x);
    }

    /** d(λ·coth(αλ))/dλ = coth x − x/sinh²x, by its series 2x/3 − 4x³/45 near 0 and ±1 beyond |x| = 40. */
    static double softAbsSlope(double lambda, double alpha) {
        double x = alpha * lambda;
        if (Math.abs(x) < 1e-3) return 2 * x / 3 - 4 * x * x * x / 45;
        if (Math.abs(x) > 40) return Math.signum(x);
        return 1 / Math.tanh(x) - x / (Math.sinh(x) * Math.sinh(x));
    }
}
// end::metric[]
