package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.function.DoublePredicate;

/**
 * Restriction of log densities to their support without {@code where}: an indicator tensor of 0/1
 * marks the points inside, the formula is evaluated at a safe substitute point outside, and
 * log(indicator) (0 or −∞, a constant) is added.
 */
final class Support {

    private Support() {
    }

    /**
     * 1 where {@code inside} holds for the element of {@code value}, else 0, and NaN where the value is
     * NaN (so that NaN propagates to the log density); a constant (not differentiated).
     */
    static Tensor indicator(Tensor value, DoublePredicate inside) {
        double[] v = value.toArray();
        double[] mask = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            mask[i] = Double.isNaN(v[i]) ? Double.NaN : inside.test(v[i]) ? 1.0 : 0.0;
        }
        return Tensor.of(mask, value.shape());
    }

    static boolean allOnes(Tensor indicator) {
        for (double m : indicator.toArray()) {
            if (m != 1.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code value} where the indicator is 1 and {@code fill} elsewhere, so the density formula stays
     * finite outside the support; the gradient to {@code value} is 0 there.
     */
    static Tensor guard(Tensor value, Tensor indicator, double fill) {
        if (allOnes(indicator)) {
            return value;
        }
        // clamping first turns ±∞ into finite numbers, so that multiplying by 0 gives 0 rather than NaN
        return value.clamp(-Double.MAX_VALUE, Double.MAX_VALUE).mul(indicator)
                .add(indicator.neg().add(1.0).mul(fill));
    }

    /**
     * {@code logDensity} where the indicator is 1, NaN where it is NaN and −∞ elsewhere (with a zero gradient there), in the
     * shape both broadcast to. {@code logDensity} must be finite where the indicator is 0.
     */
    static Tensor restrict(Tensor logDensity, Tensor indicator) {
        if (allOnes(indicator)) {
            int[] shape = broadcastShape(logDensity.shape(), indicator.shape());
            // adding zeros only stretches the result when the indicator's shape is the larger one
            return Arrays.equals(shape, logDensity.shape()) ? logDensity : logDensity.add(Tensor.zeros(shape));
        }
        // multiplying by the indicator zeroes the gradient outside the support, as torch.where would
        return logDensity.mul(indicator).add(indicator.log());
    }

    /** The shape two shapes broadcast to, or null if they do not. */
    static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }
}
