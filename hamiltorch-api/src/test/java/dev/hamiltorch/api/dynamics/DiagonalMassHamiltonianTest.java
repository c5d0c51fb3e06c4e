package dev.hamiltorch.api.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The diagonal Euclidean Hamiltonian: its kinetic energy, velocity and momentum law, by hand; bad masses refused. */
class DiagonalMassHamiltonianTest {

    /** log π(θ) = −|θ|²/2 in {@code d} dimensions. */
    private static Target gaussian(int d) {
        return new Target() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double logDensity(double[] theta) {
                return logDensityAndGradient(theta, new double[d]);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    gradient[i] = -theta[i];
                    s -= 0.5 * theta[i] * theta[i];
                }
                return s;
            }

            @Override
            public Target copy() {
                return this; // stateless
            }
        };
    }

    @Test
    void kineticEnergyVelocityAndEnergyByHand() {
        DiagonalMassHamiltonian h = new DiagonalMassHamiltonian(gaussian(2), 4.0, 0.25);
        double[] p = {1, -2};
        // ½ (4·1 + 0.25·4) = 2.5
        assertEquals(2.5, h.kineticEnergy(new double[2], p), 0);
        double[] v = new double[2];
        h.velocity(new double[2], p, v);
        assertArrayEquals(new double[] {4, -0.5}, v, 0);
        // H = −log π + K = ½(1 + 1) + 2.5
        assertEquals(3.5, h.energy(new PhasePoint(new double[] {1, 1}, p, -1, new double[] {-1, -1})), 1e-15);
        assertEquals(InverseMass.diagonal(4.0, 0.25), h.inverseMass());
        assertEquals(InverseMass.diagonal(1.0, 1.0), new DiagonalMassHamiltonian(gaussian(2)).inverseMass());
    }

    /** pᵢ = zᵢ / √dᵢ: the draws of the same stream, scaled by 1/√dᵢ; sd 1/√dᵢ over many draws. */
    @Test
    void momentumIsDrawnFromTheMassMatricesNormalLaw() {
        DiagonalMassHamiltonian h = new DiagonalMassHamiltonian(gaussian(2), 4.0, 0.25);
        double[] p = new double[2];
        h.sampleMomentum(new SplittableRandom(3), new double[2], p);
        SplittableRandom same = new SplittableRandom(3);
        assertEquals(same.nextGaussian() * 0.5, p[0], 0);
        assertEquals(same.nextGaussian() * 2.0, p[1], 0);
        SplittableRandom rng = new SplittableRandom(1);
        double[] squares = new double[2];
        int n = 200_000;
        for (int k = 0; k < n; k++) {
            h.sampleMomentum(rng, new double[2], p);
            squares[0] += p[0] * p[0] / n;
            squares[1] += p[1] * p[1] / n;
        }
        // E pᵢ² = 1/dᵢ; the estimate's sd is √(2/n)/dᵢ, 0.0032 relative: 5 sd allowed
        assertEquals(0.25, squares[0], 0.25 * 5 * Math.sqrt(2.0 / n));
        assertEquals(4.0, squares[1], 4.0 * 5 * Math.sqrt(2.0 / n));
    }

    @Test
    void withInverseMassTakesAnIdentityOrADiagonalOnly() {
        DiagonalMassHamiltonian h = new DiagonalMassHamiltonian(gaussian(2), 4.0, 0.25);
        assertEquals(InverseMass.diagonal(2.0, 3.0), h.withInverseMass(InverseMass.diagonal(2.0, 3.0)).inverseMass());
        assertEquals(InverseMass.diagonal(1.0, 1.0), h.withInverseMass(InverseMass.identity()).inverseMass());
        IllegalArgumentException dense = assertThrows(IllegalArgumentException.class,
                () -> h.withInverseMass(InverseMass.dense(new double[][] {{1, 0}, {0, 1}})));
        assertEquals("inverseMass = " + InverseMass.dense(new double[][] {{1, 0}, {0, 1}})
                + ": a DiagonalMassHamiltonian takes an identity or diagonal inverse mass only", dense.getMessage());
    }

    @Test
    void badInverseMassesAreRefusedByName() {
        assertEquals("invMass is a diagonal of length 1 but the target has dimension 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new DiagonalMassHamiltonian(gaussian(2), 1.0)).getMessage());
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("invMass[1] = " + bad + ": diagonal entries must be positive and finite",
                    assertThrows(IllegalArgumentException.class,
                            () -> new DiagonalMassHamiltonian(gaussian(2), 1.0, bad)).getMessage());
        }
    }
}
