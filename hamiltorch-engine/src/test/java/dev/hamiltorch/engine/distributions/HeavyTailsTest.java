package dev.hamiltorch.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.Autodiff;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.autodiff.JvmTensor;
import java.util.function.Function;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Cauchy, HalfCauchy and Student's t far in their tails, where (x/γ)² overflows (|x| above about
 * 1.3e154): the log density is about −(ν + 1) log|x| there, not −∞, and its derivatives are right.
 */
class HeavyTailsTest {

    private static final double LOG_PI = Math.log(Math.PI);
    /** Far out log(1 + z²/ν) = 2 log|z| − log ν up to 1e-300: these are the reference values exactly. */
    private static final double[] FAR = {1e155, -1e200, 1e300, -Double.MAX_VALUE};

    private static double logProb(Function<Tensor, Tensor> density, double x) {
        return density.apply(Tensor.scalar(x)).item();
    }

    /** d/dx and d²/dx² of the density at x, by autodiff. */
    private static double[] derivatives(Function<Tensor, Tensor> density, double x) {
        JvmTensor v = JvmTensor.variable(new double[] {x});
        Tensor g = Autodiff.grad(density.apply(v).sum(), v, true);
        return new double[] {g.item(), Autodiff.grad(g.sum(), v, false).item()};
    }

    @Test
    void cauchyIsMinusTwoLogXFarOut() {
        Function<Tensor, Tensor> cauchy = x -> Cauchy.of(0, 1).logProb(x);
        Function<Tensor, Tensor> studentOne = x -> StudentT.of(1, 0, 1).logProb(x);
        for (double x : FAR) {
            double expected = -LOG_PI - 2 * Math.log(Math.abs(x));
            assertEquals(expected, logProb(cauchy, x), Math.ulp(expected) * 2, "Cauchy at " + x);
            assertEquals(expected, logProb(studentOne, x), Math.ulp(expected) * 4, "StudentT(1) at " + x);
        }
        // d/dx = −2x/(1 + x²) ≈ −2/x, d²/dx² = −2(1 − x²)/(1 + x²)² ≈ 2/x²
        double[] d = derivatives(cauchy, 1e155);
        assertEquals(-2e-155, d[0], Math.ulp(2e-155) * 2);
        assertEquals(2 / 1e155 / 1e155, d[1], 1e-323);
        d = derivatives(cauchy, -1e100);
        assertEquals(2e-100, d[0], Math.ulp(2e-100) * 2);
        assertEquals(2e-200, d[1], Math.ulp(2e-200) * 4);
        assertEquals(2e-100, derivatives(studentOne, -1e100)[0], Math.ulp(2e-100) * 4);
    }

    @Test
    void halfCauchyIsLogTwoOverPiMinusTwoLogXFarOut() {
        for (double x : new double[] {1e155, 1e300, Double.MAX_VALUE}) {
            double expected = Math.log(2 / Math.PI) - 2 * Math.log(x);
            assertEquals(expected, logProb(v -> HalfCauchy.of(1).logProb(v), x), Math.ulp(expected) * 2, "at " + x);
        }
        assertEquals(-2e-155, derivatives(v -> HalfCauchy.of(1).logProb(v), 1e155)[0], Math.ulp(2e-155) * 2);
    }

    /** Student's t with ν = 3, location 1 and scale 2: log C − 2 (2 log|x/2| − log 3) far out. */
    @Test
    void studentTOfAnyDegreesOfFreedomIsMinusNuPlusOneLogXFarOut() {
        double nu = 3;
        double logC = Gamma.logGamma(2) - Gamma.logGamma(1.5) - 0.5 * Math.log(nu * Math.PI) - Math.log(2);
        Function<Tensor, Tensor> t = v -> StudentT.of(nu, 1, 2).logProb(v);
        for (double x : FAR) {
            // z = (x − 1)/2 = x/2 in double for these x; −Double.MAX_VALUE/2 stays finite
            double expected = logC - 2 * (2 * Math.log(Math.abs(x / 2)) - Math.log(nu));
            assertEquals(expected, logProb(t, x), Math.ulp(expected) * 8, "at " + x);
        }
        // d/dx = −(ν + 1)(x − μ)/(νσ² + (x − μ)²) ≈ −4/x
        assertEquals(-4e-200, derivatives(t, 1e200)[0], Math.ulp(4e-200) * 4);
        // and for large ν too, where z²/ν used to overflow with z²
        double expected = StudentT.of(1e6, 0, 1).logProb(Tensor.scalar(0)).item() - (1e6 + 1) / 2
                * (2 * Math.log(1e160) - Math.log(1e6));
        assertEquals(expected, logProb(v -> StudentT.of(1e6, 0, 1).logProb(v), 1e160), Math.ulp(expected) * 8);
    }

    /** What RMHMC evaluates: the target's Hessian and third derivatives, −f″ and −f‴ of f(x) = log(1 + x²). */
    @Test
    void cauchyHessianAndThirdDerivativesThroughTheTarget() {
        AutodiffTarget target = new AutodiffTarget(x -> Cauchy.of(0, 1).logProb(x).sum(), 1);
        double z = 0.7;
        double d = 1 + z * z;
        assertEquals(-2 * (1 - z * z) / (d * d), target.hessian(new double[] {z})[0][0], 1e-15);
        assertEquals(-4 * z * (z * z - 3) / (d * d * d), target.thirdDerivatives(new double[] {z})[0][0][0], 1e-15);
        assertEquals(2e-200, target.hessian(new double[] {1e100})[0][0], Math.ulp(2e-200) * 4);
        assertEquals(-4e-300, target.thirdDerivatives(new double[] {1e100})[0][0][0], Math.ulp(4e-300) * 8);
    }
}
