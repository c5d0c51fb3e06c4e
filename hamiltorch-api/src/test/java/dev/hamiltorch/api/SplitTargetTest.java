package dev.hamiltorch.api;

import dev.hamiltorch.api.spi.PluginOptions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The defaults of SplitTarget (sums over the terms) and of the Integrator life cycle. */
class SplitTargetTest {

    /** Lₘ(θ) = −(m + 1)/2 · |θ − m|² in 2-D, m = 0, 1, 2. */
    private static final class ThreeTerms implements SplitTarget {
        @Override
        public SplitTarget copy() {
            return this; // stateless: one instance serves every thread
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int terms() {
            return 3;
        }

        @Override
        public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
            double value = 0;
            for (int i = 0; i < 2; i++) {
                double r = theta[i] - term;
                gradient[i] = -(term + 1) * r;
                value -= 0.5 * (term + 1) * r * r;
            }
            return value;
        }
    }

    @Test
    void theLogDensityAndGradientAreTheSumsOfTheTerms() {
        SplitTarget target = new ThreeTerms();
        double[] theta = {0.5, -1.0};
        double[] gradient = {99, 99}; // stale contents must not leak into the sum
        double value = target.logDensityAndGradient(theta, gradient);
        // by hand: term 0: −½(0.25 + 1) = −0.625, ∇ = (−0.5, 1)
        //          term 1: −(0.25 + 4) = −4.25, ∇ = (1, 4)
        //          term 2: −1.5(2.25 + 9) = −16.875, ∇ = (4.5, 9)
        assertEquals(-21.75, value, 1e-15);
        assertArrayEquals(new double[] {5.0, 14.0}, gradient, 1e-15);
        assertEquals(-21.75, target.logDensity(theta), 1e-15);
        assertSame(target, target.copy());
    }

    @Test
    void anIntegratorByDefaultIgnoresSettingsAndRandomness() {
        Integrator plain = new Integrator() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize,
                                               int steps) {
                return new IntegrationResult(start, null, 0, 0);
            }
        };
        assertSame(plain, plain.configure(PluginOptions.defaults()));
        assertSame(plain, plain.forTrajectory(new SplittableRandom(1)));
    }
}
