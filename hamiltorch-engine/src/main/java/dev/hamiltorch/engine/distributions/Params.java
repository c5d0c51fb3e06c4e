package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * Parameter checks shared by the distributions. Only constant parameters are checked: a parameter that
 * requires gradients is being sampled or optimised, and may legitimately pass through any value.
 */
final class Params {

    private Params() {
    }

    /** A finite real parameter. */
    static Tensor real(String distribution, String name, Tensor t) {
        // the common cases are tested inline: distributions are often built inside the log density
        if (Objects.requireNonNull(t, name).requiresGrad() || t.size() == 1 && Double.isFinite(t.item())) {
            return t;
        }
        return check(distribution, name, t, Double::isFinite, "must be finite");
    }

    /** A strictly positive, finite parameter. */
    static Tensor positive(String distribution, String name, Tensor t) {
        if (Objects.requireNonNull(t, name).requiresGrad()
                || t.size() == 1 && t.item() > 0 && t.item() < Double.POSITIVE_INFINITY) {
            return t;
        }
        return check(distribution, name, t, v -> v > 0 && v < Double.POSITIVE_INFINITY,
                "must be positive and finite");
    }

    /** A parameter that is a non-negative whole number; always checked, since it is never differentiated. */
    static Tensor count(String distribution, String name, Tensor t) {
        Tensor c = Objects.requireNonNull(t, name).detach();
        return check(distribution, name, c, Params::isCount, "must be a non-negative whole number");
    }

    static boolean isCount(double v) {
        return v >= 0 && v < Double.POSITIVE_INFINITY && v == Math.rint(v);
    }

    static Tensor check(String distribution, String name, Tensor t, DoublePredicate ok, String requirement) {
        Objects.requireNonNull(t, name);
        if (t.requiresGrad()) {
            return t;
        }
        double[] values = t.toArray();
        for (int i = 0; i < values.length; i++) {
            if (!ok.test(values[i])) {
                throw new DomainException(distribution + ": " + name + " " + requirement + ", got "
                        + element(name, t.shape(), i) + " = " + values[i]);
            }
        }
        return t;
    }

    /** "name" for a scalar, else "name[i, j]" for the element at flat index {@code flat}. */
    static String element(String name, int[] shape, int flat) {
        if (shape.length == 0) {
            return name;
        }
        int[] index = new int[shape.length];
        for (int ax = shape.length - 1; ax >= 0; ax--) {
            index[ax] = flat % shape[ax];
            flat /= shape[ax];
        }
        StringBuilder sb = new StringBuilder(name).append('[');
        for (int ax = 0; ax < index.length; ax++) {
            sb.append(ax == 0 ? "" : ", ").append(index[ax]);
        }
        return sb.append(']').toString();
    }

    /** Fails unless the parameters' shapes broadcast together, so a mismatch shows at construction. */
    static void broadcastable(String distribution, String[] names, Tensor... params) {
        int nonScalars = 0;
        for (Tensor p : params) {
            nonScalars += p.rank() == 0 ? 0 : 1;
        }
        if (nonScalars <= 1) {
            return; // a scalar broadcasts against anything
        }
        int[] shape = new int[0];
        for (int p = 0; p < params.length; p++) {
            int[] next = Support.broadcastShape(shape, params[p].shape());
            if (next == null) {
                StringBuilder sb = new StringBuilder(distribution).append(": parameter shapes do not broadcast:");
                for (int q = 0; q <= p; q++) {
                    sb.append(q == 0 ? " " : ", ").append(names[q]).append(' ')
                            .append(Arrays.toString(params[q].shape()));
                }
                throw new IllegalArgumentException(sb.toString());
            }
            shape = next;
        }
    }
}
