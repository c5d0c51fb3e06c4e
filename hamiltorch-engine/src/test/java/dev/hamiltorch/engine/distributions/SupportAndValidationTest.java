package dev.hamiltorch.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.Autodiff;
import dev.hamiltorch.engine.autodiff.JvmTensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Values outside the support (−∞ with a zero, finite gradient), infinities and NaN, and the checks on
 * constant parameters. None of this needs the linear-algebra or reduction operations.
 */
class SupportAndValidationTest {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    private static void assertAll(double expected, Tensor t) {
        for (double v : t.toArray()) {
            assertEquals(expected, v, t.toString());
        }
    }

    // ---- outside the support -----------------------------------------------------------------------------

    @Test
    void outsideTheSupportIsMinusInfinity() {
        List<Distribution> positive = List.of(LogNormal.of(0, 1), Gamma.of(2, 3), Gamma.of(0.5, 1), Beta.of(2, 2));
        for (Distribution d : positive) {
            assertAll(NEG_INF, d.logProb(Tensor.of(-2, 0, NEG_INF)));
        }
        List<Distribution> nonNegative = List.of(HalfNormal.of(1), HalfCauchy.of(1), Exponential.of(2));
        for (Distribution d : nonNegative) {
            assertAll(NEG_INF, d.logProb(Tensor.of(-1e-300, -3, NEG_INF)));
        }
        assertAll(NEG_INF, Beta.of(2, 2).logProb(Tensor.of(1, 1.5, Double.POSITIVE_INFINITY)));
        assertAll(NEG_INF, Uniform.of(0, 1).logProb(Tensor.of(-0.1, 1, 2, NEG_INF, Double.POSITIVE_INFINITY)));
        assertAll(NEG_INF, Bernoulli.of(0.5).logProb(Tensor.of(-1, 0.5, 2, Double.POSITIVE_INFINITY)));
        assertAll(NEG_INF, Binomial.of(5, 0.5).logProb(Tensor.of(-1, 2.5, 6, Double.POSITIVE_INFINITY)));
        assertAll(NEG_INF, Poisson.of(2).logProb(Tensor.of(-1, 0.5, Double.POSITIVE_INFINITY)));
    }

    @Test
    void infiniteValuesGiveMinusInfinityNotNaN() {
        // +∞ has density 0 everywhere it is not excluded; Gamma's formula alone would give ∞ − ∞
        Tensor inf = Tensor.of(Double.POSITIVE_INFINITY, NEG_INF);
        assertAll(NEG_INF, Normal.of(0, 1).logProb(inf));
        assertAll(NEG_INF, Cauchy.of(0, 1).logProb(inf));
        assertAll(NEG_INF, StudentT.of(3, 0, 1).logProb(inf));
        assertAll(NEG_INF, Laplace.of(0, 1).logProb(inf));
        Tensor posInf = Tensor.scalar(Double.POSITIVE_INFINITY);
        for (Distribution d : List.of(LogNormal.of(0, 1), Gamma.of(2, 3), Gamma.of(0.5, 3), Exponential.of(1),
                HalfNormal.of(1), HalfCauchy.of(1))) {
            assertAll(NEG_INF, d.logProb(posInf));
        }
    }

    @Test
    void nanPropagates() {
        // the second value lies inside each support (0.5 for Beta), the first is NaN
        Tensor nan = Tensor.of(Double.NaN, 1);
        for (Distribution d : List.of(Normal.of(0, 1), LogNormal.of(0, 1), HalfNormal.of(1), Exponential.of(1),
                Gamma.of(2, 1), Beta.of(Tensor.scalar(2), Tensor.scalar(2)), Uniform.of(0, 2),
                Bernoulli.of(0), Binomial.of(3, 0), Poisson.of(1))) {
            Tensor value = d instanceof Beta ? Tensor.of(Double.NaN, 0.5) : nan;
            double[] lp = d.logProb(value).toArray();
            assertTrue(Double.isNaN(lp[0]), d + " at NaN gave " + lp[0]);
            assertTrue(Double.isFinite(lp[1]), d + " inside the support gave " + lp[1]);
        }
    }

    /**
     * A sum over values some of which are outside the support is −∞, and its gradient is finite: 0 for
     * the values outside, and for the parameter the gradient over the values inside alone.
     */
    private static void assertMaskedGradient(Function<Tensor, Distribution> family, double param, double[] mixed,
            double[] insideOnly) {
        JvmTensor p = JvmTensor.variable(new double[] {param});
        JvmTensor x = JvmTensor.variable(mixed, mixed.length);
        Tensor lp = family.apply(p).logProb(x).sum();
        assertEquals(NEG_INF, lp.item());
        Tensor[] g = Autodiff.grad(lp, new Tensor[] {x, p}, false);

        JvmTensor p2 = JvmTensor.variable(new double[] {param});
        JvmTensor y = JvmTensor.variable(insideOnly, insideOnly.length);
        Tensor[] expected = Autodiff.grad(family.apply(p2).logProb(y).sum(), new Tensor[] {y, p2}, false);
        double[] gx = g[0].toArray();
        double[] ey = expected[0].toArray();
        for (int i = 0, j = 0; i < mixed.length; i++) {
            boolean inside = j < insideOnly.length && mixed[i] == insideOnly[j];
            assertEquals(inside ? ey[j++] : 0.0, gx[i], 1e-12, "d/dx[" + i + "]");
        }
        assertEquals(expected[1].item(), g[1].item(), 1e-12, "d/dparameter");
    }

