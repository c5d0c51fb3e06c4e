package dev.hamiltorch.engine.diagnostics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * The convergence diagnostics of Vehtari, Gelman, Simpson, Carpenter and Bürkner (2021),
 * "Rank-normalization, folding, and localization: an improved R̂ for assessing convergence of MCMC",
 * computed the way R's {@code posterior} package (1.4) computes them, so that numbers agree with
 * {@code posterior} to about 1e-14 relative (rounding in the FFT and Φ⁻¹).
 *
 * <p>Every method takes one parameter's draws as {@code chains[c][i]}, draw i of chain c; all chains
 * must have the same length. A diagnostic that is undefined for the draws (a NaN draw, all draws equal,
 * split chains shorter than 3 for ESS) is NaN. As in posterior, infinite draws are simply ranked by the
 * rank-normalised R̂ and bulk-ESS but make the unranked diagnostics NaN.
 */
public final class ConvergenceDiagnostics {

    /** posterior's tolerance for "all draws equal": R's {@code .Machine$double.eps}. */
    private static final double CONSTANT_TOLERANCE = Math.ulp(1.0);

    private ConvergenceDiagnostics() {
    }

    /** All the diagnostics of one parameter at once. */
    public static ParameterDiagnostics of(double[][] chains) {
        double essMean = essMean(chains);
        double essQ05 = essQuantile(chains, 0.05);
        double essQ95 = essQuantile(chains, 0.95);
        double essMedian = essQuantile(chains, 0.5);
        // the bulk R̂ and the bulk ESS share the rank-normalised split chains, the costliest step
        double[][] bulk = anyNaN(chains) ? null : zScale(splitChains(chains));
        double rhat = bulk == null ? Double.NaN : rhat(chains, bulk);
        double essBulk = bulk == null ? Double.NaN : ess(bulk);
        return new ParameterDiagnostics(rhat, essBulk, Math.min(essQ05, essQ95), essMean,
                mcseMean(chains, essMean), mcseSd(chains), essSd(chains), essMedian,
                mcseQuantile(chains, 0.5, essMedian), mcseQuantile(chains, 0.05, essQ05),
                mcseQuantile(chains, 0.95, essQ95));
    }

    /**
     * R̂: the larger of the bulk R̂ (rank-normalised split chains) and the tail R̂ (rank-normalised split
     * chains of |x − median|), posterior's {@code rhat()}.
     */
    public static double rhat(double[][] chains) {
        check(chains);
        if (anyNaN(chains)) {
            return Double.NaN;
        }
        // ranked after splitting (the middle draw of odd chains is gone), folded before splitting
        return rhat(chains, zScale(splitChains(chains)));
    }

    /** R̂ given the rank-normalised split chains {@code bulk} of {@code chains}. */
    private static double rhat(double[][] chains, double[][] bulk) {
        return Math.max(rhatBasic(bulk), rhatBasic(zScale(splitChains(fold(chains)))));
    }

    /** Bulk ESS: the ESS of the rank-normalised split chains, posterior's {@code ess_bulk()}. */
    public static double essBulk(double[][] chains) {
        check(chains);
        if (anyNaN(chains)) {
            return Double.NaN;
        }
        return ess(zScale(splitChains(chains)));
    }

    /**
     * Tail ESS: the smaller of the ESS of the split-chain indicators I(x ≤ q₀.₀₅) and I(x ≤ q₀.₉₅), the
     * quantiles (type 7) taken over all draws, posterior's {@code ess_tail()}.
     */
    public static double essTail(double[][] chains) {
        return Math.min(essQuantile(chains, 0.05), essQuantile(chains, 0.95));
    }

