package dev.hamiltorch.engine.distributions;

import static dev.hamiltorch.engine.distributions.Checks.assertClose;
import static dev.hamiltorch.engine.distributions.Checks.assertGradient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Categorical log masses against the direct formula ℓ_k − log Σ_j exp ℓ_j.
 *
 * <p>NEEDS the operations being implemented on the ops branch: {@code logSumExp(axis)} and
 * {@code sum(axis)}. Run after merging them; until then every test here fails with
 * UnsupportedOperationException.
 */
class CategoricalTest {

    /** ℓ_k − log Σ_j exp ℓ_j, shifted by the maximum so that it cannot overflow. */
    private static double reference(double[] logits, double k) {
        if (k < 0 || k >= logits.length || k != Math.rint(k)) {
            return Double.NEGATIVE_INFINITY;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double s = 0;
        for (double l : logits) {
            s += Math.exp(l - max);
        }
        return logits[(int) k] - max - Math.log(s);
    }

    @Test
    void vectorOfLogitsWithAVectorOfClasses() {
        double[] logits = {0.5, -1, 2, 0};
        Tensor k = Tensor.of(0, 1, 2, 3, 2);
        Tensor lp = Categorical.of(logits).logProb(k);
        assertArrayEquals(new int[] {5}, lp.shape());
        for (int i = 0; i < 5; i++) {
            assertClose(reference(logits, k.get(i)), lp.get(i), "k = " + k.get(i));
        }
    }

    @Test
    void vectorOfLogitsWithOneClass() {
        double[] logits = {0.5, -1, 2};
        Tensor lp = Categorical.of(logits).logProb(Tensor.scalar(2));
        assertArrayEquals(new int[0], lp.shape());
        assertClose(reference(logits, 2), lp.item(), "k = 2");
    }

    @Test
    void matrixOfLogitsWithOneClassPerRow() {
        double[][] logits = {{0.5, -1, 2}, {3, 3, 3}, {-20, 0, 10}};
        Tensor k = Tensor.of(2, 0, 1);
        Tensor lp = Categorical.of(Tensor.of(logits)).logProb(k);
        assertArrayEquals(new int[] {3}, lp.shape());
        for (int i = 0; i < 3; i++) {
            assertClose(reference(logits[i], k.get(i)), lp.get(i), "row " + i);
        }
        // one class broadcast over every row
        Tensor one = Categorical.of(Tensor.of(logits)).logProb(Tensor.scalar(1));
        for (int i = 0; i < 3; i++) {
            assertClose(reference(logits[i], 1), one.get(i), "row " + i + ", k = 1");
        }
    }

    @Test
    void largeLogitsDoNotOverflow() {
        Tensor lp = Categorical.of(1000, 0).logProb(Tensor.of(0, 1));
        assertClose(-Math.log1p(Math.exp(-1000)), lp.get(0), "k = 0");
        assertClose(-1000, lp.get(1), "k = 1");
    }

    @Test
    void classesOutsideTheRangeAreMinusInfinity() {
        Tensor lp = Categorical.of(0.5, -1, 2).logProb(Tensor.of(-1, 3, 1.5, 1));
        assertEquals(Double.NEGATIVE_INFINITY, lp.get(0));
        assertEquals(Double.NEGATIVE_INFINITY, lp.get(1));
        assertEquals(Double.NEGATIVE_INFINITY, lp.get(2));
        assertClose(reference(new double[] {0.5, -1, 2}, 1), lp.get(3), "k = 1");
    }

    @Test
    void gradientInLogits() {
        Tensor k = Tensor.of(0, 2, 2, 1);
        assertGradient(l -> Categorical.of(l).logProb(k).sum(), new double[] {0.5, -1, 2}, 3);
        Tensor rows = Tensor.of(2, 0);
        assertGradient(l -> Categorical.of(l).logProb(rows).sum(), new double[] {0.5, -1, 2, 3, 1, -4}, 2, 3);
    }
}