    @Test
    void gradientIsZeroOutsideTheSupport() {
        assertMaskedGradient(s -> LogNormal.of(Tensor.scalar(0.3), s), 0.8, new double[] {-1, 2, 0, 0.5},
                new double[] {2, 0.5});
        assertMaskedGradient(r -> Gamma.of(Tensor.scalar(2.5), r), 1.5, new double[] {0.4, -3, NEG_INF},
                new double[] {0.4});
        assertMaskedGradient(a -> Beta.of(a, Tensor.scalar(2)), 1.5, new double[] {0.4, 1.2, 0.9},
                new double[] {0.4, 0.9});
        assertMaskedGradient(HalfNormal::of, 2, new double[] {-0.1, 0.3}, new double[] {0.3});
        assertMaskedGradient(HalfCauchy::of, 2, new double[] {1.1, -0.1, 0.3}, new double[] {1.1, 0.3});
        assertMaskedGradient(Exponential::of, 2, new double[] {-5, 1.5}, new double[] {1.5});
        assertMaskedGradient(h -> Uniform.of(Tensor.scalar(-1), h), 3, new double[] {-2, 0, 2.5, 7},
                new double[] {0, 2.5});
        assertMaskedGradient(Poisson::of, 2, new double[] {3, -1, 0.5}, new double[] {3});
        assertMaskedGradient(Bernoulli::of, 0.3, new double[] {1, 0.5}, new double[] {1});
        assertMaskedGradient(l -> Binomial.of(Tensor.scalar(4), l), 0.3, new double[] {1, 5, 4},
                new double[] {1, 4});
    }

    // ---- parameter checks ----------------------------------------------------------------------------------

    private static void assertRejected(String message, Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertEquals(message, e.getMessage());
    }

    @Test
    void constantParametersAreChecked() {
        assertRejected("Normal: scale must be positive and finite, got scale = -1.0", () -> Normal.of(0, -1));
        assertRejected("Normal: scale must be positive and finite, got scale[1] = 0.0",
                () -> Normal.of(Tensor.of(0, 0), Tensor.of(1, 0)));
        assertRejected("Normal: loc must be finite, got loc = NaN", () -> Normal.of(Double.NaN, 1));
        assertRejected("LogNormal: scale must be positive and finite, got scale = Infinity",
                () -> LogNormal.of(0, Double.POSITIVE_INFINITY));
        assertRejected("HalfNormal: scale must be positive and finite, got scale[1, 0] = -2.0",
                () -> HalfNormal.of(Tensor.of(new double[][] {{1, 2}, {-2, 1}})));
        assertRejected("Cauchy: scale must be positive and finite, got scale = 0.0", () -> Cauchy.of(1, 0));
        assertRejected("HalfCauchy: scale must be positive and finite, got scale = -0.5", () -> HalfCauchy.of(-0.5));
        assertRejected("StudentT: df must be positive and finite, got df = 0.0", () -> StudentT.of(0, 0, 1));
        assertRejected("StudentT: scale must be positive and finite, got scale = -1.0", () -> StudentT.of(1, 0, -1));
        assertRejected("Laplace: scale must be positive and finite, got scale = -3.0", () -> Laplace.of(0, -3));
        assertRejected("Exponential: rate must be positive and finite, got rate = 0.0", () -> Exponential.of(0));
        assertRejected("Gamma: concentration must be positive and finite, got concentration = -1.0",
                () -> Gamma.of(-1, 1));
        assertRejected("Gamma: rate must be positive and finite, got rate = 0.0", () -> Gamma.of(1, 0));
        assertRejected("Beta: a must be positive and finite, got a = 0.0", () -> Beta.of(0, 1));
        assertRejected("Beta: b must be positive and finite, got b[2] = -1.0",
                () -> Beta.of(Tensor.scalar(1), Tensor.of(1, 2, -1)));
        assertRejected("Uniform: low must be less than high, got low = tensor(2.0), high = tensor(1.0)",
                () -> Uniform.of(2, 1));
        assertRejected("Uniform: low must be less than high, got low = tensor([0.0, 1.0]), high = tensor(1.0)",
                () -> Uniform.of(Tensor.of(0, 1), Tensor.scalar(1)));
        assertRejected("Bernoulli: logits must be finite, got logits = Infinity",
                () -> Bernoulli.of(Double.POSITIVE_INFINITY));
        assertRejected("Binomial: totalCount must be a non-negative whole number, got totalCount[1] = 2.5",
                () -> Binomial.of(Tensor.of(3, 2.5), Tensor.scalar(0)));
        assertRejected("Binomial: totalCount must be a non-negative whole number, got totalCount = -1.0",
                () -> Binomial.of(-1, 0));
        assertRejected("Poisson: rate must be positive and finite, got rate = -2.0", () -> Poisson.of(-2));
    }

