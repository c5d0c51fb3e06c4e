package dev.hamiltorch.engine.distributions;

import static dev.hamiltorch.engine.distributions.Checks.assertGradient;
import static dev.hamiltorch.engine.distributions.Checks.assertLogProb;

import dev.hamiltorch.api.tensor.Tensor;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.CauchyDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;

/**
 * Continuous distributions against commons-math3's densities, including broadcast parameter shapes, and
 * their gradients in the value and in each parameter against finite differences.
 */
class ContinuousDistributionsTest {

    private static final double LOG_TWO = Math.log(2);

    /** A [3, 1] column, for broadcasting against vectors into matrices. */
    private static Tensor column(double... v) {
        return Tensor.of(v, v.length, 1);
    }

    // ---- Normal ------------------------------------------------------------------------------------------

    private static double normal(double[] p) {
        return new NormalDistribution(p[1], p[2]).logDensity(p[0]);
    }

    @Test
    void normalMatchesReference() {
        Tensor loc = Tensor.of(1, 2, 3);
        Tensor scale = Tensor.of(.5, .5, .5);
        Tensor x = Tensor.of(0.3, -1.0, 4.0);
        assertLogProb(Normal.of(loc, scale).logProb(x), ContinuousDistributionsTest::normal, x, loc, scale);

        Tensor y = Tensor.of(-2, 0, 7.5, 1e-3);
        assertLogProb(Normal.of(0, 3).logProb(y), ContinuousDistributionsTest::normal, y, Tensor.scalar(0),
                Tensor.scalar(3));
    }

    @Test
    void normalBroadcasts() {
        Tensor loc = column(-1, 0, 2.5);
        Tensor scale = Tensor.of(0.1, 1, 4, 30);
        Tensor x = Tensor.scalar(0.7);
        // [3, 1] with [4] and a scalar value gives [3, 4]
        assertLogProb(Normal.of(loc, scale).logProb(x), ContinuousDistributionsTest::normal, x, loc, scale);
        // a [2, 1, 4] value against [3, 1] and [4] gives [2, 3, 4]
        Tensor batch = Tensor.of(new double[] {-3, -1, 0, 0.5, 1, 2, 5, 9}, 2, 1, 4);
        assertLogProb(Normal.of(loc, scale).logProb(batch), ContinuousDistributionsTest::normal, batch, loc, scale);
    }

    @Test
    void normalGradients() {
        Tensor loc = Tensor.of(1, 2, 3);
        Tensor scale = Tensor.of(.5, 1.5, 2);
        Tensor x = Tensor.of(0.3, -1.0, 4.0);
        assertGradient(v -> Normal.of(loc, scale).logProb(v).sum(), x.toArray(), 3);
        assertGradient(m -> Normal.of(m, scale).logProb(x).sum(), loc.toArray(), 3);
        assertGradient(s -> Normal.of(loc, s).logProb(x).sum(), scale.toArray(), 3);
        // a scalar parameter broadcast over the value: its gradient sums over the elements
        assertGradient(s -> Normal.of(loc, s).logProb(x).sum(), new double[] {0.8});
    }

    // ---- LogNormal ---------------------------------------------------------------------------------------

    private static double logNormal(double[] p) {
        // commons-math calls the log-mean "scale" and the log-sd "shape"
        return new LogNormalDistribution(p[1], p[2]).logDensity(p[0]);
    }

    @Test
    void logNormalMatchesReference() {
        Tensor loc = Tensor.of(0, 1, -2);
        Tensor scale = Tensor.of(1, 0.25, 3);
        Tensor x = Tensor.of(0.5, 3.0, 1e-4);
        assertLogProb(LogNormal.of(loc, scale).logProb(x), ContinuousDistributionsTest::logNormal, x, loc, scale);

        Tensor y = Tensor.of(new double[] {0.1, 1, 2.5, 40, 1e3, 7}, 2, 3);
        assertLogProb(LogNormal.of(column(0.5, -1), Tensor.of(0.3, 1, 2)).logProb(y),
                ContinuousDistributionsTest::logNormal, y, column(0.5, -1), Tensor.of(0.3, 1, 2));
        // commons-math also gives −∞ outside the support
        Tensor outside = Tensor.of(-1, 0, 2);
        assertLogProb(LogNormal.of(0.2, 0.9).logProb(outside), ContinuousDistributionsTest::logNormal, outside,
                Tensor.scalar(0.2), Tensor.scalar(0.9));
    }

