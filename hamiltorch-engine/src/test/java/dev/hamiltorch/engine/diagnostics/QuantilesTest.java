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

    /**
     * R 4.2.2: quantile(c(1, 2, Inf), c(.05, .25, .5, .75, .95, 1)) = 1.1, 1.5, 2, Inf, Inf, Inf. The
     * median is 2, not 2 + 0·(Inf − 2) = NaN: R takes x[lo] itself where h = 0.
     */
    @Test
    void aMedianNextToAnInfiniteValueIsTheFiniteOrderStatisticAsInR() {
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {1.1000000000000001, 1.5, 2, inf, inf, inf},
                Quantiles.type7Unsorted(new double[] {1, inf, 2}, 0.05, 0.25, 0.5, 0.75, 0.95, 1), 0.0);
        assertEquals(2.0, Quantiles.type7(new double[] {1, 2, inf}, 0.5), 0.0);
    }

    /**
     * R 4.2.2: quantile(c(1, Inf, Inf), c(.25, .5, .75)) = Inf, Inf, Inf (between equal infinities it is that
     * infinity, not Inf − Inf); quantile(c(-Inf, 1, 2), c(.05, .25, .5, .75, .95)) = -Inf, -Inf, 1, 1.5, 1.9;
     * quantile(c(-Inf, -Inf, 1), c(.25, .5, .75)) = -Inf, -Inf, -Inf.
     */
    @Test
    void infiniteOrderStatisticsInterpolateAsInR() {
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {inf, inf, inf},
                Quantiles.type7Unsorted(new double[] {1, inf, inf}, 0.25, 0.5, 0.75), 0.0);
        assertArrayEquals(new double[] {-inf, -inf, 1, 1.5, 1.8999999999999999},
                Quantiles.type7Unsorted(new double[] {2, 1, -inf}, 0.05, 0.25, 0.5, 0.75, 0.95), 0.0);
        assertArrayEquals(new double[] {-inf, -inf, -inf},
                Quantiles.type7Unsorted(new double[] {-inf, -inf, 1}, 0.25, 0.5, 0.75), 0.0);
    }

    /**
     * R 4.2.2: quantile(c(-Inf, Inf), c(0, .5, 1)) = -Inf, NaN, Inf and quantile(c(-Inf, -Inf, Inf), c(.25, .5,
     * .75)) = -Inf, -Inf, NaN: only an interpolation between −∞ and +∞ is undefined.
     */
    @Test
    void onlyAnInterpolationBetweenOppositeInfinitiesIsNaN() {
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {-inf, Double.NaN, inf},
                Quantiles.type7Unsorted(new double[] {inf, -inf}, 0, 0.5, 1), 0.0);
        assertArrayEquals(new double[] {-inf, -inf, Double.NaN},
                Quantiles.type7Unsorted(new double[] {-inf, inf, -inf}, 0.25, 0.5, 0.75), 0.0);
    }

    /**
     * R computes (1 − h)·x[lo] + h·x[hi] with h = (1 + (n − 1)p) − lo, which rounds differently from
     * x[lo] + h·(x[hi] − x[lo]); the values are R 4.2.2's, printed with options(digits = 17).
     */
    @Test
    void roundsAsR() {
        assertEquals(0.28000000000000003, Quantiles.type7(new double[] {0.1, 0.7}, 0.3), 0.0);
        assertArrayEquals(new double[] {0.12000000000000001, 0.14000000000000001, 0.30000000000000010,
            1.06000000000000005, 2.57999999999999963},
                Quantiles.type7Unsorted(new double[] {0.1, 0.2, 0.7, 1.3, 2.9}, 0.05, 0.1, 0.3, 0.65, 0.95), 0.0);
        assertArrayEquals(new double[] {-2.2599999999999998, 8.9000000000000004, 21.1299999999999919},
                Quantiles.type7Unsorted(new double[] {-3.7, 1.1, 2.2, 8.9, 11.3, 12.1, 25.0}, 0.05, 0.5, 0.95), 0.0);
    }

    @Test
    void refusesEmptyInputAndBadProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.type7(new double[] {1}, Double.NaN));
    }
}