    @Test
    void mismatchedParameterShapesAreRejectedAtConstruction() {
        assertRejected("Normal: parameter shapes do not broadcast: loc [3], scale [2]",
                () -> Normal.of(Tensor.of(1, 2, 3), Tensor.of(1, 2)));
        assertRejected("StudentT: parameter shapes do not broadcast: df [], loc [2], scale [3]",
                () -> StudentT.of(Tensor.scalar(3), Tensor.of(0, 1), Tensor.of(1, 2, 3)));
    }

    @Test
    void parametersThatRequireGradientsAreNotChecked() {
        // a sampled parameter may pass through any value; the density then says what it says
        JvmTensor negative = JvmTensor.variable(new double[] {-1});
        assertDoesNotThrow(() -> Normal.of(Tensor.scalar(0), negative));
        assertDoesNotThrow(() -> Gamma.of(negative, negative));
        assertDoesNotThrow(() -> Uniform.of(JvmTensor.variable(new double[] {2}), Tensor.scalar(1)));
    }

    @Test
    void totalCountIsNotDifferentiated() {
        JvmTensor n = JvmTensor.variable(new double[] {5});
        Binomial d = Binomial.of(n, Tensor.scalar(0.2));
        assertEquals(false, d.totalCount().requiresGrad());
        assertEquals(false, d.logProb(Tensor.scalar(2)).requiresGrad());
    }

    @Test
    void multivariateNormalParametersAreChecked() {
        double[] loc = {0, 0};
        assertRejected("MultivariateNormal: covariance must be symmetric, got covariance[1, 0] = 0.5 but "
                + "covariance[0, 1] = 0.4", () -> MultivariateNormal.of(loc, new double[][] {{1, 0.4}, {0.5, 1}}));
        assertRejected("MultivariateNormal: covariance must be positive-definite, its Cholesky pivot 1 is -3.0",
                () -> MultivariateNormal.of(loc, new double[][] {{1, 2}, {2, 1}}));
        assertRejected("MultivariateNormal: covariance must have shape [2, 2] to match loc, got [3, 3]",
                () -> MultivariateNormal.of(loc, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        assertRejected("MultivariateNormal: precision must be positive-definite, its Cholesky pivot 0 is 0.0",
                () -> MultivariateNormal.ofPrecision(loc, new double[][] {{0, 0}, {0, 1}}));
        assertRejected("MultivariateNormal: scaleTril must be lower-triangular, got scaleTril[0, 1] = 0.3",
                () -> MultivariateNormal.ofScaleTril(loc, new double[][] {{1, 0.3}, {0, 1}}));
        assertRejected("MultivariateNormal: scaleTril must have a positive diagonal, got scaleTril[1, 1] = -1.0",
                () -> MultivariateNormal.ofScaleTril(loc, new double[][] {{1, 0}, {0.2, -1}}));
        assertRejected("MultivariateNormal: loc must be a non-empty vector, got shape []",
                () -> MultivariateNormal.of(Tensor.scalar(0), Tensor.of(new double[][] {{1}})));
        assertRejected("MultivariateNormal: loc must be finite, got loc[1] = NaN",
                () -> MultivariateNormal.of(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}}));
    }

    @Test
    void multivariateNormalValueMustEndInTheDimension() {
        MultivariateNormal mvn = MultivariateNormal.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        assertEquals(2, mvn.dimension());
        assertRejected("MultivariateNormal: value must have shape [..., 2], got [3]",
                () -> mvn.logProb(Tensor.of(1, 2, 3)));
        assertRejected("MultivariateNormal: value must have shape [..., 2], got []",
                () -> mvn.logProb(Tensor.scalar(1)));
    }

    @Test
    void categoricalParametersAreChecked() {
        assertRejected("Categorical: logits must have shape [..., K] with K ≥ 1, got []",
                () -> Categorical.of(Tensor.scalar(1)));
        assertRejected("Categorical: logits must be finite, got logits[2] = -Infinity",
                () -> Categorical.of(0, 1, Double.NEGATIVE_INFINITY));
        assertArrayEquals(new double[] {0, 1, 2}, Categorical.of(0, 1, 2).logits().toArray());
    }
}
