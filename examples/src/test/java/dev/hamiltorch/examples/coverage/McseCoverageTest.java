package dev.hamiltorch.examples.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.linalg.Contraction;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the Monte Carlo standard error, with power. A fixed-seed test that allows 4.5 MCSE
 * passes a sampler whose mean is off by 3 MCSE; here each configuration runs {@value #CHAINS}
 * independent chains of {@value #KEPT} kept draws (after {@value #BURN} burned), computes
 * z = (chain mean − true mean) / MCSE for each chain and coordinate (posterior's {@code mcse_mean} of
 * that chain alone), and counts |z| &gt; 2; likewise for the sd with {@code mcse_sd}. An unbiased sampler
 * with an honest MCSE gives P(|z| &gt; 2) ≈ 0.0455, and each count must lie in the central 99.9 % interval
 * of the binomial law for that rate: 6 to 33 of 400 trials (2 coordinates), 12 to 45 of 600. A bias of
 * 1 MCSE raises the rate to about 0.16 (64 of 400 on average), an MCSE 30 % too small to about 0.12 (50):
 * either falls outside.
 *
 * The same for NUTS with the unit and dense metrics and on the double well, and for Riemannian NUTS (the
 * Hessian and SoftAbs metrics with the implicit integrator) on a Gaussian, the quartic, the double well and
 * a banana, with fewer and shorter chains ({@link #RIEMANNIAN}).
 *
 * <p>The binomial law needs independent trials. Chains are independent (each owns its random stream);
 * the coordinates of a correlated Gaussian are not, so the Gaussian configurations count the
 * projections on the covariance's eigenvectors, along which the leapfrog dynamics decouple (with
 * M⁻¹ = I, and with M⁻¹ = Σ, where every whitened direction is alike). The RMHMC targets have
 * independent coordinates and hence a diagonal metric. The banana's two coordinates are independent under
 * the target but not under its (non-diagonal) dynamics, so its count is the least exact of these.
 */
class McseCoverageTest {

    private static final int CHAINS = 200;
    private static final int KEPT = 1_000;
    private static final int BURN = 200;
    /** How many chains of how many draws a configuration runs. */
    private record Design(int chains, int kept, int burn) { }

    private static final Design FULL = new Design(CHAINS, KEPT, BURN);
    /**
     * Riemannian NUTS: a transition costs tens of implicit steps, each a fixed point with its reversibility
     * check, so 60 chains of 400 draws keep each configuration to a few seconds: the 99.9 % interval for 120
     * trials is 0 to 14, and a bias of 1 MCSE (about 19 on average) falls outside with probability 0.88.
     */
    private static final Design RIEMANNIAN = new Design(60, 400, 100);
    /** P(|Z| &gt; 2) for a standard normal Z. */
    private static final double RATE = 0.04550026389635842;
    /** Each tail of the 99.9 % interval. */
    private static final double TAIL = 0.0005;

    @Test
    void hmcLeapfrogOnACorrelatedGaussianWithUnitMass() {
        // correlation 0.85; per trajectory the phase turns by 1.05 rad along the wide axis, 4.2 along the narrow
        Gaussian g = new Gaussian(new double[] {1, -2}, new double[] {2, 0.5}, Math.PI / 6);
        assertCoverage("HMC, M⁻¹ = I", g, Hamiltorch.sample(g).stepSize(0.3).numStepsPerSample(7), 1);
    }

    @Test
    void hmcLeapfrogWithADiagonalInverseMass() {
        // scales 0.1 to 10: with M⁻¹ = I and ε 0.3 the narrow coordinate would be unstable
        Gaussian g = new Gaussian(new double[] {0.5, 10, -3}, new double[] {0.1, 10, 1}, 0);
        assertCoverage("HMC, diagonal M⁻¹", g,
                Hamiltorch.sample(g).invMass(0.01, 100, 1).stepSize(0.3).numStepsPerSample(7), 2);
    }

    @Test
    void hmcLeapfrogWithADenseInverseMassEqualToTheCovariance() {
        // correlation 0.996, the covariance's axes 25 times apart in scale
        Gaussian g = new Gaussian(new double[] {3, 0}, new double[] {5, 0.2}, 1.0);
        assertCoverage("HMC, dense M⁻¹ = Σ", g,
                Hamiltorch.sample(g).invMass(g.covariance()).stepSize(0.3).numStepsPerSample(7), 3);
    }

    /**
     * Warm-up adapts ε and a diagonal M⁻¹ (Stan's windows over the {@value #BURN} burn-in iterations), each
     * chain its own: the kept draws must be as unbiased, with as honest an MCSE, as with M⁻¹ given. Once
     * whitened, every direction turns by about the same phase per trajectory; without jitter a few chains
     * adapt to an εL whose phase is within 0.03 rad of a multiple of 2π, so each trajectory returns almost
     * to its start and the chain hardly moves (|z| up to several hundred; seed 6 without jitter: 59 of 600),
     * so ε is jittered by ±20 %, as Neal (2011) advises for fixed-length HMC.
     */
    @Test
    void hmcWithAdaptedStepSizeAndDiagonalMassOnABadlyScaledGaussian() {
        Gaussian g = new Gaussian(new double[] {0.5, 10, -3}, new double[] {0.1, 10, 1}, 0);
        assertCoverage("HMC, adapted ε and diagonal M⁻¹", g,
                Hamiltorch.sample(g).adaptMetric("diag").numStepsPerSample(7)
                        .option("step-size-jitter", "0.2"), 6);
    }

    /** As above with a dense M⁻¹ adapted on the strongly correlated Gaussian. */
    @Test
    void hmcWithAdaptedStepSizeAndDenseMassOnACorrelatedGaussian() {
        Gaussian g = new Gaussian(new double[] {3, 0}, new double[] {5, 0.2}, 1.0);
        assertCoverage("HMC, adapted ε and dense M⁻¹", g,
                Hamiltorch.sample(g).adaptMetric("dense").numStepsPerSample(7)
                        .option("step-size-jitter", "0.2"), 7);
    }

    /** ∇² log π varies with θ, so the metric's derivative terms in ∂H/∂θ take part. */
    @Test
    void rmhmcHessianMetricWithTheImplicitIntegratorOnAQuartic() {
        Quartic q = new Quartic(new double[] {1, -0.5}, 1);
        assertCoverage("RMHMC, Hessian metric, implicit", q, Hamiltorch.sample(q).sampler("rmhmc")
                .metric("hessian").integrator("implicit").stepSize(0.25).numStepsPerSample(8), 4);
    }

    /** A double well: ∇² log π is indefinite between the wells, where SoftAbs makes the metric positive. */
    @Test
    void rmhmcSoftAbsMetricWithTheImplicitIntegratorOnADoubleWell() {
        Quartic q = new Quartic(new double[] {0, 2}, -1);
        // ε 0.2: at 0.25 about 5 % of the proposals end in a fixed point that does not converge (rejected)
        assertCoverage("RMHMC, SoftAbs metric, implicit", q, Hamiltorch.sample(q).sampler("rmhmc")
                .metric("softabs").softabsConst(1).integrator("implicit").stepSize(0.2).numStepsPerSample(10), 5);
    }

    /** NUTS with the unit metric: its trees reach across the wide axis (2) in steps sized for the narrow one (0.5). */
    @Test
    void nutsOnACorrelatedGaussianWithUnitMass() {
        Gaussian g = new Gaussian(new double[] {1, -2}, new double[] {2, 0.5}, Math.PI / 6);
        assertCoverage("NUTS, M⁻¹ = I", g, Hamiltorch.sample(g).sampler("nuts").stepSize(0.3)
                .adaptStepSize(false).adaptMetric("none"), 6);
    }

    @Test
    void nutsWithADenseInverseMassEqualToTheCovariance() {
        Gaussian g = new Gaussian(new double[] {3, 0}, new double[] {5, 0.2}, 1.0);
        assertCoverage("NUTS, dense M⁻¹ = Σ", g,
                Hamiltorch.sample(g).sampler("nuts").invMass(g.covariance()).stepSize(0.5)
                        .adaptStepSize(false).adaptMetric("none"), 7);
    }

    /** A non-Gaussian target: the double well, whose two modes NUTS crosses with the Euclidean metric. */
    @Test
    void nutsOnADoubleWell() {
        Quartic q = new Quartic(new double[] {0, 2}, -1);
        assertCoverage("NUTS, double well", q, Hamiltorch.sample(q).sampler("nuts").stepSize(0.25)
                .adaptStepSize(false).adaptMetric("none"), 8);
    }

    /** NUTS as users run it: ε and a diagonal M⁻¹ adapted in warm-up (its defaults), on the badly scaled Gaussian. */
    @Test
    void nutsWithAdaptedStepSizeAndDiagonalMass() {
        Gaussian g = new Gaussian(new double[] {0.5, 10, -3}, new double[] {0.1, 10, 1}, 0);
        assertCoverage("NUTS, adapted ε and diagonal M⁻¹", g, Hamiltorch.sample(g).sampler("nuts"), 9);
    }

    /**
     * Riemannian NUTS: the NUTS kernel with a position-dependent metric and the implicit integrator. On a
     * Gaussian the Hessian metric is Σ⁻¹ everywhere, so this is NUTS with M⁻¹ = Σ taken through implicit
     * steps, the U-turn criterion on G⁻¹p and the states' weights with ½ log|G|.
     */
    @Test
    void riemannianNutsHessianMetricOnACorrelatedGaussian() {
        Gaussian g = new Gaussian(new double[] {3, 0}, new double[] {5, 0.2}, 1.0);
        assertCoverage("Riemannian NUTS, Hessian metric, Gaussian", g, riemannianNuts(g, "hessian").stepSize(0.5), 11,
                RIEMANNIAN, true);
    }

    /**
     * G(θ) = diag(1 + 3xᵢ²) changes along the trajectory. As users run it: the step size adapted in warm-up
     * (dual averaging to accept_stat 0.8), the metric given. About 10 % of the transitions end a subtree on a
     * fixed point that does not converge (none at a fixed ε 0.2; {@code RiemannianNutsTest} runs ε 0.3).
     */
    @Test
    void riemannianNutsWithAdaptedStepSizeOnAQuartic() {
        Quartic q = new Quartic(new double[] {1, -0.5}, 1);
        assertCoverage("Riemannian NUTS, Hessian metric, adapted ε, quartic", q,
                riemannianNuts(q, "hessian").adaptStepSize(true), 13, RIEMANNIAN, true);
    }

    /**
     * The double well, whose Hessian is indefinite between the wells: SoftAbs makes G(θ) positive there. At
     * ε 0.3 about 13 % of the transitions end a subtree on a fixed point that does not converge; the
     * reversibility check makes such an end symmetric, so the counts stay unbiased (and ε 0.25 costs 3 times
     * as much).
     */
    @Test
    void riemannianNutsSoftAbsMetricOnADoubleWell() {
        Quartic q = new Quartic(new double[] {0, 2}, -1);
        assertCoverage("Riemannian NUTS, SoftAbs metric, double well", q,
                riemannianNuts(q, "softabs").softabsConst(1).stepSize(0.3), 14, RIEMANNIAN, true);
    }

    /**
     * The banana, curved and with an indefinite Hessian away from its ridge (ε 0.3: 5 % of the transitions end a
     * subtree on a fixed point that does not converge). Its means are counted, not its
     * sds: with chains of 400 (or 1000) draws the sd's MCSE is too small there for every sampler — Euclidean
     * NUTS at ε 0.1, without a divergence, puts 21 of 200 (35 of 400) sds beyond 2 MCSE, nearly all below the
     * truth (chains that have not yet reached the tails of the ridge), while the pooled sds are right.
     */
    @Test
    void riemannianNutsSoftAbsMetricOnABanana() {
        Banana b = new Banana(1);
        assertCoverage("Riemannian NUTS, SoftAbs metric, banana", b,
                riemannianNuts(b, "softabs").softabsConst(1).stepSize(0.3), 15, RIEMANNIAN, false);
    }

    /** NUTS with the given Riemannian metric, the implicit integrator and no warm-up adaptation. */
    private static SampleBuilder riemannianNuts(Target target, String metric) {
        return Hamiltorch.sample(target).sampler("nuts").metric(metric).integrator("implicit")
                .adaptStepSize(false).adaptMetric("none");
    }

    /** A target whose mean is known, and the independent coordinates the test checks. */
    private interface Model extends Target {
        /** Coordinates of a draw whose estimates are independent, as described above. */
        UnaryOperator<double[]> coordinates();

        /** The true mean of those coordinates. */
        double[] truth();

        /** The true standard deviation of those coordinates. */
        double[] sd();

        double[] start();
    }

    private static void assertCoverage(String label, Model model, SampleBuilder configured, long seed) {
        assertCoverage(label, model, configured, seed, FULL, true);
    }

    /** As above with the given design; {@code checkSd} false counts the means only. */
    private static void assertCoverage(String label, Model model, SampleBuilder configured, long seed,
                                       Design design, boolean checkSd) {
        int kept = design.kept();
        Samples s = configured.paramsInit(model.start()).numSamples(design.burn() + kept).burn(design.burn())
                .chains(design.chains()).seed(seed).verbose(false).run();
        double[] truth = model.truth();
        int d = truth.length;
        int trials = 0;
        int outside = 0;
        int sdOutside = 0;
        double largest = 0;
        double[] sd = model.sd();
        for (ChainSamples chain : s.chains()) {
            double[][] y = new double[d][kept];
            for (int k = 0; k < kept; k++) {
                double[] c = model.coordinates().apply(chain.draw(k));
                for (int i = 0; i < d; i++) {
                    y[i][k] = c[i];
                }
            }
            for (int i = 0; i < d; i++) {
                double z = (mean(y[i]) - truth[i]) / ConvergenceDiagnostics.mcseMean(new double[][] {y[i]});
                trials++;
                outside += Math.abs(z) > 2 ? 1 : 0;
                largest = Math.max(largest, Math.abs(z));
                double zs = (sd(y[i]) - sd[i]) / ConvergenceDiagnostics.mcseSd(new double[][] {y[i]});
                sdOutside += Math.abs(zs) > 2 ? 1 : 0;
            }
        }
        assertEquals(design.chains() * d, trials);
        BinomialDistribution law = new BinomialDistribution(trials, RATE);
        int low = law.inverseCumulativeProbability(TAIL);
        int high = law.inverseCumulativeProbability(1 - TAIL);
        String counts = String.format("%s: of %d chain estimates, %d means and %d sds lie more than 2 MCSE from the"
                + " truth; expected %d to %d of each (%.1f on average); largest |z| of a mean %.2f", label, trials,
                outside, sdOutside, low, high, trials * RATE, largest);
        assertTrue(outside >= low && outside <= high, counts);
        if (checkSd) {
            assertTrue(sdOutside >= low && sdOutside <= high, counts);
        }
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /**
     * N(μ, Σ) with Σ = Q diag(s²) Qᵀ, Q a rotation by {@code angle} in the plane of the first two
     * coordinates; the coordinates checked are Qᵀθ.
     */
    private static final class Gaussian implements Model {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final double[] mean;
        private final double[] scale;
        private final double[][] q;

        Gaussian(double[] mean, double[] scale, double angle) {
            this.mean = mean.clone();
            this.scale = scale.clone();
            int n = mean.length;
            q = new double[n][n];
            for (int i = 0; i < n; i++) {
                q[i][i] = 1;
            }
            q[0][0] = Math.cos(angle);
            q[0][1] = -Math.sin(angle);
            q[1][0] = Math.sin(angle);
            q[1][1] = Math.cos(angle);
        }

        double[][] covariance() {
            int n = mean.length;
            double[][] cov = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        cov[i][j] += q[i][k] * scale[k] * scale[k] * q[j][k];
                    }
                }
            }
            return cov;
        }

        private double[] rotatedBack(double[] x) {
            double[] y = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                for (int i = 0; i < x.length; i++) {
                    y[k] += q[i][k] * x[i];
                }
            }
            return y;
        }

        @Override
        public UnaryOperator<double[]> coordinates() {
            return this::rotatedBack;
        }

        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        /** −Σ⁻¹ = −Q diag(1/s²) Qᵀ, the same at every θ. */
        @Override
        public double[][] hessian(double[] theta) {
            int n = mean.length;
            double[][] h = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        h[i][j] -= q[i][k] * q[j][k] / (scale[k] * scale[k]);
                    }
                }
            }
            return h;
        }

        @Override
        public double[][][] thirdDerivatives(double[] theta) {
            int n = mean.length;
            return new double[n][n][n];
        }

        @Override
        public double[] thirdOrderContraction(double[] theta, double[][] s) {
            return new double[mean.length];
        }

        @Override
        public double[] truth() {
            return rotatedBack(mean);
        }

        @Override
        public double[] sd() {
            return scale.clone();
        }

        @Override
        public double[] start() {
            // one sd from the mean along every eigenvector
            double[] start = mean.clone();
            for (int i = 0; i < start.length; i++) {
                for (int k = 0; k < start.length; k++) {
                    start[i] += q[i][k] * scale[k];
                }
            }
            return start;
        }

        @Override
        public int dimension() {
            return mean.length;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[theta.length]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            int n = mean.length;
            double[] centred = new double[n];
            for (int i = 0; i < n; i++) {
                centred[i] = theta[i] - mean[i];
            }
            // with y = Qᵀ(θ − μ): log π = −½ Σ yₖ²/sₖ², ∇ log π = −Q (y / s²)
            double[] y = rotatedBack(centred);
            double log = 0;
            java.util.Arrays.fill(gradient, 0);
            for (int k = 0; k < n; k++) {
                double w = y[k] / (scale[k] * scale[k]);
                log -= 0.5 * y[k] * w;
                for (int i = 0; i < n; i++) {
                    gradient[i] -= q[i][k] * w;
                }
            }
            return log;
        }
    }

    /**
     * A banana: x₁ ~ N(0, 1), x₂ | x₁ ~ N(b x₁², 1), so log π = −x₁²/2 − (x₂ − b x₁²)²/2; the checked
     * coordinates x₁ and x₂ − b x₁² are independent standard normals. ∇² log π is indefinite where
     * 2b(x₂ − b x₁²) &gt; 1 + 4b²x₁².
     */
    private static final class Banana implements Model {
        private final double b;

        Banana(double b) {
            this.b = b;
        }

        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        @Override
        public UnaryOperator<double[]> coordinates() {
            return t -> new double[] {t[0], t[1] - b * t[0] * t[0]};
        }

        @Override
        public double[] truth() {
            return new double[] {0, 0};
        }

        @Override
        public double[] sd() {
            return new double[] {1, 1};
        }

        @Override
        public double[] start() {
            return new double[] {0.5, b * 0.25 + 0.5};
        }

        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[2]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            double x = theta[0];
            double r = theta[1] - b * x * x;
            gradient[0] = -x + 2 * b * x * r;
            gradient[1] = -r;
            return -0.5 * x * x - 0.5 * r * r;
        }

        @Override
        public double[][] hessian(double[] theta) {
            double x = theta[0];
            double r = theta[1] - b * x * x;
            return new double[][] {{-1 + 2 * b * r - 4 * b * b * x * x, 2 * b * x}, {2 * b * x, -1}};
        }

        @Override
        public double[][][] thirdDerivatives(double[] theta) {
            double[][][] t = new double[2][2][2];
            t[0][0][0] = -12 * b * b * theta[0];
            t[0][0][1] = t[0][1][0] = t[1][0][0] = 2 * b;
            return t;
        }

        @Override
        public double[] thirdOrderContraction(double[] theta, double[][] s) {
            double[][][] t = thirdDerivatives(theta);
            return new double[] {Contraction.frobenius(s, t[0]), Contraction.frobenius(s, t[1])};
        }
    }

    /**
     * log π(θ) = −Σᵢ (xᵢ⁴/4 + b xᵢ²/2) with x = θ − m: symmetric about m, so its mean is m; b = 1 gives a
     * single well with ∇² log π = −(3x² + 1), b = −1 a double well whose Hessian changes sign at |x| = 1/√3.
     */
    private static final class Quartic implements Model {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final double[] centre;
        private final double b;

        Quartic(double[] centre, double b) {
            this.centre = centre.clone();
            this.b = b;
        }

        @Override
        public UnaryOperator<double[]> coordinates() {
            return UnaryOperator.identity();
        }

        @Override
        public double[] truth() {
            return centre.clone();
        }

        @Override
        public double[] sd() {
            // Simpson's rule on [−8, 8], where the density has fallen below e⁻⁹⁸⁰
            int n = 16_000;
            double h = 16.0 / n;
            double mass = 0;
            double second = 0;
            for (int k = 0; k <= n; k++) {
                double x = -8 + k * h;
                double w = (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2) * Math.exp(-(x * x * x * x / 4 + b * x * x / 2));
                mass += w;
                second += w * x * x;
            }
            double[] sd = new double[centre.length];
            java.util.Arrays.fill(sd, Math.sqrt(second / mass));
            return sd;
        }

        @Override
        public double[] start() {
            double[] start = centre.clone();
            for (int i = 0; i < start.length; i++) {
                start[i] += 0.5;
            }
            return start;
        }

        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        @Override
        public int dimension() {
            return centre.length;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[theta.length]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            double log = 0;
            for (int i = 0; i < centre.length; i++) {
                double x = theta[i] - centre[i];
                log -= x * x * x * x / 4 + b * x * x / 2;
                gradient[i] = -(x * x * x + b * x);
            }
            return log;
        }

        @Override
        public double[][] hessian(double[] theta) {
            double[][] h = new double[centre.length][centre.length];
            for (int i = 0; i < centre.length; i++) {
                double x = theta[i] - centre[i];
                h[i][i] = -(3 * x * x + b);
            }
            return h;
        }

        @Override
        public double[] thirdOrderContraction(double[] theta, double[][] s) {
            double[] c = new double[centre.length];
            for (int i = 0; i < centre.length; i++) {
                c[i] = s[i][i] * -6 * (theta[i] - centre[i]);
            }
            return c;
        }

        @Override
        public double[][][] thirdDerivatives(double[] theta) {
            int n = centre.length;
            double[][][] t = new double[n][n][n];
            for (int i = 0; i < n; i++) {
                t[i][i][i] = -6 * (theta[i] - centre[i]);
            }
            return t;
        }
    }
}
