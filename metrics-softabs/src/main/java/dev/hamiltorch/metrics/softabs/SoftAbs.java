package dev.hamiltorch.metrics.softabs;

/**
 * The SoftAbs map λ ↦ λ̃ = λ·coth(αλ) and the first divided differences J that its matrix function
 * needs (docs/architecture.md, "Riemannian metrics"). With x = αλ, λ̃ = f(x)/α for f(x) = x·coth x,
 * so Jⱼⱼ = dλ̃/dλ = f'(x) and Jⱼₖ = (λ̃ⱼ − λ̃ₖ)/(λⱼ − λₖ) are dimensionless and lie in (−1, 1). Every
 * branch avoids 0/0 and cancellation: the series near 0, and the derivative at the midpoint for nearly
 * equal eigenvalues.
 */
final class SoftAbs {

    /** Below this |x| two series terms of f and f' are exact to rounding (the next are x⁴/45, 4x⁵/315). */
    static final double SERIES_LIMIT = 1e-4;
    /** Below this |x|, f'(x) = (sinh 2x − 2x)/(2 sinh²x) with sinh 2x − 2x summed as a series. */
    static final double SINH_SERIES_LIMIT = 0.5;
    /** Beyond this |x|, coth x = ±1 and x/sinh²x &lt; 1e-32: f'(x) = sign x. */
    static final double SATURATION = 40;
    /**
     * Eigenvalues closer than this times (λ̃ⱼ + λ̃ₖ) count as equal for J: the quotient would lose
     * more than the midpoint rule's error (~0.02·gap² in x) to rounding (~3ε/gap); both stay
     * below ~3e-11.
     */
    static final double EQUAL_EIGENVALUES = 1e-5;

    private SoftAbs() {
    }

    /** λ̃ = λ·coth(αλ) ≥ 1/α. */
    static double value(double lambda, double alpha) {
        double x = alpha * lambda;
        if (Math.abs(x) < SERIES_LIMIT) {
            return (1 + x * x / 3) / alpha;
        }
        return lambda / Math.tanh(x);
    }

    /** dλ̃/dλ = f'(αλ) = coth x − x/sinh²x. */
    static double derivative(double lambda, double alpha) {
        double x = alpha * lambda;
        double magnitude = Math.abs(x);
        if (magnitude < SERIES_LIMIT) {
            return x * (2.0 / 3 - 4.0 / 45 * x * x);
        }
        if (magnitude < SINH_SERIES_LIMIT) {
            double s = Math.sinh(x);
            return sinhMinusIdentity(2 * x) / (2 * s * s);
        }
        if (magnitude > SATURATION) {
            return Math.signum(x);
        }
        double s = Math.sinh(x);
        return 1 / Math.tanh(x) - x / (s * s);
    }

    /**
     * Jⱼₖ for eigenvalues λⱼ, λₖ with SoftAbs values λ̃ⱼ, λ̃ₖ: the divided difference, or the
     * derivative at the midpoint (a second-order approximation of it) when they are nearly equal.
     */
    static double dividedDifference(double lambdaJ, double lambdaK, double softJ, double softK, double alpha) {
        double gap = lambdaJ - lambdaK;
        if (Math.abs(gap) <= EQUAL_EIGENVALUES * (softJ + softK)) {
            return derivative(0.5 * lambdaJ + 0.5 * lambdaK, alpha);
        }
        return (softJ - softK) / gap;
    }

    /** sinh y − y = Σₖ≥₁ y^(2k+1)/(2k+1)! for |y| &lt; 1, without cancellation. */
    static double sinhMinusIdentity(double y) {
        double y2 = y * y;
        double term = y * y2 / 6;
        double sum = term;
        // |y| < 1: the 9th term is below 6/19! ≈ 5e-17 of the first
        for (int k = 2; k <= 9; k++) {
            term *= y2 / ((2 * k) * (2 * k + 1));
            sum += term;
        }
        return sum;
    }
}
