package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    /** R: quantile(1:10, c(0, .05, .25, .5, .75, .95, 1)) = 1, 1.45, 3.25, 5.5, 7.75, 9.55, 10. */
    @Test
    void matchesRTypeSevenOnOneToTen() {
        double[] x = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertArrayEquals(new double[] {1, 1.45, 3.25, 5.5, 7.75, 9.55, 10},
                Quantiles.type7Unsorted(x, 0, 0.05, 0.25, 0.5, 0.75, 0.95, 1), 1e-12);
    }

    /** R: quantile(c(3.1, -2, 7.5, 0, 4.2), c(.05, .25, .5, .75, .95)) = -1.6, 0, 3.1, 4.2, 6.84. */
    @Test
    void matchesRTypeSevenOnAnUnevenSample() {
        assertArrayEquals(new double[] {-1.6, 0, 3.1, 4.2, 6.84},
                Quantiles.type7Unsorted(new double[] {3.1, -2, 7.5, 0, 4.2}, 0.05, 0.25, 0.5, 0.75, 0.95), 1e-12);
        assertEquals(42.0, Quantiles.type7(new double[] {42.0}, 0.3));
    }

    @Test
    void refusesEmptyInputAndBadProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, Double.NaN));
    }
}
