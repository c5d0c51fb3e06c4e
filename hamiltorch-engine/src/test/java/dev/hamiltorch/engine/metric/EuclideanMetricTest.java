package dev.hamiltorch.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.engine.testsupport.Allocation;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.engine.testsupport.Matrices;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EuclideanMetricTest {

    private static final EuclideanMetric METRIC = new EuclideanMetric();
    private static final double[][] DENSE = {{2.0, 0.6, -0.3, 0.0}, {0.6, 1.0, 0.2, 0.1}, {-0.3, 0.2, 0.5, -0.1},
            {0.0, 0.1, -0.1, 3.0}};
    private static final double[][] BLOCK0 = {{0.5, -0.4}, {-0.4, 2.0}};
    private static final double[][] BLOCK1 = {{4.0}};
    private static final double[][] BLOCK2 = {{1.0, 0.3, 0.2}, {0.3, 0.8, -0.1}, {0.2, -0.1, 0.6}};

    private static Hamiltonian hamiltonian(int d, InverseMass invMass) {
        GaussianTarget target = GaussianTarget.independent(new double[d], ones(d));
        return EuclideanMetric.hamiltonian(target, invMass);
    }

    private static double[] ones(int d) {
        double[] v = new double[d];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }

    /** The full M⁻¹ each structure stands for, written out. */
    static Stream<Arguments> structures() {
        double[][] blockFull = new double[6][6];
        place(blockFull, BLOCK0, 0);
        place(blockFull, BLOCK1, 2);
        place(blockFull, BLOCK2, 3);
        double[][] diag = new double[3][3];
        double[] d = {0.25, 4.0, 1.5};
        for (int i = 0; i < 3; i++) {
            diag[i][i] = d[i];
        }
        double[][] id = new double[5][5];
        for (int i = 0; i < 5; i++) {
            id[i][i] = 1;
        }
        return Stream.of(
                Arguments.of("identity", InverseMass.identity(), id),
                Arguments.of("diagonal", InverseMass.diagonal(d), diag),
                Arguments.of("dense", InverseMass.dense(DENSE), DENSE),
                Arguments.of("block-diagonal", InverseMass.blockDiagonal(BLOCK0, BLOCK1, BLOCK2), blockFull));
    }

    private static void place(double[][] full, double[][] block, int offset) {
        for (int i = 0; i < block.length; i++) {
            System.arraycopy(block[i], 0, full[offset + i], offset, block.length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void kineticEnergyAndVelocityAreTheQuadraticFormAndItsGradient(String name, InverseMass invMass, double[][] a) {
        int d = a.length;
        Hamiltonian h = hamiltonian(d, invMass);
        assertTrue(h.isSeparable());
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = 0.7 * i - 1.1 + 0.05 * i * i;
        }
        double expectedK = 0;
        double[] expectedV = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                expectedV[i] += a[i][j] * p[j];
            }
            expectedK += 0.5 * p[i] * expectedV[i];
        }
        double[] theta = new double[d];
        assertEquals(expectedK, h.kineticEnergy(theta, p), 1e-13);
        double[] v = new double[d];
        h.velocity(theta, p, v);
        for (int i = 0; i < d; i++) {
            assertEquals(expectedV[i], v[i], 1e-13, "velocity " + i);
        }
        PhasePoint point = new PhasePoint(theta, p, -1.25, new double[d]);
        assertEquals(1.25 + expectedK, h.energy(point), 1e-13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void momentumHasCovarianceMEqualToTheInverseOfInvMass(String name, InverseMass invMass, double[][] a) {
        int d = a.length;
        Hamiltonian h = hamiltonian(d, invMass);
        double[][] mass = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse().getData();
        int n = 200_000;
        double[][] sum = new double[d][d];
        double[] mean = new double[d];
        double[] p = new double[d];
        SplittableRandom rng = new SplittableRandom(42);
        for (int k = 0; k < n; k++) {
            h.sampleMomentum(rng, new double[d], p);
            for (int i = 0; i < d; i++) {
                mean[i] += p[i] / n;
                for (int j = 0; j < d; j++) {
                    sum[i][j] += p[i] * p[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            assertEquals(0, mean[i], 4.5 * Math.sqrt(mass[i][i] / n), "mean of p" + i);
            for (int j = 0; j < d; j++) {
                double cov = sum[i][j] / n;
                // the standard error of a Gaussian sample second moment: √((MᵢᵢMⱼⱼ + Mᵢⱼ²)/n)
                double se = Math.sqrt((mass[i][i] * mass[j][j] + mass[i][j] * mass[i][j]) / n);
                assertEquals(mass[i][j], cov, 4.5 * se, name + ": Cov(p" + i + ", p" + j + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void hotPathsDoNotAllocate(String name, InverseMass invMass, double[][] a) {
        int d = a.length;
        Hamiltonian h = hamiltonian(d, invMass);
        double[] theta = new double[d];
        double[] p = new double[d];
        double[] v = new double[d];
        SplittableRandom rng = new SplittableRandom(1);
        Runnable work = () -> {
            for (int k = 0; k < 10_000; k++) {
                h.sampleMomentum(rng, theta, p);
                h.velocity(theta, p, v);
                h.kineticEnergy(theta, p);
            }
        };
        for (int i = 0; i < 20; i++) {
            work.run(); // warm up
        }
        long bytes = Allocation.bytesAllocatedBy(work);
        // a single allocation per call would cost ≥ 160 kB here; allow for measurement noise only
        assertTrue(bytes < 4_096, name + ": 10000 momentum draws, velocities and energies allocated " + bytes + " bytes");
    }

    @Test
    void theHamiltonianKeepsTheTargetItWasGiven() {
        GaussianTarget target = GaussianTarget.independent(new double[2], 1, 1);
        assertSame(target, METRIC.hamiltonian(target, PluginOptions.defaults()).target());
    }

    private static IllegalArgumentException refused(int d, InverseMass invMass) {
        return assertThrows(IllegalArgumentException.class, () -> hamiltonian(d, invMass));
    }

    private static void assertMentions(IllegalArgumentException e, String... parts) {
        assertTrue(e.getMessage().contains("invMass"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void aDiagonalOfTheWrongLengthOrWithNonPositiveEntriesIsRefused() {
        assertMentions(refused(3, InverseMass.diagonal(1, 2)), "length 2", "dimension 3");
        assertMentions(refused(3, InverseMass.diagonal(1, -0.5, 2)), "invMass[1] = -0.5");
        assertMentions(refused(2, InverseMass.diagonal(0, 1)), "invMass[0] = 0.0");
        assertMentions(refused(2, InverseMass.diagonal(1, Double.NaN)), "NaN");
        assertMentions(refused(2, InverseMass.diagonal(1, Double.POSITIVE_INFINITY)), "Infinity");
    }

    @Test
    void aDenseMatrixOfTheWrongShapeIsRefused() {
        assertMentions(refused(3, InverseMass.dense(new double[][] {{1, 0}, {0, 1}})), "2×2", "3×3");
        assertMentions(refused(2, InverseMass.dense(new double[][] {{1, 0, 0}, {0, 1, 0}})), "2×3", "2×2");
        assertMentions(refused(2, InverseMass.dense(new double[][] {{1, 0}, {0}})), "lengths [2, 1]");
    }

    @Test
    void aNonSymmetricNonFiniteOrIndefiniteDenseMatrixIsRefused() {
        assertMentions(refused(2, InverseMass.dense(new double[][] {{1, 0.3}, {0.2, 1}})), "0.3", "0.2",
                "symmetric");
        assertMentions(refused(2, InverseMass.dense(new double[][] {{1, 0}, {0, Double.NaN}})),
                "invMass[1][1] = NaN");
        IllegalArgumentException e = refused(2, InverseMass.dense(new double[][] {{1, 2}, {2, 1}}));
        assertMentions(e, "not positive-definite", "-3.0");
        assertMentions(refused(2, InverseMass.dense(new double[][] {{-1, 0}, {0, 1}})), "not positive-definite");
    }

    @Test
    void roundingAsymmetryIsAccepted() {
        double[][] nearly = {{1, 0.3}, {0.3 + 1e-15, 1}};
        Hamiltonian h = hamiltonian(2, InverseMass.dense(nearly));
        assertEquals(0.5 * (1 + 0.6 + 1), h.kineticEnergy(new double[2], new double[] {1, 1}), 1e-14);
    }

    @Test
    void blocksThatDoNotCoverTheTargetOrAreBadAreRefused() {
        assertMentions(refused(4, InverseMass.blockDiagonal(BLOCK0, BLOCK1)), "cover 3", "[2, 1]", "dimension 4");
        assertMentions(refused(3, InverseMass.blockDiagonal(BLOCK0, new double[][] {{1, 2}})), "invMass.blocks[1]",
                "1×2");
        assertMentions(refused(4, InverseMass.blockDiagonal(BLOCK0, new double[][] {{1, 3}, {3, 1}})),
                "invMass.blocks[1]", "not positive-definite");
        assertMentions(refused(2, InverseMass.blockDiagonal(BLOCK0, new double[0][])), "invMass.blocks[1]", "empty");
        assertMentions(refused(3, InverseMass.blockDiagonal(BLOCK0, new double[][] {{Double.NaN}})),
                "invMass.blocks[1][0][0] = NaN");
    }

    @Test
    void isFoundAsTheEuclideanMetricPlugin() {
        Metric metric = ServiceLoader.load(Metric.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> m.name().equals(Metric.EUCLIDEAN)).findFirst().orElseThrow();
        assertEquals(EuclideanMetric.class, metric.getClass());
    }

    @Test
    void invMassIsCheckedAgainstTheTargetDimension() {
        // a valid dense matrix for one target is refused for a target of another size
        double[][] cov = Matrices.randomCovariance(3, 4, 2, 0.2, ones(4));
        hamiltonian(4, InverseMass.dense(cov));
        assertMentions(refused(5, InverseMass.dense(cov)), "4×4", "5×5");
    }
}
