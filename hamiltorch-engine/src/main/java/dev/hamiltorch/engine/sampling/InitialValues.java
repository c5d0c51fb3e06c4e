package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Where each chain starts: one position shared by every chain, one position per chain, or, as Stan
 * does by default, a point drawn uniformly from (−r, r)ᵈ (r = 2) from the chain's own random stream,
 * drawn again until the log density and its gradient are finite there, at most a bounded number of
 * times (Stan's 100). Random starts depend on (seed, chain) alone, like the chains themselves.
 * Immutable.
 */
public final class InitialValues {

    /** Stan's half-width of the uniform initialisation interval. */
    public static final double DEFAULT_RADIUS = 2;
    /** Stan's number of attempts at a random initial point. */
    public static final int DEFAULT_ATTEMPTS = 100;

    /** Given positions (one shared, or one per chain), or empty for random starts. */
    private final List<double[]> positions;
    private final boolean perChain;
    private final double radius;
    private final int attempts;

    private InitialValues(List<double[]> positions, boolean perChain, double radius, int attempts) {
        this.positions = positions;
        this.perChain = perChain;
        this.radius = radius;
        this.attempts = attempts;
    }

    /**
     * Every chain starts at {@code position} (hamiltorch's {@code params_init}).
     *
     * @throws IllegalArgumentException if a coordinate is not finite
     */
    public static InitialValues shared(double... position) {
        return new InitialValues(List.of(checked("position", position)), false, Double.NaN, 0);
    }

    /**
     * Chain c starts at {@code positions.get(c)}; there must be one position per chain.
     *
     * @throws IllegalArgumentException if the list is empty, positions differ in length, or a coordinate is not finite
     */
    public static InitialValues perChain(List<double[]> positions) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("positions = []: give one initial position per chain");
        }
        List<double[]> copies = new ArrayList<>();
        for (int c = 0; c < positions.size(); c++) {
            double[] p = checked("positions[" + c + "]", positions.get(c));
            if (p.length != positions.get(0).length) {
                throw new IllegalArgumentException("positions[" + c + "] has length " + p.length + " but positions[0] has "
                        + positions.get(0).length);
            }
            copies.add(p);
        }
        return new InitialValues(List.copyOf(copies), true, Double.NaN, 0);
    }

    /** Stan's default: uniform on (−2, 2)ᵈ from each chain's stream, at most 100 attempts per chain. */
    public static InitialValues uniform() {
        return uniform(DEFAULT_RADIUS, DEFAULT_ATTEMPTS);
    }

    /**
     * Uniform on (−radius, radius)ᵈ from each chain's stream, at most {@code attempts} draws per chain.
     *
     * @throws IllegalArgumentException unless radius is finite and positive and attempts ≥ 1
     */
    public static InitialValues uniform(double radius, int attempts) {
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius = " + radius + ": must be finite and positive");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts = " + attempts + ": must be at least 1");
        }
        return new InitialValues(List.of(), false, radius, attempts);
    }

    /** Whether starts are drawn at random rather than given. */
    public boolean isRandom() {
        return positions.isEmpty();
    }

    /** The position chain {@code chain} starts at when positions are given (a copy); null for random starts. */
    public double[] given(int chain) {
        if (isRandom()) {
            return null;
        }
        return (perChain ? positions.get(chain) : positions.get(0)).clone();
    }

    /**
     * Checks the given positions against the run.
     *
     * @throws IllegalArgumentException if a position's length is not {@code dimension}, or there is not one
     *         position per chain
     */
    public void check(int dimension, int chains) {
        if (isRandom()) {
            return;
        }
        if (perChain && positions.size() != chains) {
            throw new IllegalArgumentException("initial positions: " + positions.size() + " given for " + chains
                    + " chains; give one per chain or one shared");
        }
        if (positions.get(0).length != dimension) {
            throw new IllegalArgumentException("initial position has length " + positions.get(0).length
                    + " but the target has dimension " + dimension);
        }
    }

    /**
     * The state chain {@code chain} starts in: its given position, or the first of at most
     * {@code attempts} uniform draws from {@code stream} that {@code kernel} accepts as a start (finite
     * log density and gradient, inside the density's domain).
     *
     * @throws IllegalArgumentException naming the attempts and the last reason, when no random draw is
     *         accepted; or the kernel's own, when it refuses a given position
     * @throws RuntimeException whatever else the target throws (user code failing), at once
     */
    ChainState start(int chain, Kernel kernel, int dimension, RandomGenerator stream) {
        if (!isRandom()) {
            return kernel.init(given(chain));
        }
        IllegalArgumentException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            double[] position = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                position[i] = radius * (2 * stream.nextDouble() - 1);
            }
            try {
                return kernel.init(position);
            } catch (IllegalArgumentException e) {
                last = e; // a point outside the density's support: draw another, as Stan does
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "no initial position with a finite log density"
                + " and gradient found in %d attempt%s drawn uniformly from (-%s, %s)^%d for chain %d; the last: %s."
                + " Give initial values inside the support (paramsInit) or a smaller radius", attempts,
                attempts == 1 ? "" : "s", radius, radius, dimension, chain, last.getMessage()), last);
    }

    private static double[] checked(String name, double[] position) {
        Objects.requireNonNull(position, name);
        for (int i = 0; i < position.length; i++) {
            if (!Double.isFinite(position[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + position[i] + ": must be finite ("
                        + name + " = " + Arrays.toString(position) + ")");
            }
        }
        return position.clone();
    }

    @Override
    public String toString() {
        return isRandom() ? "uniform(-" + radius + ", " + radius + "), " + attempts + " attempts"
                : perChain ? positions.size() + " positions, one per chain" : "shared " + Arrays.toString(positions.get(0));
    }
}