    /**
     * The ESS of the estimate of quantile {@code probability}: the ESS of the indicator I(x ≤ q) on split
     * chains, q the type-7 quantile of all draws (middle draws included), posterior's {@code ess_quantile()}.
     */
    public static double essQuantile(double[][] chains, double probability) {
        check(chains);
        if (shouldReturnNaN(chains)) {
            return Double.NaN;
        }
        if (probability == 1) {
            // posterior's guard: I(x ≤ max) would be constant
            double s = chains.length * (double) chains[0].length;
            probability = (s - 0.5) / s;
        }
        double q = Quantiles.type7Unsorted(flatten(chains), probability)[0];
        double[][] indicator = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            indicator[c] = new double[chains[c].length];
            for (int i = 0; i < chains[c].length; i++) {
                indicator[c][i] = chains[c][i] <= q ? 1 : 0;
            }
        }
        return ess(splitChains(indicator));
    }

    /** The ESS of the mean: the ESS of the split chains without ranking, posterior's {@code ess_mean()}. */
    public static double essMean(double[][] chains) {
        check(chains);
        return ess(splitChains(chains));
    }

    /**
     * The ESS of the sd: the ESS of the split chains of |x − x̄| (x̄ over all draws), posterior's
     * {@code ess_sd()} (1.4.0; R's posterior computes it the same way since 1.0).
     */
    public static double essSd(double[][] chains) {
        check(chains);
        double mean = mean(flatten(chains));
        double[][] deviation = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            deviation[c] = new double[chains[c].length];
            for (int i = 0; i < chains[c].length; i++) {
                deviation[c][i] = Math.abs(chains[c][i] - mean);
            }
        }
        return ess(splitChains(deviation));
    }

    /**
     * The energy Bayesian fraction of missing information of one chain (Betancourt 2016, "Diagnosing
     * suboptimal cotangent disintegrations in Hamiltonian Monte Carlo"): Σᵢ (Eᵢ − Eᵢ₋₁)² / Σᵢ (Eᵢ − Ē)²
     * over the chain's energies E (Stan's {@code energy__}), the estimator of CmdStan and rstan's
     * {@code get_bfmi}. Values below 0.3 say the momentum resampling explores the energy levels poorly.
     * NaN for fewer than 2 energies, constant energies, or a non-finite one.
     */
    public static double ebfmi(double[] energy) {
        if (energy.length < 2) {
            return Double.NaN;
        }
        double mean = mean(energy);
        double squaredChanges = 0;
        double squaredDeviations = 0;
        for (int i = 0; i < energy.length; i++) {
            if (!Double.isFinite(energy[i])) {
                return Double.NaN;
            }
            if (i > 0) {
                squaredChanges += (energy[i] - energy[i - 1]) * (energy[i] - energy[i - 1]);
            }
            squaredDeviations += (energy[i] - mean) * (energy[i] - mean);
        }
        // 0/0 for constant energies is NaN, as in R
        return squaredChanges / squaredDeviations;
    }

    /** The Monte Carlo standard error of the mean, sd / √ESS_mean, posterior's {@code mcse_mean()}. */
    public static double mcseMean(double[][] chains) {
        return mcseMean(chains, essMean(chains));
    }

    private static double mcseMean(double[][] chains, double essMean) {
        // the sd is over all draws, the middle draws of odd-length chains included, as posterior does
        return Math.sqrt(variance(flatten(chains))) / Math.sqrt(essMean);
    }

    /**
     * The Monte Carlo standard error of the sd, posterior's {@code mcse_sd()}: the delta method
     * Var(s) ≈ Var(s²)/(4 s²), Var(s²) estimated as (m₄ − m₂²)/ESS with the ESS of the squared centred
     * draws (central moments mₖ with denominator S).
     */
    public static double mcseSd(double[][] chains) {
        check(chains);
        double mean = mean(flatten(chains));
        double[][] squared = new double[chains.length][];
        double m2 = 0;
        double m4 = 0;
        for (int c = 0; c < chains.length; c++) {
            squared[c] = new double[chains[c].length];
            for (int i = 0; i < chains[c].length; i++) {
                double d = chains[c][i] - mean;
                squared[c][i] = d * d;
                m2 += d * d;
                m4 += d * d * d * d;
            }
        }
        double s = chains.length * (double) chains[0].length;
        m2 /= s;
        m4 /= s;
        double varVar = (m4 - m2 * m2) / essMean(squared);
        return Math.sqrt(varVar / m2 / 4);
    }

    /**
     * The Monte Carlo standard error of the type-7 quantile {@code probability}, posterior's
     * {@code mcse_quantile()}: half the distance between the order statistics at the Beta(ESS·p + 1,
     * ESS·(1 − p) + 1) quantiles Φ(−1) and Φ(1), the ESS being {@link #essQuantile}.
     */
    public static double mcseQuantile(double[][] chains, double probability) {
        return mcseQuantile(chains, probability, essQuantile(chains, probability));
    }

    private static double mcseQuantile(double[][] chains, double probability, double ess) {
        if (Double.isNaN(ess)) {
            return Double.NaN;
        }
        // posterior's rounded Φ(∓1); the accuracy matters only where a·S lands on an integer
        BetaDistribution beta = new BetaDistribution(null, ess * probability + 1, ess * (1 - probability) + 1, 1e-15);
        double lower = beta.inverseCumulativeProbability(0.1586553);
        double upper = beta.inverseCumulativeProbability(0.8413447);
        double[] sorted = flatten(chains);
        Arrays.sort(sorted);
        int s = sorted.length;
        int i1 = (int) Math.max(Math.floor(lower * s), 1);
        int i2 = (int) Math.min(Math.ceil(upper * s), s);
        return (sorted[i2 - 1] - sorted[i1 - 1]) / 2;
    }

    /**
     * Splits each chain into its first and second half; with an odd number of draws the middle one is
     * dropped. A chain of one draw is left whole. Chains of 2 or 3 draws split as posterior 1.4.0 splits
     * them: its halves of one row lose their matrix shape ({@code x[1:1, ]} is a vector), so the split
     * has two "chains" of C draws each, the first draws of all C chains and their last draws.
     */
    static double[][] splitChains(double[][] chains) {
        int n = chains[0].length;
        if (n == 1) {
            return copy(chains);
        }
        if (n / 2 == 1) {
            double[][] split = new double[2][chains.length];
            for (int c = 0; c < chains.length; c++) {
                split[0][c] = chains[c][0];
                split[1][c] = chains[c][n - 1];
            }
            return split;
        }
        int half = n / 2;
        int secondStart = (n + 1) / 2;
        double[][] split = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            split[c] = Arrays.copyOfRange(chains[c], 0, half);
            split[chains.length + c] = Arrays.copyOfRange(chains[c], secondStart, n);
        }
        return split;
    }

    /**
     * Rank normalisation: each draw's rank r among all S draws (average ranks for ties) mapped to
     * Φ⁻¹((r − 3/8)/(S + 1/4)), Blom's offset.
     */
    static double[][] zScale(double[][] x) {
        double[] all = flatten(x);
        double[] ranks = averageRanks(all);
        int s = all.length;
        double[] scores = normalScores(s);
        double[][] z = new double[x.length][];
        int k = 0;
        for (int c = 0; c < x.length; c++) {
            z[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                double rank = ranks[k++];
                // a NaN (a folded draw at ∞ − ∞) stays NaN, as posterior's z_scale keeps NA; ties have
                // half-integer ranks, not in the table
                z[c][i] = Double.isNaN(x[c][i]) ? Double.NaN
                        : rank == Math.rint(rank) ? scores[(int) rank - 1]
                        : inverseNormalCdf((rank - 0.375) / (s + 0.25));
            }
        }
        return z;
    }

    /** The last table of {@link #normalScores}: every parameter of a run has the same number of draws. */
    private static volatile double[] lastNormalScores = new double[0];

    /** Φ⁻¹((r − 3/8)/(S + 1/4)) for the integer ranks r = 1..S, the same numbers zScale would compute. */
    private static double[] normalScores(int s) {
        double[] scores = lastNormalScores;
        if (scores.length != s) {
            scores = new double[s];
            for (int r = 1; r <= s; r++) {
                scores[r - 1] = inverseNormalCdf((r - 0.375) / (s + 0.25));
            }
            lastNormalScores = scores; // never written after publication: safe to share between threads
        }
        return scores;
    }

    /**
     * Ranks from 1, ties sharing the average of the ranks they span (R's {@code ties.method = "average"}),
     * with −0.0 and 0.0 tied as in R, and NaN ranked last, each apart, in the order they come. By a
     * primitive sort of the values and two binary searches per value, not a sort of boxed indices (which
     * cost most of a 25-parameter summary's time): the same ranks.
     */
    static double[] averageRanks(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted); // NaN last; −0.0 before 0.0, which the primitive comparisons below tie
        int numbers = n;
        while (numbers > 0 && Double.isNaN(sorted[numbers - 1])) {
            numbers--;
        }
        double[] ranks = new double[n];
        int nans = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                ranks[i] = numbers + ++nans;
                continue;
            }
            int start = firstNotBelow(sorted, numbers, v);
            int end = firstAbove(sorted, start, numbers, v);
            ranks[i] = (start + 1 + end) / 2.0;
        }
        return ranks;
    }

    /** The first index below {@code to} whose value is not below {@code v} (primitive order). */
    private static int firstNotBelow(double[] sorted, int to, double v) {
        int lo = 0;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index from {@code from} below {@code to} whose value is above {@code v} (primitive order). */
    private static int firstAbove(double[] sorted, int from, int to, double v) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** |x − median(x)| with the median over all chains: the "folded" draws whose R̂ watches the tails. */
    private static double[][] fold(double[][] x) {
        double median = Quantiles.type7Unsorted(flatten(x), 0.5)[0];
        double[][] folded = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            folded[c] = new double[x[c].length];
            for (int i = 0; i < x[c].length; i++) {
                folded[c][i] = Math.abs(x[c][i] - median);
            }
        }
        return folded;
    }

    /** The classic (already split) R̂: √((B/W + n − 1)/n) with B = n·var(chain means), W = mean chain variance. */
    static double rhatBasic(double[][] x) {
        if (shouldReturnNaN(x)) {
            return Double.NaN;
        }
        int m = x.length;
        int n = x[0].length;
        double[] chainMean = new double[m];
        double withinSum = 0;
        for (int c = 0; c < m; c++) {
            chainMean[c] = mean(x[c]);
            withinSum += variance(x[c]);
        }
        double between = n * variance(chainMean);
        double within = withinSum / m;
        return Math.sqrt((between / within + n - 1) / n);
    }

    /**
     * The ESS of (already split) chains: Geyer's initial positive sequence of paired autocorrelations,
     * made monotone, summed with the improved truncation, and τ̂ capped below at 1/log₁₀(S).
     */
    static double ess(double[][] x) {
        int m = x.length;
        int n = x[0].length;
        if (n < 3 || shouldReturnNaN(x)) {
            return Double.NaN;
        }
        double[][] acov = new double[m][];
        double[] chainMean = new double[m];
        for (int c = 0; c < m; c++) {
            acov[c] = autocovariance(x[c]);
            chainMean[c] = mean(x[c]);
        }
        double meanVar = meanAt(acov, 0) * n / (n - 1);
        double varPlus = meanVar * (n - 1) / n;
        if (m > 1) {
            varPlus += variance(chainMean);
        }

        double[] rho = new double[n];
        int t = 0;
        double rhoEven = 1;
        rho[0] = rhoEven;
        double rhoOdd = 1 - (meanVar - meanAt(acov, 1)) / varPlus;
        rho[1] = rhoOdd;
        // posterior's loop bound: it stops 5 lags short of the end, where the estimates are noisiest
        while (t < n - 5 && !Double.isNaN(rhoEven + rhoOdd) && rhoEven + rhoOdd > 0) {
            t += 2;
            rhoEven = 1 - (meanVar - meanAt(acov, t)) / varPlus;
            rhoOdd = 1 - (meanVar - meanAt(acov, t + 1)) / varPlus;
            if (rhoEven + rhoOdd >= 0) {
                rho[t] = rhoEven;
                rho[t + 1] = rhoOdd;
            }
        }
        int maxT = t;
        // the improved estimate adds the last positive even-lag term
        if (rhoEven > 0) {
            rho[maxT] = rhoEven;
        }

        t = 0;
        while (t <= maxT - 4) {
            t += 2;
            if (rho[t] + rho[t + 1] > rho[t - 2] + rho[t - 1]) {
                rho[t] = (rho[t - 2] + rho[t - 1]) / 2;
                rho[t + 1] = rho[t];
            }
        }
        double draws = (double) m * n;
        double sum = 0;
        // posterior sums rho_hat_t[1:max_t]; for max_t = 0 (chains of 3 to 5 draws) R's 1:0 is c(1, 0),
        // which picks ρ₀ = 1, so τ̂ = 2 there and ESS = S/2: matched here rather than "corrected"
        for (int k = 0; k < Math.max(maxT, 1); k++) {
            sum += rho[k];
        }
        double tau = -1 + 2 * sum + rho[maxT];
        // the cap keeps ESS ≤ S·log₁₀(S) for antithetic chains and τ̂ positive
        tau = Math.max(tau, 1 / Math.log10(draws));
        return draws / tau;
    }

    /**
     * The biased autocovariance Σᵢ (xᵢ − x̄)(xᵢ₊ₜ − x̄) / n at every lag t (Geyer 1992), by FFT of the
     * centred draws zero-padded to a power of two ≥ 2n; all zero for a constant chain. Scaled as
     * posterior scales it: autocorrelation times var·(n − 1)/n.
     */
    static double[] autocovariance(double[] x) {
        int n = x.length;
        double variance = variance(x);
        if (variance == 0 || isConstant(x)) {
            return new double[n];
        }
        int size = Integer.highestOneBit(Math.max(1, 2 * n - 1));
        if (size < 2 * n) {
            size <<= 1;
        }
        double mean = mean(x);
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        Fft.transform(re, im, false);
        for (int k = 0; k < size; k++) {
            re[k] = re[k] * re[k] + im[k] * im[k];
            im[k] = 0;
        }
        Fft.transform(re, im, true);
        double[] acov = new double[n];
        double scale = variance * (n - 1) / n / re[0];
        for (int t = 0; t < n; t++) {
            acov[t] = re[t] * scale;
        }
        return acov;
    }

    /**
     * Φ⁻¹(p) to near full double precision: commons-math's erf⁻¹ as a start, then one Newton step on
     * Φ(z) = erfc(−z/√2)/2, working in the lower tail where erfc keeps its relative accuracy.
     */
    static double inverseNormalCdf(double p) {
        if (p > 0.5) {
            // 1 − p is exact for p in [0.5, 1]
            return -inverseNormalCdf(1 - p);
        }
        if (p == 0.5) {
            return 0;
        }
        double z = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
        for (int k = 0; k < 2; k++) {
            double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
            double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            z -= (cdf - p) / density;
        }
        return z;
    }

    /** posterior's {@code should_return_NA}: any non-finite draw, or all draws equal within 2⁻⁵². */
    private static boolean shouldReturnNaN(double[][] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] chain : x) {
            for (double v : chain) {
                if (!Double.isFinite(v)) {
                    return true;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.abs(max - min) < CONSTANT_TOLERANCE;
    }

    private static boolean anyNaN(double[][] x) {
        for (double[] chain : x) {
            for (double v : chain) {
                if (Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    private static void check(double[][] chains) {
        if (chains.length == 0 || chains[0].length == 0) {
            throw new IllegalArgumentException("no draws");
        }
        for (double[] chain : chains) {
            if (chain.length != chains[0].length) {
                throw new IllegalArgumentException("chains of different lengths: " + chain.length + " and "
                        + chains[0].length);
            }
        }
    }

    private static double meanAt(double[][] acov, int lag) {
        double s = 0;
        for (double[] a : acov) {
            s += a[lag];
        }
        return s / acov.length;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance, denominator n − 1 (NaN for one value, as R's {@code var}). */
    private static double variance(double[] x) {
        double mean = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }

    private static double[] flatten(double[][] x) {
        return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }
}
