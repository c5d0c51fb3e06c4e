package dev.hamiltorch.examples.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.Tensor;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final NormalDistribution V = new NormalDistribution(null, 0.0, 3.0);

    @Test
    void ksDistanceHasItsExactValues() {
        // one draw at the median: the empirical CDF jumps 0 → 1 where Φ is ½
        assertEquals(0.5, Funnel.ksDistance(new double[] {0.0}, V), 1e-15);
        // draws at ±σ: the largest gap is Φ(−1) − 0 = 1 − Φ(1)
        double phiMinusOne = 0.15865525393145707;
        assertEquals(0.5 - phiMinusOne, Funnel.ksDistance(new double[] {3.0, -3.0}, V), 1e-12);
        // far right of the distribution: every draw above all of its mass
        assertEquals(1.0, Funnel.ksDistance(new double[] {100, 200, 300}, V), 1e-15);
    }

    @Test
    void logDensityIsHamiltorchsFunnel() {
        Funnel f = new Funnel(2);
        double v = 0.7;
        double[] x = {0.3, -1.2};
        double expected = -v * v / 18 - Math.log(3) - 0.5 * Math.log(2 * Math.PI);
        for (double xi : x) {
            // N(xᵢ; 0, e^{−v}) has variance e^{−v}
            expected += -0.5 * xi * xi * Math.exp(v) + 0.5 * v - 0.5 * Math.log(2 * Math.PI);
        }
        assertEquals(expected, f.logDensity().logProb(Tensor.of(v, x[0], x[1])).item(), 1e-12);
        assertArrayEquals(new double[] {0, 1, 1}, f.initialPosition());
        assertEquals(3, f.dimension());
    }
}