    @Test
    void logNormalGradients() {
        Tensor loc = Tensor.of(0, 1, -2);
        Tensor scale = Tensor.of(1, 0.25, 3);
        Tensor x = Tensor.of(0.5, 3.0, 0.2);
        assertGradient(v -> LogNormal.of(loc, scale).logProb(v).sum(), x.toArray(), 3);
        assertGradient(m -> LogNormal.of(m, scale).logProb(x).sum(), loc.toArray(), 3);
        assertGradient(s -> LogNormal.of(loc, s).logProb(x).sum(), scale.toArray(), 3);
    }

    // ---- HalfNormal ----------------------------------------------------------------------------------------

    private static double halfNormal(double[] p) {
        return p[0] < 0 ? Double.NEGATIVE_INFINITY : LOG_TWO + new NormalDistribution(0, p[1]).logDensity(p[0]);
    }

    @Test
    void halfNormalMatchesReference() {
        Tensor scale = Tensor.of(0.5, 1, 10);
        Tensor x = Tensor.of(0, 1.3, 25);
        assertLogProb(HalfNormal.of(scale).logProb(x), ContinuousDistributionsTest::halfNormal, x, scale);
        Tensor y = Tensor.of(new double[] {-0.1, 0, 0.4, 2, 3.5, 8}, 2, 3);
        assertLogProb(HalfNormal.of(column(0.7, 2)).logProb(y), ContinuousDistributionsTest::halfNormal, y,
                column(0.7, 2));
        assertLogProb(HalfNormal.of(2).logProb(y), ContinuousDistributionsTest::halfNormal, y, Tensor.scalar(2));
    }

    @Test
    void halfNormalGradients() {
        Tensor x = Tensor.of(0.2, 1.3, 5);
        assertGradient(v -> HalfNormal.of(Tensor.of(0.5, 1, 10)).logProb(v).sum(), x.toArray(), 3);
        assertGradient(s -> HalfNormal.of(s).logProb(x).sum(), new double[] {0.5, 1, 10}, 3);
        assertGradient(s -> HalfNormal.of(s).logProb(x).sum(), new double[] {1.7});
    }

    // ---- Cauchy and HalfCauchy ----------------------------------------------------------------------------

    private static double cauchy(double[] p) {
        return new CauchyDistribution(p[1], p[2]).logDensity(p[0]);
    }

    private static double halfCauchy(double[] p) {
        return p[0] < 0 ? Double.NEGATIVE_INFINITY : LOG_TWO + new CauchyDistribution(0, p[1]).logDensity(p[0]);
    }

    @Test
    void cauchyMatchesReference() {
        Tensor loc = Tensor.of(0, -3, 10);
        Tensor scale = Tensor.of(1, 0.2, 5);
        Tensor x = Tensor.of(0.4, -3.1, -40);
        assertLogProb(Cauchy.of(loc, scale).logProb(x), ContinuousDistributionsTest::cauchy, x, loc, scale);
        Tensor y = Tensor.of(-7, 0, 1e3);
        assertLogProb(Cauchy.of(column(1, 2), Tensor.scalar(0.5)).logProb(y), ContinuousDistributionsTest::cauchy,
                y, column(1, 2), Tensor.scalar(0.5));
        assertLogProb(Cauchy.of(0, 2).logProb(y), ContinuousDistributionsTest::cauchy, y, Tensor.scalar(0),
                Tensor.scalar(2));
    }

