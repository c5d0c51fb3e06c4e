package dev.hamiltorch.engine.distributions;

import static dev.hamiltorch.engine.distributions.Checks.assertClose;
import static dev.hamiltorch.engine.distributions.Checks.assertGradient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hamiltorch.api.tensor.Tensor;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

/**
 * Multivariate normal log densities against commons-math3's {@link MultivariateNormalDistribution}, for
 * the covariance, Cholesky-factor and precision forms, vector and batched values, and gradients.
 *
 * <p>NEEDS the operations being implemented on the ops branch: {@code solve} (with a matrix right-hand
 * side [d, n]), {@code logdet}, {@code matmul}, {@code transpose} and {@code sum(axis)}. Run after
 * merging them; until then every test here fails with UnsupportedOperationException.
 */
class MultivariateNormalTest {

    private static final double[] LOC = {1, -2, 0.5};
    private static final double[][] SCALE_TRIL = {{1.5, 0, 0}, {0.4, 0.8, 0}, {-0.3, 0.6, 2}};
    private static final double[][] COV = product(SCALE_TRIL);
    private static final double[][] POINTS = {{0.3, -1, 2}, {1, -2, 0.5}, {-4, 3, 10}, {2, 2, 2}};

    /** L Lᵀ. */
    private static double[][] product(double[][] l) {
        int d = l.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    c[i][j] += l[i][k] * l[j][k];
                }
            }
        }
        return c;
    }

    private static double reference(double[] loc, double[][] cov, double[] x) {
        return Math.log(new MultivariateNormalDistribution(loc, cov).density(x));
    }

    private static double[][] inverse(double[][] m) {
        return MatrixUtils.inverse(MatrixUtils.createRealMatrix(m)).getData();
    }

    @Test
    void vectorValueGivesAScalar() {
        MultivariateNormal mvn = MultivariateNormal.of(LOC, COV);
        for (double[] x : POINTS) {
            Tensor lp = mvn.logProb(Tensor.of(x));
            assertArrayEquals(new int[0], lp.shape());
            assertClose(reference(LOC, COV, x), lp.item(), "covariance form");
        }
    }

    @Test
    void scaleTrilAndPrecisionFormsAgree() {
        MultivariateNormal tril = MultivariateNormal.ofScaleTril(LOC, SCALE_TRIL);
        double[][] precision = inverse(COV);
        MultivariateNormal prec = MultivariateNormal.ofPrecision(LOC, precision);
        double[][] covFromPrecision = inverse(precision);
        for (double[] x : POINTS) {
            assertClose(reference(LOC, COV, x), tril.logProb(Tensor.of(x)).item(), "scaleTril form");
            assertClose(reference(LOC, covFromPrecision, x), prec.logProb(Tensor.of(x)).item(), "precision form");
        }
        double[] c = prec.covariance().toArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertClose(covFromPrecision[i][j], c[i * 3 + j], "covariance()[" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void batchOfVectorsGivesOneDensityEach() {
        Tensor batch = Tensor.of(POINTS);
        for (MultivariateNormal mvn : new MultivariateNormal[] {MultivariateNormal.of(LOC, COV),
                MultivariateNormal.ofScaleTril(LOC, SCALE_TRIL), MultivariateNormal.ofPrecision(LOC, inverse(COV))}) {
            Tensor lp = mvn.logProb(batch);
            assertArrayEquals(new int[] {4}, lp.shape());
            for (int i = 0; i < 4; i++) {
                assertClose(reference(LOC, COV, POINTS[i]), lp.get(i), mvn + ", row " + i);
            }
            // a [2, 2, 3] batch gives [2, 2]
            Tensor nested = mvn.logProb(batch.reshape(2, 2, 3));
            assertArrayEquals(new int[] {2, 2}, nested.shape());
            assertClose(reference(LOC, COV, POINTS[3]), nested.get(1, 1), mvn + ", [1, 1]");
        }
    }

    @Test
    void oneDimensionIsTheNormal() {
        MultivariateNormal mvn = MultivariateNormal.of(new double[] {0.5}, new double[][] {{4}});
        assertClose(Normal.of(0.5, 2).logProb(Tensor.scalar(-1.2)).item(), mvn.logProb(Tensor.of(-1.2)).item(), "d = 1");
    }

    @Test
    void gradientsInValueAndLoc() {
        Tensor loc = Tensor.of(LOC);
        Tensor cov = Tensor.of(COV);
        Tensor x = Tensor.of(POINTS[0]);
        assertGradient(v -> MultivariateNormal.of(loc, cov).logProb(v), POINTS[0], 3);
        assertGradient(m -> MultivariateNormal.of(m, cov).logProb(x), LOC, 3);
        assertGradient(v -> MultivariateNormal.ofPrecision(loc, Tensor.of(inverse(COV))).logProb(v), POINTS[2], 3);
        // over a batch: the sum of the rows' densities
        assertGradient(v -> MultivariateNormal.of(loc, cov).logProb(v).sum(), flatten(POINTS), 4, 3);
    }

    @Test
    void gradientsInTheCovarianceParameters() {
        Tensor loc = Tensor.of(LOC);
        Tensor x = Tensor.of(POINTS[2]);
        // a symmetric direction B, so the check does not depend on how an asymmetric perturbation is read
        Tensor a = Tensor.of(COV);
        Tensor b = Tensor.of(new double[][] {{0.5, 0.1, 0}, {0.1, -0.2, 0.3}, {0, 0.3, 1}});
        assertGradient(t -> MultivariateNormal.of(loc, a.add(b.mul(t))).logProb(x), new double[] {0.1});
        assertGradient(t -> MultivariateNormal.ofPrecision(loc, Tensor.of(inverse(COV)).add(b.mul(t))).logProb(x),
                new double[] {0.05});
        // the mask keeps the perturbed factor lower-triangular (upper entries get a zero gradient)
        Tensor lower = Tensor.of(new double[][] {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}});
        assertGradient(l -> MultivariateNormal.ofScaleTril(loc, l.mul(lower)).logProb(x), flatten(SCALE_TRIL), 3, 3);
    }

    private static double[] flatten(double[][] rows) {
        double[] out = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }
}
