package dev.hamiltorch.engine.distributions;

import static dev.hamiltorch.engine.distributions.Checks.assertClose;
import static dev.hamiltorch.engine.distributions.Checks.assertGradient;
import static dev.hamiltorch.engine.distributions.Checks.assertLogProb;

import dev.hamiltorch.api.tensor.Tensor;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * Bernoulli, binomial and Poisson log masses against direct formulas and commons-math3, and their
 * gradients in the parameters (the values are whole numbers, so only the parameters are differentiated
 * against finite differences).
 */
class DiscreteDistributionsTest {

    private static double sigmoid(double l) {
        return 1 / (1 + Math.exp(-l));
    }

    private static Tensor column(double... v) {
        return Tensor.of(v, v.length, 1);
    }

    // ---- Bernoulli -----------------------------------------------------------------------------------------

    private static double bernoulli(double[] p) {
        double k = p[0];
        double q = sigmoid(p[1]);
        return k == 1 ? Math.log(q) : k == 0 ? Math.log(1 - q) : Double.NEGATIVE_INFINITY;
    }

    @Test
    void bernoulliMatchesDirectFormula() {
        Tensor logits = Tensor.of(-3, -0.2, 0, 0.7, 5);
        Tensor k = Tensor.of(1, 0, 1, 1, 0);
        assertLogProb(Bernoulli.of(logits).logProb(k), DiscreteDistributionsTest::bernoulli, k, logits);
        Tensor both = Tensor.of(0, 1);
        assertLogProb(Bernoulli.of(column(-2, 0.5, 4)).logProb(both), DiscreteDistributionsTest::bernoulli, both,
                column(-2, 0.5, 4));
        assertLogProb(Bernoulli.of(1.5).logProb(both), DiscreteDistributionsTest::bernoulli, both,
                Tensor.scalar(1.5));
        // values other than 0 and 1 are outside the support
        Tensor outside = Tensor.of(-1, 0.5, 2);
        assertLogProb(Bernoulli.of(0.3).logProb(outside), DiscreteDistributionsTest::bernoulli, outside,
                Tensor.scalar(0.3));
    }

    @Test
    void bernoulliIsStableForLargeLogits() {
        // log(1 − σ(40)) would round to log 0; the stable form gives −40 − log1p(e^−40)
        assertClose(-40 - Math.log1p(Math.exp(-40)), Bernoulli.of(40).logProb(Tensor.scalar(0)).item(), "k=0, ℓ=40");
        assertClose(-800, Bernoulli.of(-800).logProb(Tensor.scalar(1)).item(), "k=1, ℓ=−800");
        assertClose(-Math.log1p(Math.exp(-800)), Bernoulli.of(800).logProb(Tensor.scalar(1)).item(), "k=1, ℓ=800");
    }

    @Test
    void bernoulliGradientInLogits() {
        Tensor k = Tensor.of(1, 0, 1, 1, 0);
        assertGradient(l -> Bernoulli.of(l).logProb(k).sum(), new double[] {-3, -0.2, 0, 0.7, 5}, 5);
        assertGradient(l -> Bernoulli.of(l).logProb(k).sum(), new double[] {0.4});
    }

    // ---- Binomial ------------------------------------------------------------------------------------------

    private static double binomial(double[] p) {
        return new BinomialDistribution((int) p[1], sigmoid(p[2])).logProbability((int) p[0]);
    }

    @Test
    void binomialMatchesReference() {
        Tensor n = Tensor.of(1, 10, 10, 50, 1000);
        Tensor logits = Tensor.of(0.3, -1, 2, 0, -0.5);
        Tensor k = Tensor.of(1, 0, 10, 17, 377);
        assertLogProb(Binomial.of(n, logits).logProb(k), DiscreteDistributionsTest::binomial, k, n, logits);
        Tensor counts = Tensor.of(0, 1, 3, 6);
        assertLogProb(Binomial.of(column(6, 20), Tensor.of(-2, -0.1, 0.4, 3)).logProb(counts),
                DiscreteDistributionsTest::binomial, counts, column(6, 20), Tensor.of(-2, -0.1, 0.4, 3));
        assertLogProb(Binomial.of(8, 0.25).logProb(counts), DiscreteDistributionsTest::binomial, counts,
                Tensor.scalar(8), Tensor.scalar(0.25));
        // k < 0 and k > n: commons-math also gives −∞
        Tensor outside = Tensor.of(-1, 9, 100);
        assertLogProb(Binomial.of(8, 0.25).logProb(outside), DiscreteDistributionsTest::binomial, outside,
                Tensor.scalar(8), Tensor.scalar(0.25));
    }

    @Test
    void binomialGradientInLogits() {
        Tensor n = Tensor.of(1, 10, 10, 50);
        Tensor k = Tensor.of(1, 0, 10, 17);
        assertGradient(l -> Binomial.of(n, l).logProb(k).sum(), new double[] {0.3, -1, 2, 0}, 4);
        assertGradient(l -> Binomial.of(n, l).logProb(k).sum(), new double[] {-0.6});
    }

    // ---- Poisson -------------------------------------------------------------------------------------------

    private static double poisson(double[] p) {
        return new PoissonDistribution(p[1]).logProbability((int) p[0]);
    }

    @Test
    void poissonMatchesReference() {
        Tensor rate = Tensor.of(0.1, 1, 4.5, 200, 3);
        Tensor k = Tensor.of(0, 2, 4, 180, 20);
        assertLogProb(Poisson.of(rate).logProb(k), DiscreteDistributionsTest::poisson, k, rate);
        Tensor counts = Tensor.of(0, 1, 5, 12);
        assertLogProb(Poisson.of(column(0.5, 7)).logProb(counts), DiscreteDistributionsTest::poisson, counts,
                column(0.5, 7));
        assertLogProb(Poisson.of(2.5).logProb(counts), DiscreteDistributionsTest::poisson, counts,
                Tensor.scalar(2.5));
    }

    @Test
    void poissonGradientInRate() {
        Tensor k = Tensor.of(0, 2, 4, 180);
        assertGradient(r -> Poisson.of(r).logProb(k).sum(), new double[] {0.1, 1, 4.5, 200}, 4);
        assertGradient(r -> Poisson.of(r).logProb(k).sum(), new double[] {3.3});
    }
}
