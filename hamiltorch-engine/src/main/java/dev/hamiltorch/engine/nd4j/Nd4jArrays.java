package dev.hamiltorch.engine.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Conversions between JVM arrays and ND4J's {@link INDArray}. ND4J loads (natives included) on first
 * use only, so runs that never ask for an INDArray do not pay its start-up cost. Every array is created
 * as {@link DataType#DOUBLE} explicitly: ND4J's global default data type belongs to the host
 * application and is never changed here.
 */
public final class Nd4jArrays {

    static {
        Nd4jNatives.select(); // before ND4J loads through this class
    }

    private Nd4jArrays() {
    }

    /** A rows × columns double INDArray copied from {@code rows}. */
    public static INDArray matrix(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("rows[" + i + "] has length " + rows[i].length + ", expected " + n);
            }
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return Nd4j.create(flat, new long[] {m, n}, DataType.DOUBLE);
    }

    /** A double INDArray vector copied from {@code values}. */
    public static INDArray vector(double[] values) {
        return Nd4j.create(values.clone(), new long[] {values.length}, DataType.DOUBLE);
    }

    /** The rows of a 2-D INDArray as JVM arrays. */
    public static double[][] toMatrix(INDArray array) {
        if (array.rank() != 2) {
            throw new IllegalArgumentException("array has rank " + array.rank() + ", expected 2");
        }
        return array.castTo(DataType.DOUBLE).toDoubleMatrix();
    }
}
