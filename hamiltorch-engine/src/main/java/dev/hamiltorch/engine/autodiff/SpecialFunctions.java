package dev.hamiltorch.engine.autodiff;

/** log Γ and the polygamma functions for real arguments. */
final class SpecialFunctions {

    private SpecialFunctions() {
    }

    static double lgamma(double x) {
        return org.apache.commons.math3.special.Gamma.logGamma(x);
    }

    static double polygamma(int n, double x) {
        if (n == 0) {
            return org.apache.commons.math3.special.Gamma.digamma(x);
        }
        if (n == 1) {
            return org.apache.commons.math3.special.Gamma.trigamma(x);
        }
        throw new UnsupportedOperationException("polygamma(" + n + ")");
    }
}
