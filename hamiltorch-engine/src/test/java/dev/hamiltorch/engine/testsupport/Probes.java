package dev.hamiltorch.engine.testsupport;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;

/** Scalars and inputs for derivative checks against finite differences. */
public final class Probes {

    private Probes() {
    }

    /**
     * Σ w₁·y + Σ w₂·sin(y) with pseudo-random weights of y's shape drawn from {@code seed}: a scalar that
     * sees every element of y, with non-zero derivatives of every order even where y is linear in its inputs.
     */
    public static Tensor probe(Tensor y, long seed) {
        int[] shape = y.shape();
        int n = y.size();
        Random r = new Random(seed + 31L * Arrays.hashCode(shape));
        double[] w1 = new double[n];
        double[] w2 = new double[n];
        for (int i = 0; i < n; i++) {
            w1[i] = r.nextDouble() * 2 - 1;
            w2[i] = r.nextDouble() * 2 - 1;
        }
        return y.mul(Tensor.of(w1, shape)).sum().add(y.sin().mul(Tensor.of(w2, shape)).sum());
    }

    /** n values uniform in [lo, hi), seeded. */
    public static double[] uniform(long seed, int n, double lo, double hi) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }
}
