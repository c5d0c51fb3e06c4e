package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.Beta;
import dev.hamiltorch.engine.distributions.Cauchy;
import dev.hamiltorch.engine.distributions.Exponential;
import dev.hamiltorch.engine.distributions.Gamma;
import dev.hamiltorch.engine.distributions.HalfCauchy;
import dev.hamiltorch.engine.distributions.HalfNormal;
import dev.hamiltorch.engine.distributions.Laplace;
import dev.hamiltorch.engine.distributions.LogNormal;
import dev.hamiltorch.engine.distributions.MultivariateNormal;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.distributions.StudentT;
import dev.hamiltorch.engine.distributions.Uniform;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replayed graph gives, at every θ, the log density and gradient of running the density's code
 * there, bit for bit; and a density whose code depends on θ outside the graph is never replayed.
 */
class TapeTest {

    private static final int D = 4;
    private static final Tensor MU = Tensor.of(0.5, -1, 2, 0);
    private static final Tensor SIGMA = Tensor.of(1, 2, 0.5, 3);
    private static final Tensor ROW = Tensor.of(new double[] {0.2, -0.4}, 1, 2);
    private static final Tensor CAPTURED = JvmTensor.variable(new double[] {0.3, 0.7, -0.2, 1.1}).mul(2.0);

