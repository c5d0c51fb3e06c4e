package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.SupportRestriction;
import java.util.function.DoublePredicate;

/**
 * Restriction of log densities to their support: an indicator of 1 inside, 0 outside and NaN at NaN,
 * the formula evaluated at a safe substitute point outside, and the result set to −∞ outside with a
 * zero gradient there. The operations are the engine's {@link SupportRestriction}, recorded in the
 * graph, so that densities with a bounded support stay replayable.
 */
final class Support {

    private Support() {
    }

    /** 1 where {@code inside} holds for the element of {@code value}, else 0, and NaN where it is NaN. */
    static Tensor indicator(Tensor value, DoublePredicate inside) {
        return SupportRestriction.indicator(value, inside);
    }

    /** Whether every element of a constant indicator is 1 (for checks of constant parameters). */
    static boolean allOnes(Tensor indicator) {
        for (double m : indicator.toArray()) {
            if (m != 1.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code value} where the indicator is not 0 and {@code fill} elsewhere, so the density formula stays
     * finite outside the support; the gradient to {@code value} is 0 there.
     */
    static Tensor guard(Tensor value, Tensor indicator, double fill) {
        return SupportRestriction.guard(value, indicator, fill);
    }

    /**
     * {@code logDensity} where the indicator is 1, NaN where it is NaN and −∞ elsewhere (with a zero
     * gradient there), in the shape both broadcast to. {@code logDensity} must be finite where the
     * indicator is 0.
     */
    static Tensor restrict(Tensor logDensity, Tensor indicator) {
        return SupportRestriction.restrict(logDensity, indicator);
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
