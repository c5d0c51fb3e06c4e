package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.MultivariateNormal;
import dev.hamiltorch.engine.testsupport.Matrices;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * The fused multivariate normal of a constant covariance: its values and gradients are those of the
 * chain of tensor operations (solve, product, sum, log determinant) to rounding, its first-order pass
 * gives the graph-building pass's values bit for bit, its Hessian is −Σ⁻¹, and replay equals eager
 * evaluation (also covered by {@link TapeTest}'s linear-algebra density).
 */
class ConstantCovarianceNormalTest {

    private static final SplittableRandom RNG = new SplittableRandom(21);

    @Test
    void valuesAndGradientsAreTheSolveChainsToRounding() {
        for (int d : new int[] {1, 3, 100}) {
            double[][] cov = randomCovariance(d);
            double[] mu = randomVector(d);
            ConstantCovarianceNormal fused = ConstantCovarianceNormal.ofCovariance(Tensor.of(cov));
            for (int trial = 0; trial < 5; trial++) {
                double[] at = randomVector(d);
                JvmTensor x = JvmTensor.variable(at);
                Tensor lp = fused.logProb(x, Tensor.of(mu));
                JvmTensor y = JvmTensor.variable(at);
                Tensor chain = chain(y, Tensor.of(mu), Tensor.of(cov));
                assertEquals(chain.item(), lp.item(), 1e-11 * Math.max(1, Math.abs(chain.item())), "log p, d = " + d);
                double[] g = Autodiff.grad(lp, x, false).toArray();
                double[] expected = Autodiff.grad(chain, y, false).toArray();
                for (int i = 0; i < d; i++) {
                    assertEquals(expected[i], g[i], 1e-10 * Math.max(1, Math.abs(expected[i])), "∂x" + i + ", d = " + d);
                }
            }
        }
    }

    @Test
    void theFirstOrderPassHasTheGraphBuildingPassBits() {
        int d = 7;
        double[][] cov = randomCovariance(d);
        MultivariateNormal mvn = MultivariateNormal.of(Tensor.of(randomVector(d)), Tensor.of(cov));
        double[] at = randomVector(3 * d);
        JvmTensor x = JvmTensor.variable(at, 3, d);
        Tensor lp = mvn.logProb(x).mul(Tensor.of(0.5, -2, 3)).sum(); // one density per row, weighted
        assertArrayEquals(Autodiff.grad(lp, x, true).toArray(), Autodiff.grad(lp, x, false).toArray(), 0.0);
        // with the mean differentiated too (the first-order pass then runs the graph-building rule)
        JvmTensor mu = JvmTensor.variable(randomVector(d));
        JvmTensor v = JvmTensor.variable(randomVector(d));
        Tensor both = ConstantCovarianceNormal.ofCovariance(Tensor.of(cov)).logProb(v, mu);
        Tensor[] first = Autodiff.grad(both, new Tensor[] {v, mu}, false);
        Tensor[] recorded = Autodiff.grad(both, new Tensor[] {v, mu}, true);
        assertArrayEquals(recorded[0].toArray(), first[0].toArray(), 0.0);
        assertArrayEquals(recorded[1].toArray(), first[1].toArray(), 0.0);
        double[] gv = first[0].toArray();
        double[] gmu = first[1].toArray();
        for (int i = 0; i < d; i++) {
            assertEquals(-gv[i], gmu[i], 0.0, "∂μ = −∂x");
        }
    }

    @Test
    void theHessianIsMinusThePrecision() {
        int d = 6;
        double[][] cov = randomCovariance(d);
        double[] mu = randomVector(d);
        LogDensity f = x -> MultivariateNormal.of(mu, cov).logProb(x);
        double[][] h = new AutodiffTarget(f, d).hessian(randomVector(d));
        double[][] precision = MatrixUtils.inverse(MatrixUtils.createRealMatrix(cov)).getData();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(-precision[i][j], h[i][j], 1e-10 * Math.max(1, Math.abs(precision[i][j])), "H" + i + j);
            }
        }
    }

    @Test
    void theScaleTrilFormUsesTheFactorAsGiven() {
        double[][] l = {{1.5, 0, 0}, {0.4, 0.8, 0}, {-0.3, 0.6, 2}};
        double[] mu = {1, -2, 0.5};
        double[] at = {0.3, -1, 2};
        // by hand: z = L⁻¹(x − μ), log p = −½(|z|² + 2 Σ log Lᵢᵢ + 3 log 2π)
        double z0 = (at[0] - mu[0]) / 1.5;
        double z1 = (at[1] - mu[1] - 0.4 * z0) / 0.8;
        double z2 = (at[2] - mu[2] + 0.3 * z0 - 0.6 * z1) / 2;
        double expected = -0.5 * (z0 * z0 + z1 * z1 + z2 * z2 + 2 * Math.log(1.5 * 0.8 * 2) + 3 * Math.log(2 * Math.PI));
        double lp = ConstantCovarianceNormal.ofScaleTril(Tensor.of(l)).logProb(Tensor.of(at), Tensor.of(mu)).item();
        assertEquals(expected, lp, 1e-14);
        assertTrue(MultivariateNormal.ofScaleTril(mu, l).logProb(Tensor.of(at)).item() == lp);
    }

    /** The chain {@link MultivariateNormal} evaluates for a covariance that requires gradients. */
    private static Tensor chain(Tensor x, Tensor mu, Tensor cov) {
        int d = mu.size();
        Tensor diffT = x.reshape(1, d).sub(mu).transpose();
        Tensor quadratic = cov.solve(diffT).mul(diffT).sum(0);
        return quadratic.add(cov.logdet()).add(d * Math.log(2 * Math.PI)).mul(-0.5).reshape();
    }

    /** A random covariance with correlated coordinates, scales 0.5 to 2. */
    private static double[][] randomCovariance(int d) {
        double[] scales = new double[d];
        for (int i = 0; i < d; i++) {
            scales[i] = 0.5 + 1.5 * RNG.nextDouble();
        }
        return Matrices.randomCovariance(RNG.nextLong(), d, Math.max(1, d / 2), 0.1, scales);
    }

    private static double[] randomVector(int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = RNG.nextDouble() * 4 - 2;
        }
        return v;
    }
}
