package dev.hamiltorch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.RiemannianMetric;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RiemannianMetric} from a G(θ) and ∂G/∂θ: H's derivatives against finite differences, ½ log|G| and
 * G⁻¹p against the definitions, jitter, failures as events, and the refusal of a target without the
 * declared derivatives.
 */
class RiemannianMetricTest {

    /**
     * G(θ) = A + diag(θ∘θ) plus a coupling: a dense metric with A = [[2, .5, 0], [.5, 3, .2], [0, .2, 1]]
     * and G₀₁ += θ₂/10, so ∂G has off-diagonal entries too. {@code shift} is added to G's diagonal (negative:
     * indefinite), {@code broken} scales ∂G (1: correct).
     */
    static final class TestMetric extends RiemannianMetric {
        final double shift;
        final double broken;
        final RuntimeException fails;

        TestMetric(double shift, double broken, RuntimeException fails) {
            this.shift = shift;
            this.broken = broken;
            this.fails = fails;
        }

        @Override
        public String name() {
            return "test-metric";
        }

        @Override
        public DerivativeOrder requiredDerivatives() {
            return DerivativeOrder.HESSIAN;
        }

        @Override
        protected void metric(Point at, double[][] g) {
            if (fails != null) {
                throw fails;
            }
            double[] t = at.position();
            double[][] a = {{2, .5, 0}, {.5, 3, .2}, {0, .2, 1}};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i][j] = a[i][j];
                }
                g[i][i] += t[i] * t[i] + shift;
            }
            g[0][1] += t[2] / 10;
            g[1][0] += t[2] / 10;
            at.hessian(); // declared, so available
        }

        @Override
        protected void metricDerivative(Point at, double[][][] dg) {
            double[] t = at.position();
            for (int i = 0; i < 3; i++) {
                dg[i][i][i] = broken * 2 * t[i];
            }
            dg[2][0][1] = 0.1;
            dg[2][1][0] = 0.1;
        }
    }

    private static final Target LOGISTIC = KnownTargets.logistic(3).target();

    private static PluginOptions settings(double jitter) {
        return PluginOptions.of(Jitter.SCALE, jitter);
    }

    @Test
    void itsDerivativesMatchFiniteDifferencesAndABrokenDerivativeIsCaught() {
        RiemannianHamiltonian h = new TestMetric(0, 1, null).hamiltonian(LOGISTIC, settings(0));
        HamiltonianCheck.of(h).points(10).assertGradientsMatchFiniteDifferences();
        RiemannianHamiltonian wrong = new TestMetric(0, 0.5, null).hamiltonian(LOGISTIC, settings(0));
        AssertionError e = assertThrows(AssertionError.class,
                () -> HamiltonianCheck.of(wrong).assertGradientsMatchFiniteDifferences());
        assertTrue(e.getMessage().startsWith("∂H/∂θ disagrees with finite differences"), e.getMessage());
    }

    @Test
    void kineticEnergyAndVelocityFollowTheirDefinitions() {
        RiemannianHamiltonian h = new TestMetric(0, 1, null).hamiltonian(LOGISTIC, settings(0));
        double[] theta = {0.3, -1, 2};
        double[] p = {1, -2, 0.5};
        double[][] g = {{2 + .09, .5 + .2, 0}, {.5 + .2, 3 + 1, .2}, {0, .2, 1 + 4}};
        double[] u = new double[3];
        h.velocity(theta, p, u);
        for (int i = 0; i < 3; i++) {
            assertEquals(p[i], g[i][0] * u[0] + g[i][1] * u[1] + g[i][2] * u[2], 1e-14, "G u = p, row " + i);
        }
        double det = g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1]) - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0]);
        double quadratic = p[0] * u[0] + p[1] * u[1] + p[2] * u[2];
        assertEquals(0.5 * Math.log(det) + 0.5 * quadratic, h.kineticEnergy(theta, p), 1e-14);
    }

    @Test
    void jitterRescuesAnIndefiniteMetricAndWithoutItTheFailureIsAnEvent() {
        double[] theta = {0, 0, 0};
        // A − 1.5 I has the eigenvalue ≈ −0.55: not positive-definite
        assertEquals(Event.NON_SPD_METRIC, new TestMetric(-1.5, 1, null).hamiltonian(LOGISTIC, settings(0))
                .geometry(theta).failure());
        RiemannianHamiltonian jittered = new TestMetric(-1.5, 1, null).hamiltonian(LOGISTIC, settings(1))
                .forTrajectory(new SplittableRandom(3));
        assertNull(jittered.geometry(theta).failure(), "jitter grown tenfold until G + diag(d) is positive-definite");
        double[] out = new double[3];
        jittered.geometry(theta).positionGradient(new double[] {1, 1, 1}, out);
        assertTrue(Double.isFinite(out[0]));
    }

    @Test
    void nonFiniteMetricsAndDomainErrorsAreEventsNotExceptions() {
        double[] theta = {0, 0, 0};
        assertEquals(Event.INVALID_LOG_PROB, new TestMetric(Double.NaN, 1, null).hamiltonian(LOGISTIC, settings(0))
                .geometry(theta).failure());
        assertEquals(Event.DOMAIN_ERROR, new TestMetric(0, 1, new DomainException("undefined here"))
                .hamiltonian(LOGISTIC, settings(0)).geometry(theta).failure());
        RiemannianHamiltonian nanDerivative = new TestMetric(0, Double.NaN, null).hamiltonian(LOGISTIC, settings(0));
        RiemannianHamiltonian.Geometry geometry = nanDerivative.geometry(new double[] {1, 1, 1});
        assertNull(geometry.failure());
        double[] out = new double[3];
        geometry.positionGradient(new double[] {1, 1, 1}, out);
        assertEquals(Event.INVALID_LOG_PROB, geometry.failure());
        assertTrue(Double.isNaN(out[0]));
    }

    @Test
    void aTargetWithoutTheDeclaredDerivativesIsRefusedBeforeSampling() {
        Target gradientOnly = Plugins.wrongGradient(LOGISTIC, 0); // declares GRADIENT
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TestMetric(0, 1, null).checkSupports(gradientOnly));
        assertTrue(e.getMessage().contains("metric 'test-metric' needs the target's Hessian"), e.getMessage());
        new TestMetric(0, 1, null).checkSupports(LOGISTIC);
    }

    @Test
    void aTensorMetricIsRefusedBeforeSamplingWithoutATensorEngine() {
        // this module's tests have no engine on their path
        var tensorMetric = new dev.hamiltorch.api.spi.TensorRiemannianMetric() {
            @Override
            public String name() {
                return "needs-an-engine";
            }

            @Override
            protected dev.hamiltorch.api.tensor.Tensor metricTensor(dev.hamiltorch.api.tensor.Tensor theta) {
                throw new AssertionError("not reached");
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tensorMetric.checkSupports(LOGISTIC));
        assertTrue(e.getMessage().contains("needs a tensor engine at run time"), e.getMessage());
    }
}
