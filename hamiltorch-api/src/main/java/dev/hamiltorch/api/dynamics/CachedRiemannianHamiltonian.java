package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.Target;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A base for Riemannian metric plugins: the target, the jitter fixed for one trajectory, and the
 * geometries at the most recently used positions, keyed by the exact contents of θ, so that an
 * implicit integrator's fixed points never recompute what depends on θ alone. Subclasses supply
 * {@link #newGeometry} (usually a {@link LazyGeometry}) and {@link #withJitter}. Used by one thread at a
 * time, like the target.
 */
public abstract class CachedRiemannianHamiltonian implements RiemannianHamiltonian {

    /**
     * Positions kept: an implicit integrator alternates between θ and the current guess of θ', and
     * the trajectory's start is needed again for the energy.
     */
    public static final int CACHED_POSITIONS = 4;

    /** The target. */
    protected final Target target;
    /** The metric's jitter options (scale and attempts); {@link #jitter} is what one trajectory drew. */
    protected final Jitter jitterOptions;
    /** D. */
    protected final int dimension;
    /** diag(jitter · U(0,1)) of this trajectory; all zeros outside one. */
    protected final double[] jitter;
    /** Whether any jitter is non-zero. */
    protected final boolean jittered;

    // most recently used first
    private final double[][] positions = new double[CACHED_POSITIONS][];
    private final Geometry[] geometries = new Geometry[CACHED_POSITIONS];

    /**
     * @param jitterOptions the jitter's scale and attempts ({@link Jitter#of} the metric's options)
     * @param jitter this trajectory's diagonal jitter, or null for none
     */
    protected CachedRiemannianHamiltonian(Target target, Jitter jitterOptions, double[] jitter) {
        this.target = Objects.requireNonNull(target, "target");
        this.jitterOptions = Objects.requireNonNull(jitterOptions, "jitterOptions");
        this.dimension = target.dimension();
        this.jitter = jitter == null ? new double[dimension] : jitter;
        boolean any = false;
        for (double j : this.jitter) {
            any |= j != 0;
        }
        this.jittered = any;
    }

    /** The same Hamiltonian with {@code jitter} added to the metric's diagonal, and an empty cache. */
    protected abstract CachedRiemannianHamiltonian withJitter(double[] jitter);

    /** A new geometry at {@code theta}, which it may keep (it is a private copy). */
    protected abstract Geometry newGeometry(double[] theta);

    @Override
    public Target target() {
        return target;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public final Geometry geometry(double[] theta) {
        for (int i = 0; i < CACHED_POSITIONS; i++) {
            if (positions[i] == null) {
                break;
            }
            if (Arrays.equals(positions[i], theta)) {
                Geometry hit = geometries[i];
                moveToFront(i, positions[i], hit);
                return hit;
            }
        }
        if (theta.length != dimension) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + dimension);
        }
        double[] key = theta.clone();
        Geometry created = newGeometry(key);
        moveToFront(CACHED_POSITIONS - 1, key, created);
        return created;
    }

    private void moveToFront(int from, double[] key, Geometry geometry) {
        System.arraycopy(positions, 0, positions, 1, from);
        System.arraycopy(geometries, 0, geometries, 1, from);
        positions[0] = key;
        geometries[0] = geometry;
    }

    /**
     * Draws the jitter diag(jitter · U(0,1)) once and returns a Hamiltonian that keeps it for the
     * whole trajectory; without jitter, returns this Hamiltonian (and its cache).
     */
    @Override
    public final RiemannianHamiltonian forTrajectory(RandomGenerator rng) {
        if (jitterOptions.scale() == 0) {
            return this;
        }
        double[] drawn = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            drawn[i] = jitterOptions.scale() * rng.nextDouble();
        }
        return withJitter(drawn);
    }

    /** The jitter of this trajectory (a copy); zeros unless made by {@link #forTrajectory}. */
    public double[] jitter() {
        return jitter.clone();
    }
}