    /** Densities built from every operation a tape recomputes, in each of its layouts. */
    static List<Arguments> replayable() {
        return List.of(
                Arguments.of("fused normal, one shape", (LogDensity) x -> Normal.of(MU, SIGMA).logProb(x).sum()),
                Arguments.of("fused normal read twice, so its sum is not fused", (LogDensity) x -> {
                    Tensor lp = Normal.of(MU, SIGMA).logProb(x);
                    return lp.sum().add(lp.mul(x).sum());
                }),
                Arguments.of("fused normal of a scalar", (LogDensity) x -> Normal.of(0.5, 2).logProb(x.index(1)).sum()
                        .add(x.sum())),
                Arguments.of("fused normal, broadcast scalar σ",
                        (LogDensity) x -> Normal.of(MU, Tensor.scalar(0.7)).logProb(x).sum()),
                Arguments.of("fused normal, σ depending on θ (the funnel)", (LogDensity) x -> {
                    Tensor v = x.index(0);
                    return Normal.of(Tensor.scalar(0.3), v.mul(0.5).exp()).logProb(x.slice(0, 1, D)).sum()
                            .add(Normal.of(0, 3).logProb(v));
                }),
                Arguments.of("binary operations, same shapes and scalars on either side", (LogDensity) x -> {
                    Tensor s = x.index(2);
                    return x.add(MU).mul(x.sub(SIGMA)).div(SIGMA).sum()
                            .add(s.mul(x).sum()).add(x.div(s.add(5.0)).sum()).sub(s.sub(x).square().sum());
                }),
                Arguments.of("binary operations broadcast over a matrix", (LogDensity) x -> {
                    Tensor column = x.slice(0, 0, 2).reshape(2, 1);
                    return column.mul(ROW).add(ROW.sub(column)).div(column.exp()).sum();
                }),
                Arguments.of("unary operations", (LogDensity) x -> x.exp().add(x.square().add(1.0).log())
                        .add(x.square().log1p()).add(x.mul(0.1).expm1()).add(x.square().add(0.5).sqrt())
                        .add(x.sin()).add(x.cos()).add(x.tanh()).add(x.sigmoid()).add(x.softplus())
                        .add(x.abs()).add(x.relu()).mul(0.25).sum()),
                Arguments.of("unbounded supports: Laplace, Cauchy, StudentT", (LogDensity) x -> Laplace.of(0, 2)
                        .logProb(x).sum().add(Cauchy.of(Tensor.scalar(1), x.index(0).exp()).logProb(x.index(3)))
                        .add(StudentT.of(4, 0.5, 1.5).logProb(x).sum())),
                Arguments.of("Cauchy, HalfCauchy and StudentT far in the tails, |z| on both sides of 2^500",
                        (LogDensity) x -> Cauchy.of(0, 1).logProb(x.mul(2e150)).sum()
                                .add(HalfCauchy.of(1).logProb(x.abs().mul(1e300)).sum())
                                .add(StudentT.of(Tensor.scalar(3), x.index(1), x.index(2).exp()).logProb(x.mul(1e200)).sum())),
                Arguments.of("relu of NaN and lgamma of +∞ replay as the eager non-finite values",
                        (LogDensity) x -> x.log().relu().sum().add(x.mul(400).exp().lgamma().sum())),
                Arguments.of("powers, lgamma, digamma, clamp, where with a constant condition", (LogDensity) x -> {
                    Tensor positive = x.exp();
                    return positive.pow(1.7).add(positive.pow(0.5)).add(positive.pow(x.mul(0.3)))
                            .add(positive.lgamma()).add(positive.add(1.0).digamma()).add(x.clamp(-0.5, 0.7))
                            .add(Tensor.where(Tensor.of(1, 0, 1, 0), x.square(), x.sin())).sum();
                }),
                Arguments.of("max, sums and log-sum-exps over an axis", (LogDensity) x -> {
                    Tensor m = x.mul(Tensor.of(new double[] {1, -2, 0.5, 3, 1, 1, -1, 2}, 2, 4));
                    return m.max().add(m.max(1).sum()).add(m.sum(0).square().sum()).add(m.logSumExp(1).sum())
                            .add(m.mean(0).sum());
                }),
                Arguments.of("dot, matvec, matmul, transpose", (LogDensity) x -> {
                    Tensor a = Tensor.of(new double[] {1, 2, 0.5, -1, 0.3, 0.7, 2, -0.4}, 2, 4);
                    Tensor w = x.reshape(4, 1);
                    return a.matvec(x).square().sum().add(x.dot(x.sin())).add(a.matmul(w).sum())
                            .add(w.transpose().matmul(w).sum());
                }),
                Arguments.of("cholesky, solve and logdet of a matrix of θ; a multivariate normal", (LogDensity) x -> {
                    Tensor m = x.reshape(2, 2);
                    Tensor spd = m.matmul(m.transpose()).add(Tensor.of(new double[] {1, 0, 0, 1}, 2, 2));
                    return spd.logdet().add(spd.solve(Tensor.of(1, -2)).sum()).add(spd.cholesky().sum())
                            .add(MultivariateNormal.of(new double[] {0.5, -1, 0, 1}, new double[][] {
                                {2, 0.5, 0, 0}, {0.5, 1, 0.2, 0}, {0, 0.2, 1.5, 0.3}, {0, 0, 0.3, 1}}).logProb(x));
                }),
                Arguments.of("concat and stack", (LogDensity) x -> Tensor.concat(0, x, x.square(), x.index(1).reshape(1))
                        .mul(Tensor.of(1, 2, 3, 4, 5, 6, 7, 8, 9)).sum()
                        .add(Tensor.stack(1, x.sin(), x.cos()).matvec(Tensor.of(0.5, -1)).sum())),
                Arguments.of("log-sum-exp", (LogDensity) x -> x.mul(3.0).logSumExp().add(x.square().sum())),
                Arguments.of("bounded supports, θ inside and outside (the indicator replays)", (LogDensity) x -> {
                    Tensor positive = x.exp();
                    return LogNormal.of(0, 1).logProb(positive).sum()
                            .add(HalfCauchy.of(x.index(0).exp()).logProb(Tensor.of(1, 2)).sum())
                            .add(Gamma.of(Tensor.scalar(2), positive).logProb(Tensor.of(0.5, 1, 2, 3)).sum())
                            .add(Beta.of(2, 3).logProb(x.sigmoid()).sum())
                            .add(Exponential.of(1.5).logProb(x.index(1)).add(HalfNormal.of(2).logProb(x.index(2))))
                            .add(Uniform.of(-1, 1.5).logProb(x.index(3)));
                }),
                Arguments.of("scalar operations, mean, reshape, slice and index", (LogDensity) x -> x.mul(3.0)
                        .add(-1.5).div(2.0).sub(0.25).neg().reshape(2, 2).slice(1, 1, 2).mean()
                        .add(x.index(3).square().mul(x.index(1)))),
                Arguments.of("θ itself, summed", (LogDensity) Tensor::sum),
                // fixed between evaluations, so a constant to the replay; a pass never visits it
                Arguments.of("a captured node that requires gradients", (LogDensity) x -> x.mul(CAPTURED).sum()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replayable")
    void replayGivesTheEagerValuesAndGradientsBitForBit(String name, LogDensity f) {
        AutodiffTarget replayed = new AutodiffTarget(f, D);
        AutodiffTarget eager = new AutodiffTarget(f, D, false);
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < 50; k++) {
            double[] theta = new double[D];
            for (int i = 0; i < D; i++) {
                theta[i] = random.nextDouble(-2, 2);
            }
            double[] g = new double[D];
            double[] expected = new double[D];
            double lp = replayed.logDensityAndGradient(theta, g);
            assertTrue(replayed.replays(), name);
            assertEquals(eager.logDensityAndGradient(theta, expected), lp, 0.0, name);
            assertArrayEquals(expected, g, 0.0, name);
            assertEquals(eager.logDensity(theta), replayed.logDensity(theta), 0.0, name);
        }
        assertFalse(eager.replays());
    }

    @Test
    void aNonFiniteReplayIsTheEagerNonFiniteValue() {
        LogDensity f = x -> x.log().sum();
        AutodiffTarget replayed = new AutodiffTarget(f, 2);
        double[] g = new double[2];
        replayed.logDensityAndGradient(new double[] {1, 2}, g);
        assertEquals(Double.NaN, replayed.logDensityAndGradient(new double[] {-1, 2}, g));
        assertEquals(Double.NEGATIVE_INFINITY, replayed.logDensityAndGradient(new double[] {0, 2}, g));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.5}, g);
        assertTrue(replayed.replays());
    }

