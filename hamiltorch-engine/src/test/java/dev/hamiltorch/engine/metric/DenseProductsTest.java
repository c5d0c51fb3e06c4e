package dev.hamiltorch.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.engine.testsupport.Matrices;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dense and block metric's M⁻¹p and pᵀM⁻¹p, computed column by column for speed, have the bits of the
 * row-by-row dot products they replaced (so chains are unchanged): checked against those loops, written
 * out here, on random symmetric matrices of several sizes, with the blocks at offsets.
 */
class DenseProductsTest {

    @Test
    void denseProductsHaveTheRowWiseBits() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 3, 17, 100}) {
            double[][] a = randomSpd(rng, n);
            Hamiltonian h = EuclideanMetric.hamiltonian(GaussianTarget.independent(new double[n], ones(n)),
                    InverseMass.dense(a));
            checkAgainstRows(h, new double[][][] {a}, rng, "dense " + n);
        }
    }

    @Test
    void blockProductsHaveTheRowWiseBits() {
        SplittableRandom rng = new SplittableRandom(6);
        double[][][] blocks = {randomSpd(rng, 5), randomSpd(rng, 1), randomSpd(rng, 23), randomSpd(rng, 2)};
        int d = 31;
        Hamiltonian h = EuclideanMetric.hamiltonian(GaussianTarget.independent(new double[d], ones(d)),
                InverseMass.blockDiagonal(blocks));
        checkAgainstRows(h, blocks, rng, "blocks 5, 1, 23, 2");
    }

    private static void checkAgainstRows(Hamiltonian h, double[][][] blocks, SplittableRandom rng, String name) {
        int d = h.dimension();
        double[] theta = new double[d];
        double[] v = new double[d];
        for (int trial = 0; trial < 20; trial++) {
            double[] p = new double[d];
            for (int i = 0; i < d; i++) {
                p[i] = rng.nextDouble() * 6 - 3;
            }
            h.velocity(theta, p, v);
            double[] expectedV = new double[d];
            double expectedQuadratic = 0;
            int offset = 0;
            for (double[][] a : blocks) {
                rowWiseProduct(a, p, offset, expectedV);
                expectedQuadratic += rowWiseQuadraticForm(a, p, offset);
                offset += a.length;
            }
            for (int i = 0; i < d; i++) {
                assertEquals(Double.doubleToRawLongBits(expectedV[i]), Double.doubleToRawLongBits(v[i]),
                        name + ": (M⁻¹p)[" + i + "] " + expectedV[i] + " vs " + v[i]);
            }
            double k = h.kineticEnergy(theta, p);
            assertEquals(Double.doubleToRawLongBits(0.5 * expectedQuadratic), Double.doubleToRawLongBits(k),
                    name + ": K " + 0.5 * expectedQuadratic + " vs " + k);
        }
    }

    /** outᵢ = Σⱼ Aᵢⱼ pⱼ, one dot product per row. */
    private static void rowWiseProduct(double[][] a, double[] p, int offset, double[] out) {
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[i][j] * p[offset + j];
            }
            out[offset + i] = s;
        }
    }

    /** Σᵢ pᵢ (Aᵢᵢ pᵢ + 2 Σ_{j &lt; i} Aᵢⱼ pⱼ), the inner sums one dot product per row. */
    private static double rowWiseQuadraticForm(double[][] a, double[] p, int offset) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double pi = p[offset + i];
            double off = 0;
            for (int j = 0; j < i; j++) {
                off += a[i][j] * p[offset + j];
            }
            s += pi * (a[i][i] * pi + 2 * off);
        }
        return s;
    }

    /** A random covariance, exactly symmetric (each entry computed from commuting products), scales 0.5 to 2. */
    private static double[][] randomSpd(SplittableRandom rng, int n) {
        double[] scales = new double[n];
        for (int i = 0; i < n; i++) {
            scales[i] = 0.5 + 1.5 * rng.nextDouble();
        }
        return Matrices.randomCovariance(rng.nextLong(), n, n, 1.0, scales);
    }

    private static double[] ones(int d) {
        double[] v = new double[d];
        Arrays.fill(v, 1.0);
        return v;
    }
}
