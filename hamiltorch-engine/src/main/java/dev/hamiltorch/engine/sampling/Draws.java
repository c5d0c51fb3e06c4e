package dev.hamiltorch.engine.sampling;

import java.util.Arrays;
import java.util.List;

/**
 * Kept draws as an immutable view: one row per draw, one column per parameter, stored flat per chain
 * and read in place, so handing them out copies nothing; {@link #toArray()} copies when a caller
 * wants arrays of its own. Two views are equal when they hold the same values bit for bit (NaN equal
 * to NaN, 0.0 not to −0.0, as {@link Arrays#equals(double[], double[])}).
 */
public final class Draws {

    private final int dimension;
    /** Row-major blocks, one per chain, each a whole number of rows. */
    private final double[][] blocks;
    /** Row index at which each block starts, and the total after the last. */
    private final int[] starts;

    private Draws(int dimension, double[][] blocks) {
        this.dimension = dimension;
        this.blocks = blocks;
        this.starts = new int[blocks.length + 1];
        for (int b = 0; b < blocks.length; b++) {
            starts[b + 1] = starts[b] + (dimension == 0 ? 0 : blocks[b].length / dimension);
        }
    }

    /** The first {@code rows} rows of a row-major block (the block is shared, never modified). */
    static Draws of(int dimension, double[] block, int rows) {
        return new Draws(dimension, new double[][] {rows * dimension == block.length ? block
                : Arrays.copyOf(block, rows * dimension)});
    }

    /** Several views one after another, as the rows of one. */
    static Draws concat(int dimension, List<Draws> parts) {
        return new Draws(dimension, parts.stream().flatMap(d -> Arrays.stream(d.blocks)).toArray(double[][]::new));
    }

    /** Number of draws (rows). */
    public int size() {
        return starts[blocks.length];
    }

    /** Number of parameters D (columns). */
    public int dimension() {
        return dimension;
    }

    /** The value of parameter {@code parameter} in draw {@code draw}. */
    public double get(int draw, int parameter) {
        if (draw < 0 || draw >= size() || parameter < 0 || parameter >= dimension) {
            throw new IndexOutOfBoundsException("draw " + draw + ", parameter " + parameter + " of " + size() + " × "
                    + dimension + " draws");
        }
        int b = block(draw);
        return blocks[b][(draw - starts[b]) * dimension + parameter];
    }

    /** Draw {@code draw} (a copy). */
    public double[] row(int draw) {
        if (draw < 0 || draw >= size()) {
            throw new IndexOutOfBoundsException("draw " + draw + " of " + size());
        }
        int b = block(draw);
        int from = (draw - starts[b]) * dimension;
        return Arrays.copyOfRange(blocks[b], from, from + dimension);
    }

    /** Parameter {@code parameter} over all draws, in order (a copy). */
    public double[] column(int parameter) {
        if (parameter < 0 || parameter >= dimension) {
            throw new IndexOutOfBoundsException("parameter " + parameter + " of " + dimension);
        }
        double[] values = new double[size()];
        int k = 0;
        for (double[] block : blocks) {
            for (int i = parameter; i < block.length; i += dimension) {
                values[k++] = block[i];
            }
        }
        return values;
    }

    /** The draws as size × D arrays of the caller's own. */
    public double[][] toArray() {
        double[][] rows = new double[size()][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = row(k);
        }
        return rows;
    }

    private int block(int draw) {
        int b = 0;
        while (starts[b + 1] <= draw) {
            b++;
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Draws other) || other.dimension != dimension || other.size() != size()) {
            return false;
        }
        for (int k = 0; k < size(); k++) {
            if (!Arrays.equals(row(k), other.row(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = dimension;
        for (int k = 0; k < size(); k++) {
            h = 31 * h + Arrays.hashCode(row(k));
        }
        return h;
    }

    @Override
    public String toString() {
        return "Draws(" + size() + " × " + dimension + ")";
    }
}
