package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.Bernoulli;
import dev.hamiltorch.engine.distributions.Normal;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused Bernoulli-with-logits density and the kernels of a logistic regression's gradient: the
 * elementwise density and its gradient bit for bit those of the chain {@code Bernoulli.logProb} writes
 * otherwise; its sum's own kernel within its stated bound of adding the elements; derivatives against
 * finite differences and third derivatives against the chain's; a replayed logistic regression equal to
 * its eager evaluation bit for bit; and the matrix–vector product of a constant by its kept columns
 * equal to the row kernel bit for bit.
 */
class FusedBernoulliLogitsTest {

    /** kℓ − softplus(ℓ) restricted to k ∈ {0, 1}: what Bernoulli.logProb builds without the fused operation. */
    private static Tensor chain(Tensor logits, Tensor value) {
        Tensor inside = SupportRestriction.indicator(value, k -> k == 0 || k == 1);
        Tensor k = SupportRestriction.guard(value, inside, 0.0);
        return SupportRestriction.restrict(k.mul(logits).sub(logits.softplus()), inside);
    }

    private static double[] uniform(long seed, int n, double lo, double hi) {
        return DerivativeCheck.uniform(seed, n, lo, hi);
    }

    private static double[] outcomes(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
        }
        return y;
    }

    static Stream<Arguments> elementwiseCases() {
        double[] wide = uniform(3, 12, -40, 40);
        wide[0] = 0.0;
        wide[1] = -0.0;
        wide[2] = 745.5; // e^ℓ overflows: softplus must not
        wide[3] = -745.5;
        return Stream.of(
                Arguments.of("outcomes in {0, 1}, ℓ in (−3, 3)", uniform(1, 12, -3, 3), outcomes(2, 12)),
                Arguments.of("outcomes in {0, 1}, wide ℓ with ±0 and ±745.5", wide, outcomes(4, 12)),
                Arguments.of("outcomes outside the support and NaN", uniform(5, 6, -3, 3),
                        new double[] {1, 2, 0, -1, Double.NaN, 0.5}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void elementsAndGradientsAreThoseOfTheChainBitForBit(String name, double[] logits, double[] y) {
        int[] shape = {2, logits.length / 2};
        JvmTensor l = JvmTensor.variable(logits, shape);
        Tensor value = Tensor.of(y, shape);
        Tensor fused = FusedDensities.bernoulliLogitsLogProb(l, value);
        Tensor chain = chain(l, value);
        assertBits(chain.toArray(), fused.toArray(), name + ": values");
        // a weighted sum sees every element's gradient (and not the sum's own kernel)
        Tensor w = Tensor.of(uniform(9, logits.length, 0.5, 1.5), shape);
        for (boolean createGraph : new boolean[] {false, true}) {
            Tensor gf = Autodiff.grad(fused.mul(w).sum(), l, createGraph);
            Tensor gc = Autodiff.grad(chain.mul(w).sum(), l, createGraph);
            assertBits(gc.toArray(), gf.toArray(), name + ": gradient, createGraph " + createGraph);
        }
    }

    @Test
    void outcomesThatNeedGradientsOrBroadcastKeepTheChain() {
        Tensor l = JvmTensor.variable(new double[] {0.3, -0.2});
        assertNull(FusedDensities.bernoulliLogitsLogProb(l, JvmTensor.variable(new double[] {1, 0})));
        assertNull(FusedDensities.bernoulliLogitsLogProb(l, Tensor.of(1.0)));
        assertNull(FusedDensities.bernoulliLogitsLogProb(JvmTensor.variable(new double[] {0.3}), Tensor.of(1, 0)));
    }

    /**
     * The sum's kernel (logs of products of 32 factors 1 + e^−|ℓ|) against adding the elements, which
     * the chain does: the stated bound n·2⁻⁵² plus the addition's own rounding, n·2⁻⁵³·Σ|elements|.
     */
    @Test
    void theSumsKernelIsWithinItsBoundOfAddingTheElements() {
        for (int n : new int[] {1, 31, 32, 33, 1000}) {
            for (long seed = 1; seed <= 3; seed++) {
                double[] logits = uniform(seed, n, -8, 8);
                Tensor value = Tensor.of(outcomes(seed + 100, n));
                Tensor density = FusedDensities.bernoulliLogitsLogProb(JvmTensor.variable(logits), value);
                double added = 0;
                double magnitude = 0;
                for (double v : density.toArray()) {
                    added += v;
                    magnitude += Math.abs(v);
                }
                double bound = n * 0x1p-52 * 2 + n * 0x1p-53 * magnitude;
                double sum = density.sum().item();
                assertEquals(added, sum, bound, "n " + n + ", seed " + seed);
            }
        }
    }

    @Test
    void theSumsSpecialValuesAreThoseOfAddingTheElements() {
        Tensor l = JvmTensor.variable(new double[] {0.5, -1.0, 2.0});
        assertEquals(Double.NEGATIVE_INFINITY,
                FusedDensities.bernoulliLogitsLogProb(l, Tensor.of(1, 2, 0)).sum().item());
        assertTrue(Double.isNaN(FusedDensities.bernoulliLogitsLogProb(l, Tensor.of(1, Double.NaN, 0)).sum().item()));
        Tensor nanLogit = JvmTensor.variable(new double[] {0.5, Double.NaN});
        assertTrue(Double.isNaN(FusedDensities.bernoulliLogitsLogProb(nanLogit, Tensor.of(1, 0)).sum().item()));
        // outside the support the element is −∞ whatever ℓ, as the restriction makes it
        assertEquals(Double.NEGATIVE_INFINITY,
                FusedDensities.bernoulliLogitsLogProb(nanLogit, Tensor.of(1, 3)).sum().item());
        Tensor infinite = JvmTensor.variable(new double[] {Double.NEGATIVE_INFINITY, 1.0});
        assertEquals(Double.NEGATIVE_INFINITY,
                FusedDensities.bernoulliLogitsLogProb(infinite, Tensor.of(1, 0)).sum().item());
        assertTrue(Double.isNaN(FusedDensities.bernoulliLogitsLogProb(JvmTensor.variable(new double[] {Double.POSITIVE_INFINITY}),
                Tensor.of(1)).sum().item()));
    }

    static Stream<Arguments> derivativeCases() {
        return Stream.of(
                Arguments.of(new double[] {0.7, -1.3, 2.2, -0.1, 0.4}, new double[] {1, 0, 1, 1, 0}),
                // outside the support (at a NaN outcome the density and, as the chain's, its gradient are NaN)
                Arguments.of(new double[] {0.7, -1.3, 2.2, -0.1, 0.4}, new double[] {1, 2, 1, 0.5, 0}));
    }

    /** Gradient and Hessian of a probe of the density against central differences. */
    @ParameterizedTest
    @MethodSource("derivativeCases")
    void derivativesMatchFiniteDifferences(double[] logits, double[] y) {
        Tensor value = Tensor.of(y);
        // the probe's sin would make −∞ a NaN: probe the elements inside the support
        double[] in = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            in[i] = y[i] == 0 || y[i] == 1 ? 1 : 0;
        }
        Tensor inside = Tensor.of(in);
        DerivativeCheck.check(DerivativeCheck.named("bernoulli(logits)", logits, new int[] {logits.length},
                l -> DerivativeCheck.probe(Elementwise.where(JvmTensor.of(inside),
                        JvmTensor.of(FusedDensities.bernoulliLogitsLogProb(l, value)), JvmTensor.scalarConstant(0.0))))
                .getPayload());
    }

    private static final int ROWS = 70; // above the column kernel's 64 rows
    private static final int K = 4;

    private static LogDensity logistic(Tensor x, Tensor y, boolean fused) {
        Normal prior = Normal.of(0.0, 1.0);
        return w -> {
            Tensor logits = x.matvec(w);
            Tensor likelihood = fused ? Bernoulli.of(logits).logProb(y) : chain(logits, y);
            return likelihood.sum().add(prior.logProb(w).sum());
        };
    }

    /** Third derivatives (what RMHMC's SoftAbs metric contracts) through the fused rule equal the chain's. */
    @Test
    void thirdDerivativesAreThoseOfTheChain() {
        Tensor x = Tensor.of(uniform(21, ROWS * K, -1, 1), ROWS, K);
        Tensor y = Tensor.of(outcomes(22, ROWS));
        double[] theta = {0.3, -0.6, 0.9, 0.1};
        AutodiffTarget fused = new AutodiffTarget(logistic(x, y, true), K);
        AutodiffTarget chain = new AutodiffTarget(logistic(x, y, false), K);
        double[][] hf = fused.hessian(theta);
        double[][] hc = chain.hessian(theta);
        double[][][] tf = fused.thirdDerivatives(theta);
        double[][][] tc = chain.thirdDerivatives(theta);
        for (int i = 0; i < K; i++) {
            DerivativeCheck.assertClose("H[" + i + "]", hc[i], hf[i], 1e-12);
            for (int j = 0; j < K; j++) {
                DerivativeCheck.assertClose("T[" + i + "][" + j + "]", tc[i][j], tf[i][j], 1e-12);
            }
        }
    }

    /**
     * A logistic regression replayed (matrix product by the columns, the density fused with its sum)
     * against its eager evaluation, bit for bit, at 30 points; and its gradient against the chain's
     * gradient bit for bit (the value differs by the sum's kernel only, within its bound). Both data
     * sizes: the column kernels (70 rows) and the row kernel (20).
     */
    @ParameterizedTest
    @MethodSource("rows")
    void aReplayedLogisticRegressionIsItsEagerEvaluationBitForBit(int rows) {
        Tensor x = Tensor.of(uniform(31, rows * K, -2, 2), rows, K);
        Tensor y = Tensor.of(outcomes(32, rows));
        AutodiffTarget replayed = new AutodiffTarget(logistic(x, y, true), K);
        AutodiffTarget eager = new AutodiffTarget(logistic(x, y, true), K, false);
        AutodiffTarget chain = new AutodiffTarget(logistic(x, y, false), K, false);
        SplittableRandom random = new SplittableRandom(33);
        for (int step = 0; step < 30; step++) {
            double[] theta = new double[K];
            for (int i = 0; i < K; i++) {
                theta[i] = random.nextDouble(-2, 2);
            }
            double[] g = new double[K];
            double[] ge = new double[K];
            double[] gc = new double[K];
            double lp = replayed.logDensityAndGradient(theta, g);
            assertTrue(replayed.replays());
            assertEquals(eager.logDensityAndGradient(theta, ge), lp, 0.0, "value, step " + step);
            assertBits(ge, g, "gradient, step " + step);
            assertEquals(eager.logDensity(theta), replayed.logDensity(theta), 0.0, "logDensity, step " + step);
            double lc = chain.logDensityAndGradient(theta, gc);
            assertBits(gc, g, "gradient against the chain's, step " + step);
            assertEquals(lc, lp, rows * 0x1p-52 * 2 + rows * 0x1p-53 * (Math.abs(lc) + rows), "value against the chain's");
        }
    }

    static Stream<Integer> rows() {
        return Stream.of(ROWS, 20);
    }

    /** A constant matrix's product and Aᵀg by its kept columns equal the row kernel's (a matrix that requires gradients). */
    @Test
    void theColumnKernelsGiveTheRowKernelsBits() {
        for (int[] size : new int[][] {{64, 1}, {70, 4}, {130, 25}, {1000, 7}}) {
            int m = size[0];
            int n = size[1];
            double[] a = uniform(41, m * n, -3, 3);
            double[] v = uniform(42, n, -2, 2);
            JvmTensor constant = JvmTensor.constant(a, m, n);
            JvmTensor variable = JvmTensor.variable(a, m, n);
            JvmTensor vc = JvmTensor.variable(v);
            JvmTensor vv = JvmTensor.variable(v);
            Tensor first = LinearAlgebra.matvec(constant, vc); // by rows: the columns are copied at the second
            Tensor wc = LinearAlgebra.matvec(constant, vc);
            Tensor wv = LinearAlgebra.matvec(variable, vv);
            assertTrue(constant.columns.length == n && variable.columns == null, "only the constant keeps its columns");
            assertBits(wv.toArray(), first.toArray(), m + "×" + n + ": A v, first product");
            assertBits(wv.toArray(), wc.toArray(), m + "×" + n + ": A v");
            Tensor weights = Tensor.of(uniform(43, m, -1, 1));
            assertBits(Autodiff.grad(wv.mul(weights).sum(), vv, false).toArray(),
                    Autodiff.grad(wc.mul(weights).sum(), vc, false).toArray(), m + "×" + n + ": Aᵀ g");
            // the accumulate pass (no graph) and the rule's apply give the same bits too
            assertBits(Autodiff.grad(wc.mul(weights).sum(), vc, true).toArray(),
                    Autodiff.grad(wc.mul(weights).sum(), vc, false).toArray(), m + "×" + n + ": recorded Aᵀ g");
        }
    }

    /**
     * A normal density of θ with one-value μ and σ (a prior), summed: its gradient by arrays (eager and
     * replayed, one loop reading μ and σ at stride 0) equals its differentiable rule's bit for bit, and
     * the replayed value (one loop) the eager one.
     */
    @Test
    void aPriorWithOneValueParametersIsReplayedInOneLoopWithTheRulesBits() {
        for (Tensor[] parameters : new Tensor[][] {{Tensor.scalar(0.0), Tensor.scalar(1.0)},
                                                   {Tensor.of(0.5), Tensor.of(2.5)},
                                                   {Tensor.of(uniform(51, 6, -1, 1)), Tensor.scalar(0.7)}}) {
            Normal prior = Normal.of(parameters[0], parameters[1]);
            LogDensity density = w -> prior.logProb(w).sum();
            double[] theta = uniform(52, 6, -2, 2);
            JvmTensor w = JvmTensor.variable(theta);
            Tensor lp = density.logProb(w);
            double[] byRule = Autodiff.grad(lp, w, true).toArray();
            AutodiffTarget replayed = new AutodiffTarget(density, 6);
            AutodiffTarget eager = new AutodiffTarget(density, 6, false);
            for (int step = 0; step < 3; step++) {
                double[] g = new double[6];
                double[] ge = new double[6];
                assertEquals(eager.logDensityAndGradient(theta, ge), replayed.logDensityAndGradient(theta, g), 0.0);
                assertBits(byRule, ge, "eager gradient by arrays");
                assertBits(byRule, g, "replayed gradient, step " + step);
            }
            assertTrue(replayed.replays());
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " [" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }
}
