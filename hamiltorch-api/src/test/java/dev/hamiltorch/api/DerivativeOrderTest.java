package dev.hamiltorch.api;

import dev.hamiltorch.api.spi.PluginOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.spi.Metric;
import org.junit.jupiter.api.Test;

/** What a target declares it computes, what a metric needs, and the default check between them. */
class DerivativeOrderTest {

    /** log π(θ) = −θ²/2 with its gradient only, declaring {@code order}. */
    private static final class Declaring implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final DerivativeOrder order;

        Declaring(DerivativeOrder order) {
            this.order = order;
        }

        @Override
        public DerivativeOrder derivativeOrder() {
            return order;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double logDensity(double[] theta) {
            return -0.5 * theta[0] * theta[0];
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            gradient[0] = -theta[0];
            return logDensity(theta);
        }
    }

    /** A metric that needs {@code needed}; its Hamiltonian is never built here. */
    private static Metric needing(String name, DerivativeOrder needed) {
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public DerivativeOrder requiredDerivatives() {
                return needed;
            }

            @Override
            public Hamiltonian hamiltonian(Target target, PluginOptions options) {
                throw new AssertionError("not built by these tests");
            }
        };
    }

    @Test
    void aPlainTargetDeclaresItsGradientAndAPlainMetricNeedsNoMore() {
        Target plain = new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] theta) {
                return 0;
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                gradient[0] = 0;
                return 0;
            }
        };
        assertEquals(DerivativeOrder.GRADIENT, plain.derivativeOrder());
        Metric euclidean = new Metric() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public Hamiltonian hamiltonian(Target target, PluginOptions options) {
                throw new AssertionError("not built by these tests");
            }
        };
        assertEquals(DerivativeOrder.GRADIENT, euclidean.requiredDerivatives());
        euclidean.checkSupports(plain);
    }

    @Test
    void eachOrderCoversTheOnesBelowIt() {
        assertTrue(DerivativeOrder.THIRD.covers(DerivativeOrder.HESSIAN));
        assertTrue(DerivativeOrder.THIRD.covers(DerivativeOrder.GRADIENT));
        assertTrue(DerivativeOrder.HESSIAN.covers(DerivativeOrder.HESSIAN));
        assertFalse(DerivativeOrder.HESSIAN.covers(DerivativeOrder.THIRD));
        assertFalse(DerivativeOrder.GRADIENT.covers(DerivativeOrder.HESSIAN));
    }

    /** The message with which {@code metric} refuses a target declaring {@code order}. */
    private static String refusal(Metric metric, DerivativeOrder order) {
        return assertThrows(IllegalArgumentException.class, () -> metric.checkSupports(new Declaring(order)))
                .getMessage();
    }

    @Test
    void aMetricRefusesATargetThatLacksItsDerivativesNamingBoth() {
        String target = "the target dev.hamiltorch.api.DerivativeOrderTest$Declaring declares derivatives up to its ";
        Metric hessian = needing("hessian", DerivativeOrder.THIRD);
        assertEquals("metric 'hessian' needs the target's third derivatives, but " + target
                + "gradient only (derivativeOrder() = GRADIENT)", refusal(hessian, DerivativeOrder.GRADIENT));
        assertEquals("metric 'hessian' needs the target's third derivatives, but " + target
                + "Hessian only (derivativeOrder() = HESSIAN)", refusal(hessian, DerivativeOrder.HESSIAN));
        hessian.checkSupports(new Declaring(DerivativeOrder.THIRD));

        Metric fisher = needing("jacobian-diag", DerivativeOrder.HESSIAN);
        assertEquals("metric 'jacobian-diag' needs the target's Hessian, but " + target
                + "gradient only (derivativeOrder() = GRADIENT)", refusal(fisher, DerivativeOrder.GRADIENT));
        fisher.checkSupports(new Declaring(DerivativeOrder.HESSIAN));
        fisher.checkSupports(new Declaring(DerivativeOrder.THIRD));
    }
}
