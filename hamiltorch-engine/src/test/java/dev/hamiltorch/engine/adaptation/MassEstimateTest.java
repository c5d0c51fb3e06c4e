package dev.hamiltorch.engine.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.adaptation.MetricAdaptation;
import org.junit.jupiter.api.Test;

/** The window's inverse mass from known draws, computed by hand. */
class MassEstimateTest {

    private static final double[][] DRAWS = {{1, 2}, {2, 0}, {3, 5}, {6, 1}};
    private static final double[][] GRADIENTS = {{-1, 4}, {0, 2}, {-3, 3}, {2, 1}};

    private static MassEstimate fill(MetricAdaptation kind) {
        MassEstimate e = MassEstimate.empty(kind, 2);
        for (int i = 0; i < DRAWS.length; i++) {
            e = e.add(DRAWS[i], GRADIENTS[i]);
        }
        return e;
    }

    @Test
    void diagonalIsTheShrunkVariance() {
        // x₀: mean 3, var (4 + 1 + 0 + 9)/3 = 14/3; x₁: mean 2, var (0 + 4 + 9 + 1)/3 = 14/3
        double w = 4.0 / 9;
        double ridge = 1e-3 * 5 / 9;
        InverseMass m = fill(MetricAdaptation.DIAG).inverseMass(InverseMass.identity());
        assertArrayEquals(new double[] {w * 14 / 3 + ridge, w * 14 / 3 + ridge},
                ((InverseMass.Diagonal) m).values(), 1e-14);
    }

    @Test
    void denseIsTheShrunkCovariance() {
        // cov(x₀, x₁) = ((−2)(0) + (−1)(−2) + (0)(3) + (3)(−1))/3 = −1/3
        double w = 4.0 / 9;
        double ridge = 1e-3 * 5 / 9;
        InverseMass m = fill(MetricAdaptation.DENSE).inverseMass(InverseMass.identity());
        double[][] expected = {{w * 14 / 3 + ridge, -w / 3}, {-w / 3, w * 14 / 3 + ridge}};
        double[][] got = ((InverseMass.Dense) m).matrix();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(expected[i], got[i], 1e-14);
        }
    }

    @Test
    void diagThenDenseIsDiagonalBelowTwoDrawsPerParameterAndDenseFrom() {
        // 3 draws of 2 parameters: fewer than 2·2, so diag's estimate from the same sums
        MassEstimate three = MassEstimate.empty(MetricAdaptation.DIAG_THEN_DENSE, 2);
        MassEstimate diagonal = MassEstimate.empty(MetricAdaptation.DIAG, 2);
        for (int i = 0; i < 3; i++) {
            three = three.add(DRAWS[i], GRADIENTS[i]);
            diagonal = diagonal.add(DRAWS[i], GRADIENTS[i]);
        }
        assertEquals(diagonal.inverseMass(InverseMass.identity()), three.inverseMass(InverseMass.identity()));
        // 4 draws: dense's estimate, bit for bit
        assertEquals(fill(MetricAdaptation.DENSE).inverseMass(InverseMass.identity()),
                fill(MetricAdaptation.DIAG_THEN_DENSE).inverseMass(InverseMass.identity()));
        assertEquals(MetricAdaptation.DIAG_THEN_DENSE, MetricAdaptation.of("diag_then_dense"));
    }

    @Test
    void fisherDiagonalIsTheRootOfTheVarianceRatio() {
        // gradients: g₀ mean −1/2, var (0.25 + 0.25 + 6.25 + 6.25)/3 = 13/3; g₁ mean 5/2, var (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3
        InverseMass m = fill(MetricAdaptation.FISHER_DIAG).inverseMass(InverseMass.identity());
        assertArrayEquals(new double[] {Math.sqrt(14.0 / 13), Math.sqrt(14.0 / 5)},
                ((InverseMass.Diagonal) m).values(), 1e-14);
    }

    @Test
    void fisherDiagonalIsExactOnAGaussian() {
        // for N(0, diag(σ²)) the gradient is −θ/σ², so var(g) = var(θ)/σ⁴ and the estimate is σ² whatever the draws
        double[] variance = {0.01, 4};
        MassEstimate e = MassEstimate.empty(MetricAdaptation.FISHER_DIAG, 2);
        double[][] draws = {{0.3, -2}, {-0.1, 1}, {0.05, 3.5}, {0.2, 0.1}, {-0.4, -1}};
        for (double[] x : draws) {
            e = e.add(x, new double[] {-x[0] / variance[0], -x[1] / variance[1]});
        }
        assertArrayEquals(variance, ((InverseMass.Diagonal) e.inverseMass(InverseMass.identity())).values(), 1e-12);
    }

    @Test
    void tooFewOrNonFiniteDrawsKeepThePreviousMass() {
        InverseMass previous = InverseMass.diagonal(2, 3);
        MassEstimate one = MassEstimate.empty(MetricAdaptation.DIAG, 2).add(new double[] {1, 1}, new double[] {0, 0});
        assertSame(previous, one.inverseMass(previous));
        MassEstimate infinite = one.add(new double[] {Double.POSITIVE_INFINITY, 1}, new double[] {0, 0});
        assertSame(previous, infinite.inverseMass(previous));
        assertEquals(2, infinite.count());
    }
}
