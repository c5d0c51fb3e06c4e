package dev.hamiltorch.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The inverse mass matrices are values: nothing a caller holds can change them. */
class InverseMassTest {

    @Test
    void diagonalCopiesWhatItIsGivenAndWhatItReturns() {
        double[] values = {1, 2, 3};
        InverseMass.Diagonal diagonal = (InverseMass.Diagonal) InverseMass.diagonal(values);
        values[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, diagonal.values());
        diagonal.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, diagonal.values());
    }

    @Test
    void denseCopiesEveryRow() {
        double[][] matrix = {{2, 1}, {1, 2}};
        InverseMass.Dense dense = new InverseMass.Dense(matrix);
        matrix[0][0] = 99;
        matrix[1] = new double[] {99, 99};
        assertArrayEquals(new double[][] {{2, 1}, {1, 2}}, dense.matrix());
        dense.matrix()[0][1] = 99;
        assertArrayEquals(new double[][] {{2, 1}, {1, 2}}, dense.matrix());
    }

    @Test
    void blockDiagonalCopiesEveryBlock() {
        double[][] first = {{1}};
        double[][] second = {{2, 0.5}, {0.5, 2}};
        InverseMass.BlockDiagonal blocks = (InverseMass.BlockDiagonal) InverseMass.blockDiagonal(first, second);
        first[0][0] = 99;
        second[1][1] = 99;
        double[][][] expected = {{{1}}, {{2, 0.5}, {0.5, 2}}};
        assertArrayEquals(expected, blocks.blocks());
        blocks.blocks()[1][0][0] = 99;
        blocks.blocks()[0] = new double[][] {{99}};
        assertArrayEquals(expected, blocks.blocks());
    }

    @Test
    void equalMatricesAreEqualValues() {
        assertEquals(InverseMass.diagonal(1, 2), InverseMass.diagonal(1, 2));
        assertEquals(InverseMass.diagonal(1, 2).hashCode(), InverseMass.diagonal(1, 2).hashCode());
        assertNotEquals(InverseMass.diagonal(1, 2), InverseMass.diagonal(2, 1));
        assertEquals(InverseMass.dense(new double[][] {{2, 1}, {1, 2}}), InverseMass.dense(new double[][] {{2, 1}, {1, 2}}));
        assertEquals(InverseMass.blockDiagonal(new double[][] {{1}}), InverseMass.blockDiagonal(new double[][] {{1}}));
        assertEquals(InverseMass.blockDiagonal(new double[][] {{1}}).hashCode(),
                InverseMass.blockDiagonal(new double[][] {{1}}).hashCode());
        assertEquals(InverseMass.identity(), InverseMass.identity());
        assertInstanceOf(InverseMass.Identity.class, InverseMass.identity());
    }

    @Test
    void toStringShowsTheNumbers() {
        assertEquals("Diagonal[1.0, 2.0]", InverseMass.diagonal(1, 2).toString());
        assertEquals("Dense[[2.0, 1.0], [1.0, 2.0]]", InverseMass.dense(new double[][] {{2, 1}, {1, 2}}).toString());
    }
}
