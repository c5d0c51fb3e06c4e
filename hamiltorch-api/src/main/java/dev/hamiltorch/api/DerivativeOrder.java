package dev.hamiltorch.api;

/**
 * How many derivatives of log π a {@link Target} computes ({@link Target#derivativeOrder()}) or a
 * {@link dev.hamiltorch.api.spi.Metric} evaluates ({@link dev.hamiltorch.api.spi.Metric#requiredDerivatives()}).
 * Each order includes the ones below it; the constants are declared in increasing order, so
 * {@link #compareTo} compares orders.
 */
public enum DerivativeOrder {

    /** log π and ∇ log π ({@link Target#logDensityAndGradient}). */
    GRADIENT("gradient"),
    /** Also ∇² log π ({@link Target#hessian}). */
    HESSIAN("Hessian"),
    /** Also the third derivatives ({@link Target#thirdDerivatives}, {@link Target#thirdOrderContraction}). */
    THIRD("third derivatives");

    private final String description;

    DerivativeOrder(String description) {
        this.description = description;
    }

    /** Whether a target of this order computes every derivative {@code needed} asks for. */
    public boolean covers(DerivativeOrder needed) {
        return compareTo(needed) >= 0;
    }

    /** The highest derivative of this order in words, such as "Hessian", for messages. */
    public String description() {
        return description;
    }
}
