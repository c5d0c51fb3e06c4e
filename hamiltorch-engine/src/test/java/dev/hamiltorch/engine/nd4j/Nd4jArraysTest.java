package dev.hamiltorch.engine.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class Nd4jArraysTest {

    @Test
    void matrixRoundTripsInDoublePrecision() {
        double[][] rows = {{1.0 / 3.0, 2, 3}, {4, 5, 6e-300}};
        INDArray a = Nd4jArrays.matrix(rows);
        assertEquals(DataType.DOUBLE, a.dataType());
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(1.0 / 3.0, a.getDouble(0, 0));
        double[][] back = Nd4jArrays.toMatrix(a);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(rows[i], back[i]);
        }
        assertEquals(15.0, Nd4jArrays.vector(new double[] {4, 5, 6}).sumNumber().doubleValue());
    }
}
