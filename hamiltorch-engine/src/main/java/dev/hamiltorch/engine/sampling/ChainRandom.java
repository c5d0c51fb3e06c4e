package dev.hamiltorch.engine.sampling;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A chain's random stream, whose state can be saved and restored (for checkpoints): xoshiro256++
 * (Blackman &amp; Vigna 2021) seeded through SplitMix64 from the run's seed, chain c's stream starting
 * c jumps of 2¹²⁸ draws after chain 0's, so streams never overlap and depend on (seed, chain) alone,
 * whatever the number of chains or threads. Gaussians come from the exact ziggurat sampler of
 * McFarland (2016), which keeps no state of its own, so the generator's state is the stream's.
 *
 * <p>Confined to one chain's thread.
 */
public final class ChainRandom implements RandomGenerator {

    private final XoShiRo256PlusPlus generator;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    private ChainRandom(XoShiRo256PlusPlus generator) {
        this.generator = generator;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(generator);
    }

    /**
     * The stream of chain {@code chain} of a run seeded with {@code seed}.
     *
     * @throws IllegalArgumentException if {@code chain} is negative
     */
    public static ChainRandom of(long seed, int chain) {
        if (chain < 0) {
            throw new IllegalArgumentException("chain = " + chain + ": must be non-negative");
        }
        SplitMix64 seeder = new SplitMix64(seed);
        XoShiRo256PlusPlus g = new XoShiRo256PlusPlus(new long[] {seeder.nextLong(), seeder.nextLong(),
                seeder.nextLong(), seeder.nextLong()});
        for (int c = 0; c < chain; c++) {
            g.jump();
        }
        return new ChainRandom(g);
    }

    /** A stream that continues from a {@link #saveState() saved state}. */
    public static ChainRandom restore(byte[] state) {
        XoShiRo256PlusPlus g = new XoShiRo256PlusPlus(new long[4]);
        g.restoreState(new RandomProviderDefaultState(state.clone()));
        return new ChainRandom(g);
    }

    /** The stream's state: {@link #restore(byte[])} continues it draw for draw. */
    public byte[] saveState() {
        return ((RandomProviderDefaultState) generator.saveState()).getState();
    }

    @Override
    public long nextLong() {
        return generator.nextLong();
    }

    @Override
    public int nextInt() {
        return generator.nextInt();
    }

    @Override
    public double nextDouble() {
        return generator.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return gaussian.sample();
    }
}
