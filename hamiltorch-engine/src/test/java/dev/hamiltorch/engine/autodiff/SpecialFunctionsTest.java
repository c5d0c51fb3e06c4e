package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values of the polygamma functions against closed forms, to 1e-12 relative. */
class SpecialFunctionsTest {

    private static final double EULER_GAMMA = 0.57721566490153286061;
    private static final double ZETA3 = 1.20205690315959428540;
    private static final double ZETA5 = 1.03692775514336992633;
    private static final double PI = Math.PI;

    static Stream<Arguments> knownValues() {
        return Stream.of(
                Arguments.of("ψ(1) = −γ", 0, 1.0, -EULER_GAMMA),
                Arguments.of("ψ(1/2) = −γ − 2 log 2", 0, 0.5, -EULER_GAMMA - 2 * Math.log(2)),
                Arguments.of("ψ(10) = H₉ − γ", 0, 10.0, 7129.0 / 2520 - EULER_GAMMA),
                Arguments.of("ψ(100.5) = −γ − 2 log 2 + Σ₁¹⁰⁰ 2/(2k−1)", 0, 100.5, halfIntegerDigamma(100)),
                Arguments.of("ψ'(1) = π²/6", 1, 1.0, PI * PI / 6),
                Arguments.of("ψ'(1/2) = π²/2", 1, 0.5, PI * PI / 2),
                Arguments.of("ψ'(3) = π²/6 − 5/4", 1, 3.0, PI * PI / 6 - 1.25),
                Arguments.of("ψ''(1) = −2ζ(3)", 2, 1.0, -2 * ZETA3),
                Arguments.of("ψ''(1/2) = −14ζ(3)", 2, 0.5, -14 * ZETA3),
                Arguments.of("ψ''(2) = −2ζ(3) + 2", 2, 2.0, -2 * ZETA3 + 2),
                Arguments.of("ψ'''(1) = 6ζ(4) = π⁴/15", 3, 1.0, Math.pow(PI, 4) / 15),
                Arguments.of("ψ'''(1/2) = π⁴", 3, 0.5, Math.pow(PI, 4)),
                Arguments.of("ψ⁽⁴⁾(1) = −24ζ(5)", 4, 1.0, -24 * ZETA5),
                Arguments.of("ψ⁽⁵⁾(1) = 120ζ(6) = 8π⁶/63", 5, 1.0, 8 * Math.pow(PI, 6) / 63),
                Arguments.of("ψ⁽⁷⁾(1) = 7!ζ(8) = 5040·π⁸/9450", 7, 1.0, 5040 * Math.pow(PI, 8) / 9450));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownValues")
    void polygammaMatchesClosedForms(String name, int n, double x, double expected) {
        assertEquals(expected, SpecialFunctions.polygamma(n, x), 1e-12 * Math.abs(expected), name);
    }

    /** ψ(m + ½) = −γ − 2 log 2 + Σ_{k=1}^{m} 2/(2k − 1). */
    private static double halfIntegerDigamma(int m) {
        double s = 0;
        for (int k = m; k >= 1; k--) {
            s += 2.0 / (2 * k - 1);
        }
        return -EULER_GAMMA - 2 * Math.log(2) + s;
    }

    @Test
    void recurrenceHoldsAcrossTheSwitchToTheSeries() {
        // ψ⁽ⁿ⁾(x+1) = ψ⁽ⁿ⁾(x) + (−1)ⁿ n!/xⁿ⁺¹, across the threshold where the series takes over
        for (int n = 0; n <= 6; n++) {
            double factorial = 1;
            for (int i = 2; i <= n; i++) {
                factorial *= i;
            }
            for (double x : new double[] {0.01, 0.3, 1.7, n + 14.5, n + 15.0, 40.2}) {
                double lhs = SpecialFunctions.polygamma(n, x + 1);
                double rhs = SpecialFunctions.polygamma(n, x) + (n % 2 == 0 ? 1 : -1) * factorial / Math.pow(x, n + 1);
                assertEquals(rhs, lhs, 1e-13 * Math.max(Math.abs(lhs), factorial / Math.pow(x, n + 1)), "n=" + n + " x=" + x);
            }
        }
    }

    @Test
    void largeArgumentsFollowTheLeadingTerm() {
        // ψ(x) ~ log x − 1/(2x), ψ⁽ⁿ⁾(x) ~ (−1)ⁿ⁺¹ (n−1)!/xⁿ
        assertEquals(Math.log(1e8) - 0.5e-8, SpecialFunctions.polygamma(0, 1e8), 1e-15 * Math.log(1e8));
        assertEquals(1e-8, SpecialFunctions.polygamma(1, 1e8), 1e-15);
        assertEquals(-1e-16, SpecialFunctions.polygamma(2, 1e8), 1e-23);
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.polygamma(0, Double.POSITIVE_INFINITY));
        assertEquals(0.0, SpecialFunctions.polygamma(3, Double.POSITIVE_INFINITY));
    }

    @Test
    void outsideTheDomainIsNaN() {
        for (int n = 0; n <= 3; n++) {
            for (double x : new double[] {0.0, -1.0, -2.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
                assertTrue(Double.isNaN(SpecialFunctions.polygamma(n, x)), "n=" + n + " x=" + x);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.polygamma(-1, 1));
        assertEquals("polygamma order n = -1: must be >= 0", e.getMessage());
    }

    @Test
    void lgammaIsDifferentiableToThirdOrder() {
        // d³/dx³ log Γ(x) at x = 1 is ψ''(1) = −2ζ(3), by three nested autodiff passes
        JvmTensor x = JvmTensor.variable(new double[] {1.0}, 1);
        Tensor d1 = Autodiff.grad(x.lgamma().sum(), x, true);
        Tensor d2 = Autodiff.grad(d1.sum(), x, true);
        Tensor d3 = Autodiff.grad(d2.sum(), x, false);
        assertEquals(-EULER_GAMMA, d1.item(), 1e-15);
        assertEquals(PI * PI / 6, d2.item(), 1e-14);
        assertEquals(-2 * ZETA3, d3.item(), 1e-14);
        // and digamma to third order: ψ⁽³⁾(1) = π⁴/15
        Tensor e1 = Autodiff.grad(x.digamma().sum(), x, true);
        Tensor e2 = Autodiff.grad(e1.sum(), x, true);
        Tensor e3 = Autodiff.grad(e2.sum(), x, false);
        assertEquals(Math.pow(PI, 4) / 15, e3.item(), 1e-13 * 6.5);
    }
}
