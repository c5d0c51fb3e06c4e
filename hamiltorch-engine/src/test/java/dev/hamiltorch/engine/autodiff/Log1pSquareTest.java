package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The values of log(1 + z²) and of its derivative operations, near 0 and far out. */
class Log1pSquareTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    /** The derivative operations of log(1 + z²) against their closed forms, and finite far out. */
    @Test
    void log1pSquareDerivativesMatchClosedFormsAndStayFiniteForHugeZ() {
        for (double z : new double[] {-2.5, -0.3, 0.0, 0.7, 1.0, 4.0}) {
            double d = 1 + z * z;
            assertEquals(Math.log1p(z * z), Log1pSquare.value(z), 0.0, "f(" + z + ")");
            assertEquals(2 * z / d, Log1pSquare.derivative(1, z), 1e-15, "f'(" + z + ")");
            assertEquals(2 * (1 - z * z) / (d * d), Log1pSquare.derivative(2, z), 1e-15, "f''(" + z + ")");
            assertEquals(4 * z * (z * z - 3) / (d * d * d), Log1pSquare.derivative(3, z), 1e-15, "f'''(" + z + ")");
        }
        // f(z) = 2 log|z| + log1p(1/z²), f'(z) ≈ 2/z, f''(z) ≈ −2/z², f'''(z) ≈ 4/z³ for huge |z|
        for (double z : new double[] {1e100, -1e155, 1e200, Double.MAX_VALUE}) {
            assertEquals(2 * Math.log(Math.abs(z)), Log1pSquare.value(z), 1e-13, "f(" + z + ")");
            assertEquals(2 / z, Log1pSquare.derivative(1, z), Math.ulp(2 / z) * 2, "f'(" + z + ")");
        }
        assertEquals(-2e-200, Log1pSquare.derivative(2, 1e100), Math.ulp(2e-200) * 4);
        assertEquals(4e-300, Log1pSquare.derivative(3, 1e100), Math.ulp(4e-300) * 8);
        assertEquals(INF, Log1pSquare.value(-INF));
        assertEquals(0.0, Log1pSquare.derivative(1, INF), 0.0);
        assertEquals(NAN, Log1pSquare.value(NAN));
        assertEquals(NAN, Log1pSquare.derivative(1, NAN));
    }
}
