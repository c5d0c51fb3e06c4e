package dev.hamiltorch.engine.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.testkit.HamiltonianCheck;
import dev.hamiltorch.testkit.KnownTargets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A metric given as a tensor function of θ: ∂G/∂θ from autodiff, against finite differences and by hand. */
class TensorRiemannianMetricTest {

    private static final Target TARGET = KnownTargets.logistic(2).target();
    private static final PluginOptions SETTINGS = PluginOptions.defaults();

    @Test
    void theAutodiffDerivativeGivesAHamiltonianThatPassesTheKit() {
        HamiltonianCheck.of(new FisherPlusPriorMetric().hamiltonian(TARGET, SETTINGS)).points(10)
                .assertGradientsMatchFiniteDifferences();
    }

    @Test
    void theAutodiffDerivativeAgreesWithTheHandWrittenOne() {
        RiemannianHamiltonian autodiff = new FisherPlusPriorMetric().hamiltonian(TARGET, SETTINGS);
        RiemannianHamiltonian hand = new FisherPlusPriorHandDerivative().hamiltonian(TARGET, SETTINGS);
        SplittableRandom rng = new SplittableRandom(4);
        for (int trial = 0; trial < 5; trial++) {
            double[] theta = {2 * rng.nextGaussian(), 2 * rng.nextGaussian()};
            double[] p = {rng.nextGaussian(), rng.nextGaussian()};
            double[] a = new double[2];
            double[] b = new double[2];
            autodiff.geometry(theta).positionGradient(p, a);
            hand.geometry(theta).positionGradient(p, b);
            assertNull(autodiff.geometry(theta).failure());
            assertArrayEquals(b, a, 1e-14 * (1 + Math.abs(b[0]) + Math.abs(b[1])), "trial " + trial);
        }
    }

    @Test
    void aMetricOfθAloneNeedsTheGradientOnly() {
        org.junit.jupiter.api.Assertions.assertEquals(DerivativeOrder.GRADIENT,
                new FisherPlusPriorMetric().requiredDerivatives());
        new FisherPlusPriorMetric().checkSupports(TARGET); // the engine is here: accepted
    }
}