    @Test
    void cauchyGradients() {
        Tensor loc = Tensor.of(0, -3, 10);
        Tensor scale = Tensor.of(1, 0.2, 5);
        Tensor x = Tensor.of(0.4, -3.1, -40);
        assertGradient(v -> Cauchy.of(loc, scale).logProb(v).sum(), x.toArray(), 3);
        assertGradient(m -> Cauchy.of(m, scale).logProb(x).sum(), loc.toArray(), 3);
        assertGradient(s -> Cauchy.of(loc, s).logProb(x).sum(), scale.toArray(), 3);
    }

    @Test
    void halfCauchyMatchesReference() {
        Tensor scale = Tensor.of(1, 0.2, 5);
        Tensor x = Tensor.of(0, 3.1, 40);
        assertLogProb(HalfCauchy.of(scale).logProb(x), ContinuousDistributionsTest::halfCauchy, x, scale);
        Tensor y = Tensor.of(-1, 0.5, 1e3);
        assertLogProb(HalfCauchy.of(column(2.5, 0.1)).logProb(y), ContinuousDistributionsTest::halfCauchy, y,
                column(2.5, 0.1));
        assertLogProb(HalfCauchy.of(2.5).logProb(y), ContinuousDistributionsTest::halfCauchy, y, Tensor.scalar(2.5));
    }

    @Test
    void halfCauchyGradients() {
        Tensor x = Tensor.of(0.3, 3.1, 40);
        assertGradient(v -> HalfCauchy.of(Tensor.of(1, 0.2, 5)).logProb(v).sum(), x.toArray(), 3);
        assertGradient(s -> HalfCauchy.of(s).logProb(x).sum(), new double[] {1, 0.2, 5}, 3);
    }

    // ---- StudentT ------------------------------------------------------------------------------------------

    private static double studentT(double[] p) {
        // commons-math's t is standard: shift and scale by hand
        return new TDistribution(p[1]).logDensity((p[0] - p[2]) / p[3]) - Math.log(p[3]);
    }

    @Test
    void studentTMatchesReference() {
        Tensor df = Tensor.of(1, 3.5, 30);
        Tensor loc = Tensor.of(0, 2, -1);
        Tensor scale = Tensor.of(1, 0.5, 4);
        Tensor x = Tensor.of(0.7, -2, 12);
        assertLogProb(StudentT.of(df, loc, scale).logProb(x), ContinuousDistributionsTest::studentT, x, df, loc,
                scale);
        Tensor y = Tensor.of(-5, 0, 0.3, 9);
        assertLogProb(StudentT.of(column(0.5, 2, 100), Tensor.scalar(1), Tensor.of(0.3, 1, 2, 3)).logProb(y),
                ContinuousDistributionsTest::studentT, y, column(0.5, 2, 100), Tensor.scalar(1),
                Tensor.of(0.3, 1, 2, 3));
        assertLogProb(StudentT.of(4, 1, 2).logProb(y), ContinuousDistributionsTest::studentT, y, Tensor.scalar(4),
                Tensor.scalar(1), Tensor.scalar(2));
    }

    @Test
    void studentTGradients() {
        Tensor df = Tensor.of(1, 3.5, 30);
        Tensor loc = Tensor.of(0, 2, -1);
        Tensor scale = Tensor.of(1, 0.5, 4);
        Tensor x = Tensor.of(0.7, -2, 12);
        assertGradient(v -> StudentT.of(df, loc, scale).logProb(v).sum(), x.toArray(), 3);
        assertGradient(n -> StudentT.of(n, loc, scale).logProb(x).sum(), df.toArray(), 3);
        assertGradient(m -> StudentT.of(df, m, scale).logProb(x).sum(), loc.toArray(), 3);
        assertGradient(s -> StudentT.of(df, loc, s).logProb(x).sum(), scale.toArray(), 3);
    }

    // ---- Laplace -------------------------------------------------------------------------------------------

    private static double laplace(double[] p) {
        return new LaplaceDistribution(p[1], p[2]).logDensity(p[0]);
    }

