package dev.hamiltorch.engine.autodiff;

import org.apache.commons.math3.special.Gamma;

/**
 * log Γ and the polygamma functions for real arguments.
 *
 * <p>Domain: x &gt; 0, the domain of {@link #lgamma} in this engine. For x ≤ 0 (poles at the
 * non-positive integers, and the negative half-line where log Γ is NaN here) every function returns
 * NaN, so derivatives of lgamma stay consistent with its value; +∞ gives the limit.
 */
final class SpecialFunctions {

    /** B₂, B₄, …, B₂₀. */
    private static final double[] BERNOULLI = {
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510,
        43867.0 / 798, -174611.0 / 330};

    private SpecialFunctions() {
    }

    /** log Γ(x) for x &gt; 0; +∞ at +∞ (commons-math3 3.6.1 gives NaN there), NaN for x ≤ 0 or NaN. */
    static double lgamma(double x) {
        return x == Double.POSITIVE_INFINITY ? x : Gamma.logGamma(x);
    }

    /**
     * ψ⁽ⁿ⁾(x) = dⁿ⁺¹/dxⁿ⁺¹ log Γ(x) for x &gt; 0 (NaN for x ≤ 0 or NaN). Overflows to ±∞ like the true
     * value does for tiny x or very large n.
     */
    static double polygamma(int n, double x) {
        if (n < 0) {
            throw new IllegalArgumentException("polygamma order n = " + n + ": must be >= 0");
        }
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return n == 0 ? x : 0.0;
        }
        if (n == 0) {
            return digamma(x);
        }
        // ψ⁽ⁿ⁾(x) = (−1)ⁿ⁺¹ n! Z(x) with Z(x) = Σ_k (x+k)^−(n+1) > 0, so all the work is on positive sums
        double z = hurwitzSum(n, x);
        double factorial = 1.0;
        for (int i = 2; i <= n; i++) {
            factorial *= i;
        }
        double value = factorial * z;
        return (n % 2 == 1) ? value : -value;
    }

    /**
     * ψ(x) for finite x &gt; 0: ψ(x) = ψ(x+1) − 1/x up to x ≥ 15, then
     * ψ(x) ~ log x − 1/(2x) − Σ_k B₂ₖ/(2k x²ᵏ). (commons-math3 3.6.1's digamma is off by ~3e-9.)
     */
    private static double digamma(double x) {
        double head = 0;
        while (x < 15.0) {
            head += 1.0 / x;
            x += 1.0;
        }
        double inv2 = 1.0 / (x * x);
        double power = inv2;
        double tail = 0;
        for (int k = 1; k <= BERNOULLI.length; k++) {
            double term = BERNOULLI[k - 1] / (2 * k) * power;
            tail += term;
            if (Math.abs(term) < 1e-18) {
                break;
            }
            power *= inv2;
        }
        return Math.log(x) - 0.5 / x - tail - head;
    }

    /**
     * Z(x) = Σ_{k≥0} (x+k)^−(n+1) for n ≥ 1, x &gt; 0: the recurrence Z(x) = x^−(n+1) + Z(x+1) moves x
     * above a threshold where the Euler–Maclaurin (asymptotic) series converges to double precision:
     * Z(x) ~ x^−n/n + x^−(n+1)/2 + Σ_k B₂ₖ (2k+n−1)!/(n!(2k)!) x^−(2k+n).
     */
    private static double hurwitzSum(int n, double x) {
        // the series' terms shrink like (2k+n)²/(2πx)² per step: x ≥ n + 15 keeps 10 terms below 1e-17
        double threshold = n + 15.0;
        double head = 0;
        while (x < threshold) {
            head += Math.pow(x, -(n + 1));
            x += 1.0;
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double xn = Math.pow(inv, n);
        // (2k+n−1)!/(n!(2k)!) grows by (2k+n)(2k+n+1)/((2k+1)(2k+2)) from k to k+1; k = 1 gives (n+1)/2
        double coefficient = (n + 1) / 2.0;
        double power = xn * inv2;
        double tail = 0;
        for (int k = 1; k <= BERNOULLI.length; k++) {
            double term = BERNOULLI[k - 1] * coefficient * power;
            tail += term;
            if (Math.abs(term) < 1e-18 * xn) {
                break;
            }
            coefficient *= (2.0 * k + n) * (2.0 * k + n + 1) / ((2.0 * k + 1) * (2.0 * k + 2));
            power *= inv2;
        }
        double series = xn / n + 0.5 * xn * inv + tail;
        return head + series;
    }
}
