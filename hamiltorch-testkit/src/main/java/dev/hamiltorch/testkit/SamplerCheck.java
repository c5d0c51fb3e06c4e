package dev.hamiltorch.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks that a sampler recovers targets with known moments: for each seed, one chain of
 * {@link #iterations} draws after {@link #burn} is run, and for every coordinate E[xᵢ] and
 * E[(xᵢ − μᵢ)²] are compared with the exact mean and variance in units of their Monte Carlo standard error
 * (batch means, ⌊√n⌋ batches of ⌊√n⌋ draws). A statistic more than {@link #zLimit} MCSEs off, or one whose
 * MCSE is 0 (a chain that never moves), throws an {@link AssertionError} naming the target, the statistic,
 * the coordinate and the seed:
 * <pre>{@code
 * SamplerCheck.of(SamplerUnderTest.ofPlugins(sampler, metric, integrator, settings))
 *         .assertRecovers(KnownTargets.correlatedGaussian())
 *         .assertRecovers(KnownTargets.logistic(2));
 * }</pre>
 * With the defaults (4 MCSEs, 4 statistics per 2-D target, 2 seeds) a correct sampler fails with
 * probability about 1e-3 per target (normal tails: 16 comparisons × 6.3e-5), and a bias of a tenth of a
 * standard deviation in 4000 effectively independent draws is 6 MCSEs.
 */
public final class SamplerCheck {

    private final SamplerUnderTest sampler;
    private int iterations = 4000;
    private int burn = 500;
    private long[] seeds = {1, 2};
    private double zLimit = 4;

    private SamplerCheck(SamplerUnderTest sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
    }

    /** A check of {@code sampler}: 4000 draws after 500 burn-in, seeds 1 and 2, 4 MCSEs. */
    public static SamplerCheck of(SamplerUnderTest sampler) {
        return new SamplerCheck(sampler);
    }

    /** Draws kept per chain (default 4000). */
    public SamplerCheck iterations(int n) {
        if (n < 100) {
            throw new IllegalArgumentException("iterations must be at least 100 for batch means, got " + n);
        }
        this.iterations = n;
        return this;
    }

    /** Draws discarded first (default 500). */
    public SamplerCheck burn(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("burn must be non-negative, got " + n);
        }
        this.burn = n;
        return this;
    }

    /** One chain per seed (default 1 and 2). */
    public SamplerCheck seeds(long... seeds) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds must name at least one seed");
        }
        this.seeds = seeds.clone();
        return this;
    }

    /** How many MCSEs a statistic may be off (default 4). */
    public SamplerCheck zLimit(double z) {
        if (!(z > 0)) {
            throw new IllegalArgumentException("zLimit must be positive, got " + z);
        }
        this.zLimit = z;
        return this;
    }

    /**
     * Samples {@code known} from its start with each seed and compares every coordinate's mean and variance.
     *
     * @throws AssertionError at the first statistic more than the limit off
     */
    public SamplerCheck assertRecovers(KnownTarget known) {
        int d = known.target().dimension();
        for (long seed : seeds) {
            double[][] all = sampler.draws(known.target(), known.start(), burn + iterations, seed);
            if (all.length != burn + iterations) {
                throw new AssertionError("the sampler returned " + all.length + " draws of " + known.name()
                        + " for " + (burn + iterations) + " iterations (seed " + seed + ")");
            }
            double[][] kept = Arrays.copyOfRange(all, burn, all.length);
            for (int i = 0; i < d; i++) {
                double[] x = new double[iterations];
                double[] squared = new double[iterations];
                for (int t = 0; t < iterations; t++) {
                    x[t] = kept[t][i];
                    double r = kept[t][i] - known.mean()[i];
                    squared[t] = r * r;
                }
                compare(known, "E[x[" + i + "]]", x, known.mean()[i], seed);
                compare(known, "E[(x[" + i + "] − μ)²]", squared, known.variance()[i], seed);
            }
        }
        return this;
    }

    private void compare(KnownTarget known, String statistic, double[] values, double exact, long seed) {
        BatchMeans batches = BatchMeans.of(values);
        double mean = batches.mean();
        double mcse = batches.monteCarloStandardError();
        if (mcse == 0) {
            throw new AssertionError(String.format(Locale.ROOT, "the sampler does not recover %s: %s = %.5g is constant"
                    + " over %d draws after %d burn-in (seed %d), MCSE 0: the chain never moved", known.name(), statistic,
                    mean, iterations, burn, seed));
        }
        double z = (mean - exact) / mcse;
        if (!(Math.abs(z) <= zLimit)) {
            throw new AssertionError(String.format(Locale.ROOT, "the sampler does not recover %s: %s = %.5g, the"
                    + " target's is %.5g, %.1f MCSE off (MCSE %.3g by batch means; %d draws after %d burn-in, seed %d;"
                    + " |z| ≤ %.1f allowed)", known.name(), statistic, mean, exact, z, mcse, iterations,
                    burn, seed, zLimit));
        }
    }
}
