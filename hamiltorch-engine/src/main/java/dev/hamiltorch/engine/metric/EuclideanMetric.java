package dev.hamiltorch.engine.metric;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.linalg.Cholesky;
import java.util.Arrays;

/**
 * The Euclidean metric: a constant mass matrix M, given by its inverse, each step's
 * {@link dev.hamiltorch.api.kernel.StepParameters#inverseMass()} (hamiltorch's {@code inv_mass}). It has no options. The Hamiltonian is
 * H(θ, p) = −log π(θ) + ½ pᵀ M⁻¹ p, with velocity M⁻¹ p and momentum p ~ N(0, M). Identity,
 * diagonal, dense and block-diagonal M⁻¹ are supported; dense blocks are factorised once, M⁻¹ = L Lᵀ,
 * and momenta are drawn as p = L⁻ᵀ z, so M itself is never formed.
 *
 * <p>The inverse mass is checked against the target's dimension: a wrong shape, a non-finite entry,
 * an asymmetric matrix or one that is not positive-definite is refused with an
 * {@link IllegalArgumentException} naming {@code invMass} and the offending value or shape.
 * Asymmetry up to rounding (10⁻¹⁰ relative to √(AᵢᵢAⱼⱼ)) is accepted and averaged away.
 */
@AutoService(Metric.class)
public final class EuclideanMetric implements Metric {

    private static final String NAME = "invMass";
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public EuclideanMetric() {
    }

    @Override
    public String name() {
        return EUCLIDEAN;
    }

    /**
     * The separable Hamiltonian of {@code target} with the identity inverse mass, which kernels re-mass to
     * each step's ({@link Hamiltonian#withInverseMass}).
     */
    @Override
    public Hamiltonian hamiltonian(Target target, PluginOptions options) {
        return hamiltonian(target, InverseMass.identity());
    }

    /**
     * The Hamiltonian of {@code target} with {@code inverseMass}.
     *
     * @throws IllegalArgumentException naming {@code invMass} if the inverse mass does not fit the target
     *         or is not symmetric positive-definite
     */
    public static Hamiltonian hamiltonian(Target target, InverseMass inverseMass) {
        int d = target.dimension();
        if (inverseMass instanceof InverseMass.Identity) {
            return new EuclideanHamiltonian.Identity(target);
        } else if (inverseMass instanceof InverseMass.Diagonal diagonal) {
            return new EuclideanHamiltonian.Diagonal(target, diagonal.values());
        } else if (inverseMass instanceof InverseMass.Dense dense) {
            double[][] a = dense.matrix();
            checkSquare(a, NAME, d, "the target has dimension " + d);
            return new EuclideanHamiltonian.BlockDense(target, inverseMass,
                    new EuclideanHamiltonian.Block[] {block(0, a, NAME)});
        } else if (inverseMass instanceof InverseMass.BlockDiagonal blockDiagonal) {
            return new EuclideanHamiltonian.BlockDense(target, inverseMass, checkedBlocks(blockDiagonal.blocks(), d));
        }
        throw new IllegalArgumentException(NAME + ": unsupported inverse mass " + inverseMass.getClass().getName());
    }

    private static EuclideanHamiltonian.Block[] checkedBlocks(double[][][] blocks, int d) {
        int[] sizes = new int[blocks.length];
        int covered = 0;
        for (int b = 0; b < blocks.length; b++) {
            sizes[b] = blocks[b].length;
            if (sizes[b] == 0) {
                throw new IllegalArgumentException(NAME + ".blocks[" + b + "] is empty");
            }
            covered += sizes[b];
        }
        if (covered != d) {
            throw new IllegalArgumentException(NAME + " blocks cover " + covered + " parameters (block sizes "
                    + Arrays.toString(sizes) + ") but the target has dimension " + d);
        }
        EuclideanHamiltonian.Block[] result = new EuclideanHamiltonian.Block[blocks.length];
        int offset = 0;
        for (int b = 0; b < blocks.length; b++) {
            String name = NAME + ".blocks[" + b + "]";
            checkSquare(blocks[b], name, sizes[b], "blocks must be square");
            result[b] = block(offset, blocks[b], name);
            offset += sizes[b];
        }
        return result;
    }

    /** Checks that {@code a} is n×n; {@code why} says where n comes from. */
    private static void checkSquare(double[][] a, String name, int n, String why) {
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has shape " + shape(a) + " but must be " + n + "×" + n
                    + " (" + why + ")");
        }
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException(name + " has shape " + shape(a) + " but must be " + n + "×" + n
                        + " (" + why + ")");
            }
        }
    }

    /** Checks entries and symmetry of a square block, symmetrises it and factorises it. */
    private static EuclideanHamiltonian.Block block(int offset, double[][] a, String name) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + a[i][j]
                            + ": entries must be finite");
                }
            }
        }
        double[][] symmetric = new double[n][n];
        for (int i = 0; i < n; i++) {
            symmetric[i][i] = a[i][i];
            for (int j = 0; j < i; j++) {
                double scale = Math.max(Math.max(Math.abs(a[i][j]), Math.abs(a[j][i])),
                        Math.sqrt(Math.abs(a[i][i] * a[j][j])));
                if (Math.abs(a[i][j] - a[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException(name + "[" + j + "][" + i + "] = " + a[j][i] + " but " + name
                            + "[" + i + "][" + j + "] = " + a[i][j] + ": the matrix must be symmetric");
                }
                // averaging removes rounding asymmetry so K(p) and the momentum law use one matrix
                symmetric[i][j] = symmetric[j][i] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        Cholesky cholesky;
        try {
            cholesky = Cholesky.decompose(symmetric);
        } catch (Cholesky.NotPositiveDefiniteException e) {
            throw new IllegalArgumentException(name + " is not positive-definite: Cholesky pivot " + e.index()
                    + " is " + e.pivot() + (n <= 10 ? " in " + Arrays.deepToString(a) : ""), e);
        }
        return new EuclideanHamiltonian.Block(offset, symmetric, cholesky);
    }

    private static String shape(double[][] a) {
        if (a.length == 0) {
            return "0×0";
        }
        int first = a[0].length;
        for (double[] row : a) {
            if (row.length != first) {
                int[] lengths = new int[a.length];
                for (int i = 0; i < a.length; i++) {
                    lengths[i] = a[i].length;
                }
                return a.length + " rows of lengths " + Arrays.toString(lengths);
            }
        }
        return a.length + "×" + first;
    }
}