    @Test
    void laplaceMatchesReference() {
        Tensor loc = Tensor.of(0, 5, -1);
        Tensor scale = Tensor.of(1, 0.1, 7);
        Tensor x = Tensor.of(-0.5, 5.05, 20);
        assertLogProb(Laplace.of(loc, scale).logProb(x), ContinuousDistributionsTest::laplace, x, loc, scale);
        Tensor y = Tensor.of(new double[] {-2, 0, 3, 4, 4.5, 100}, 2, 3);
        assertLogProb(Laplace.of(Tensor.of(0, 1, 2), column(0.5, 3)).logProb(y), ContinuousDistributionsTest::laplace,
                y, Tensor.of(0, 1, 2), column(0.5, 3));
        assertLogProb(Laplace.of(1, 2).logProb(y), ContinuousDistributionsTest::laplace, y, Tensor.scalar(1),
                Tensor.scalar(2));
    }

    @Test
    void laplaceGradients() {
        Tensor loc = Tensor.of(0, 5, -1);
        Tensor scale = Tensor.of(1, 0.1, 7);
        Tensor x = Tensor.of(-0.5, 5.05, 20);
        assertGradient(v -> Laplace.of(loc, scale).logProb(v).sum(), x.toArray(), 3);
        assertGradient(m -> Laplace.of(m, scale).logProb(x).sum(), loc.toArray(), 3);
        assertGradient(s -> Laplace.of(loc, s).logProb(x).sum(), scale.toArray(), 3);
    }

    // ---- Exponential ---------------------------------------------------------------------------------------

    private static double exponential(double[] p) {
        // commons-math parameterises by the mean 1/rate
        return new ExponentialDistribution(1 / p[1]).logDensity(p[0]);
    }

    @Test
    void exponentialMatchesReference() {
        Tensor rate = Tensor.of(0.5, 2, 30);
        Tensor x = Tensor.of(0, 1.5, 0.01);
        assertLogProb(Exponential.of(rate).logProb(x), ContinuousDistributionsTest::exponential, x, rate);
        Tensor y = Tensor.of(-1, 0.2, 3, 12);
        assertLogProb(Exponential.of(column(0.1, 4)).logProb(y), ContinuousDistributionsTest::exponential, y,
                column(0.1, 4));
        assertLogProb(Exponential.of(3).logProb(y), ContinuousDistributionsTest::exponential, y, Tensor.scalar(3));
    }

    @Test
    void exponentialGradients() {
        Tensor x = Tensor.of(0.3, 1.5, 0.01);
        assertGradient(v -> Exponential.of(Tensor.of(0.5, 2, 30)).logProb(v).sum(), x.toArray(), 3);
        assertGradient(r -> Exponential.of(r).logProb(x).sum(), new double[] {0.5, 2, 30}, 3);
        assertGradient(r -> Exponential.of(r).logProb(x).sum(), new double[] {1.25});
    }

    // ---- Gamma ---------------------------------------------------------------------------------------------

    private static double gamma(double[] p) {
        // commons-math takes shape and scale = 1/rate
        return new GammaDistribution(p[1], 1 / p[2]).logDensity(p[0]);
    }

    @Test
    void gammaMatchesReference() {
        Tensor concentration = Tensor.of(0.5, 1, 2.5, 40);
        Tensor rate = Tensor.of(1, 3, 0.2, 10);
        Tensor x = Tensor.of(0.3, 0.05, 12, 3.9);
        assertLogProb(Gamma.of(concentration, rate).logProb(x), ContinuousDistributionsTest::gamma, x, concentration,
                rate);
        Tensor y = Tensor.of(0.1, 1, 4, 25);
        assertLogProb(Gamma.of(column(0.8, 3, 7), Tensor.of(0.5, 1, 2, 4)).logProb(y),
                ContinuousDistributionsTest::gamma, y, column(0.8, 3, 7), Tensor.of(0.5, 1, 2, 4));
        assertLogProb(Gamma.of(2, 0.5).logProb(y), ContinuousDistributionsTest::gamma, y, Tensor.scalar(2),
                Tensor.scalar(0.5));
    }

