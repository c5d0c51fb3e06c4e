package dev.hamiltorch.api;

import java.util.Arrays;

/**
 * The inverse mass matrix M⁻¹ of a Euclidean metric (hamiltorch's {@code inv_mass}): momentum is
 * drawn from N(0, M) and K(p) = ½ pᵀ M⁻¹ p. Shapes and positive-definiteness are checked by the
 * metric that uses it, against the target's dimension.
 */
public sealed interface InverseMass {

    /** M⁻¹ = I. */
    record Identity() implements InverseMass {
    }

    /** M⁻¹ = diag(values). */
    record Diagonal(double[] values) implements InverseMass {
        /** Copies {@code values}: the record is immutable. */
        public Diagonal {
            values = values.clone();
        }

        @Override
        /** The diagonal, as a copy. */
        public double[] values() {
            return values.clone();
        }

        @Override
        public String toString() {
            return "Diagonal" + Arrays.toString(values);
        }

        // records compare arrays by reference; a mass matrix is a value
        @Override
        public boolean equals(Object o) {
            return o instanceof Diagonal d && Arrays.equals(values, d.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** A full symmetric positive-definite M⁻¹. */
    record Dense(double[][] matrix) implements InverseMass {
        /** Copies {@code matrix}: the record is immutable. */
        public Dense {
            matrix = copy(matrix);
        }

        @Override
        /** The matrix, as a copy. */
        public double[][] matrix() {
            return copy(matrix);
        }

        @Override
        public String toString() {
            return "Dense" + Arrays.deepToString(matrix);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dense d && Arrays.deepEquals(matrix, d.matrix);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(matrix);
        }
    }

    /**
     * M⁻¹ made of dense symmetric positive-definite blocks along the diagonal, covering the
     * parameters in order (e.g. one block per layer of a network).
     */
    record BlockDiagonal(double[][][] blocks) implements InverseMass {
        /** Copies {@code blocks}: the record is immutable. */
        public BlockDiagonal {
            double[][][] c = new double[blocks.length][][];
            for (int b = 0; b < blocks.length; b++) {
                c[b] = copy(blocks[b]);
            }
            blocks = c;
        }

        @Override
        /** The blocks, as copies. */
        public double[][][] blocks() {
            double[][][] c = new double[blocks.length][][];
            for (int b = 0; b < blocks.length; b++) {
                c[b] = copy(blocks[b]);
            }
            return c;
        }

        @Override
        public String toString() {
            return "BlockDiagonal" + Arrays.deepToString(blocks);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BlockDiagonal b && Arrays.deepEquals(blocks, b.blocks);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(blocks);
        }
    }

    /** M⁻¹ = I, the default. */
    static InverseMass identity() {
        return new Identity();
    }

    /** M⁻¹ = diag(values). */
    static InverseMass diagonal(double... values) {
        return new Diagonal(values);
    }

    /** A full symmetric positive-definite M⁻¹. */
    static InverseMass dense(double[][] matrix) {
        return new Dense(matrix);
    }

    /** M⁻¹ of dense symmetric positive-definite blocks along the diagonal, covering the parameters in order. */
    static InverseMass blockDiagonal(double[][]... blocks) {
        return new BlockDiagonal(blocks);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