    /** Densities whose code depends on θ outside the graph, or that a tape cannot recompute. */
    static List<Arguments> notReplayable() {
        return List.of(
                Arguments.of("a branch on item()", (LogDensity) x -> x.sum().item() > 0 ? x.sum() : x.square().sum()),
                Arguments.of("a branch on get()", (LogDensity) x -> x.get(0) > 0 ? x.sum() : x.square().sum()),
                Arguments.of("values read with toArray()", (LogDensity) x -> Tensor.of(x.toArray()).add(x).sum()),
                Arguments.of("values printed with toString()", (LogDensity) x -> {
                    String ignored = x.toString();
                    return x.sum();
                }),
                Arguments.of("a detached value", (LogDensity) x -> x.detach().mul(x).sum()),
                Arguments.of("a comparison", (LogDensity) x -> Tensor.where(x.gt(Tensor.scalar(0)), x, x.square()).sum()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notReplayable")
    void aDensityThatDependsOnThetaOutsideTheGraphRunsItsCodeEveryTime(String name, LogDensity f) {
        AutodiffTarget target = new AutodiffTarget(f, D);
        AutodiffTarget eager = new AutodiffTarget(f, D, false);
        double[][] points = {{0.5, -0.2, 1, 2}, {-0.5, -0.2, -1, -2}, {0.1, 0.2, 0.3, -0.4}};
        for (double[] theta : points) {
            double[] g = new double[D];
            double[] expected = new double[D];
            assertEquals(eager.logDensityAndGradient(theta, expected), target.logDensityAndGradient(theta, g), 0.0,
                    name);
            assertArrayEquals(expected, g, 0.0, name);
            assertFalse(target.replays(), name);
        }
    }

    @Test
    void higherDerivativesTurnReplayOffAndStayExact() {
        LogDensity f = x -> Normal.of(MU, SIGMA).logProb(x).sum().add(x.index(0).mul(x.index(1)).sin());
        AutodiffTarget target = new AutodiffTarget(f, D);
        AutodiffTarget eager = new AutodiffTarget(f, D, false);
        double[] theta = {0.3, -0.6, 1.2, 0.1};
        double[] g = new double[D];
        target.logDensityAndGradient(theta, g);
        assertTrue(target.replays());
        assertTrue(java.util.Arrays.deepEquals(eager.hessian(theta), target.hessian(theta)));
        assertFalse(target.replays());
        double[] theta2 = {0.4, -0.5, 1.0, 0.2};
        double[] expected = new double[D];
        assertEquals(eager.logDensityAndGradient(theta2, expected), target.logDensityAndGradient(theta2, g), 0.0);
        assertArrayEquals(expected, g, 0.0);
    }

    @Test
    void aCopyRecordsItsOwnTape() {
        AutodiffTarget target = new AutodiffTarget(x -> x.square().sum(), 2);
        AutodiffTarget copy = target.copy();
        assertNotSame(target, copy);
        double[] g = new double[2];
        target.logDensityAndGradient(new double[] {1, 2}, g);
        assertEquals(25.0, copy.logDensityAndGradient(new double[] {3, 4}, g));
        assertArrayEquals(new double[] {6, 8}, g);
        assertTrue(copy.replays());
        assertEquals(5.0, target.logDensity(new double[] {1, 2}));
    }
}