    @Test
    void gammaGradients() {
        Tensor concentration = Tensor.of(0.5, 1, 2.5, 40);
        Tensor rate = Tensor.of(1, 3, 0.2, 10);
        Tensor x = Tensor.of(0.3, 0.05, 12, 3.9);
        assertGradient(v -> Gamma.of(concentration, rate).logProb(v).sum(), x.toArray(), 4);
        assertGradient(c -> Gamma.of(c, rate).logProb(x).sum(), concentration.toArray(), 4);
        assertGradient(r -> Gamma.of(concentration, r).logProb(x).sum(), rate.toArray(), 4);
    }

    // ---- Beta ----------------------------------------------------------------------------------------------

    private static double beta(double[] p) {
        return new BetaDistribution(p[1], p[2]).logDensity(p[0]);
    }

    @Test
    void betaMatchesReference() {
        Tensor a = Tensor.of(0.5, 1, 2, 30);
        Tensor b = Tensor.of(0.5, 3, 2, 70);
        Tensor x = Tensor.of(0.01, 0.3, 0.5, 0.28);
        assertLogProb(Beta.of(a, b).logProb(x), ContinuousDistributionsTest::beta, x, a, b);
        Tensor y = Tensor.of(0.05, 0.5, 0.9, 0.999);
        assertLogProb(Beta.of(column(0.7, 5), Tensor.of(0.3, 1, 2, 8)).logProb(y), ContinuousDistributionsTest::beta,
                y, column(0.7, 5), Tensor.of(0.3, 1, 2, 8));
        assertLogProb(Beta.of(2, 5).logProb(y), ContinuousDistributionsTest::beta, y, Tensor.scalar(2),
                Tensor.scalar(5));
    }

    @Test
    void betaGradients() {
        Tensor a = Tensor.of(0.5, 1, 2, 30);
        Tensor b = Tensor.of(0.5, 3, 2, 70);
        Tensor x = Tensor.of(0.01, 0.3, 0.5, 0.28);
        assertGradient(v -> Beta.of(a, b).logProb(v).sum(), x.toArray(), 4);
        assertGradient(p -> Beta.of(p, b).logProb(x).sum(), a.toArray(), 4);
        assertGradient(q -> Beta.of(a, q).logProb(x).sum(), b.toArray(), 4);
    }

    // ---- Uniform -------------------------------------------------------------------------------------------

    private static double uniform(double[] p) {
        return new UniformRealDistribution(p[1], p[2]).logDensity(p[0]);
    }

    @Test
    void uniformMatchesReference() {
        Tensor low = Tensor.of(0, -2, 10);
        Tensor high = Tensor.of(1, 3, 10.5);
        Tensor x = Tensor.of(0.5, -2, 10.49);
        assertLogProb(Uniform.of(low, high).logProb(x), ContinuousDistributionsTest::uniform, x, low, high);
        // outside on either side; commons-math gives log 0 = −∞ there too
        Tensor y = Tensor.of(-3, -0.5, 0.5, 2.9, 7);
        assertLogProb(Uniform.of(column(-1, 0), Tensor.scalar(3)).logProb(y), ContinuousDistributionsTest::uniform,
                y, column(-1, 0), Tensor.scalar(3));
        // scalar parameters still give the value's shape
        assertLogProb(Uniform.of(-1, 1).logProb(y), ContinuousDistributionsTest::uniform, y, Tensor.scalar(-1),
                Tensor.scalar(1));
    }

    @Test
    void uniformGradients() {
        Tensor low = Tensor.of(0, -2, 10);
        Tensor high = Tensor.of(1, 3, 10.5);
        Tensor x = Tensor.of(0.5, -1, 10.2);
        assertGradient(v -> Uniform.of(low, high).logProb(v).sum(), x.toArray(), 3);
        assertGradient(l -> Uniform.of(l, high).logProb(x).sum(), low.toArray(), 3);
        assertGradient(h -> Uniform.of(low, h).logProb(x).sum(), high.toArray(), 3);
    }
}
