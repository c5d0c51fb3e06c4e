package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The summary's two kernels against their plain definitions, bit for bit: average ranks by a primitive
 * sort and binary searches against a stable sort of indices with R's tie rule; the FFT's twiddle table
 * against the cos/sin each butterfly computed before, and the transform against the DFT's definition.
 */
class RankAndFftKernelsTest {

    /** R's rank(ties.method = "average") as a stable sort of indices and a scan for runs of == values. */
    private static double[] referenceRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            for (int j = start; j < end; j++) {
                ranks[order[j]] = (start + 1 + end) / 2.0;
            }
            start = end;
        }
        return ranks;
    }

    @Test
    void averageRanksAreTheStableSortsWithTiesZerosInfinitiesAndNaN() {
        SplittableRandom random = new SplittableRandom(5);
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5, -2.0};
        for (int n : new int[] {0, 1, 2, 7, 100, 4000}) {
            for (int trial = 0; trial < 5; trial++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    int kind = random.nextInt(4);
                    v[i] = kind == 0 ? specials[random.nextInt(specials.length)]
                            : kind == 1 ? random.nextInt(5) : random.nextGaussian();
                }
                assertArrayEquals(referenceRanks(v), ConvergenceDiagnostics.averageRanks(v), 0.0, "n " + n);
            }
        }
    }

    /**
     * The kept table holds cos and sin of (∓2π/len)·k as each butterfly computed them before (so the
     * transform's bits are unchanged), for sizes that replace the kept table and come back to it.
     */
    @Test
    void theTwiddleTableHoldsTheButterfliesCosinesAndSines() {
        for (int n : new int[] {1, 2, 4, 1024, 8, 1024, 2048, 16, 16}) {
            for (boolean inverse : new boolean[] {false, true, false}) {
                double[][] table = Fft.twiddles(n, inverse);
                assertEquals(Math.max(0, n - 1), table[0].length, "n " + n);
                double sign = inverse ? 1 : -1;
                for (int len = 2; len <= n; len <<= 1) {
                    double angle = sign * 2 * Math.PI / len;
                    for (int k = 0; k < len / 2; k++) {
                        assertEquals(Math.cos(angle * k), table[0][len / 2 - 1 + k], 0.0, "cos, n " + n);
                        assertEquals(Math.sin(angle * k), table[1][len / 2 - 1 + k], 0.0, "sin, n " + n);
                    }
                }
            }
        }
    }

    /** The transform against the discrete Fourier transform's definition, summed directly. */
    @Test
    void theTransformIsTheDiscreteFourierTransform() {
        SplittableRandom random = new SplittableRandom(6);
        for (int n : new int[] {1, 2, 8, 64}) {
            for (boolean inverse : new boolean[] {false, true}) {
                double[] re = new double[n];
                double[] im = new double[n];
                for (int i = 0; i < n; i++) {
                    re[i] = random.nextGaussian();
                    im[i] = random.nextGaussian();
                }
                double[] expectedRe = new double[n];
                double[] expectedIm = new double[n];
                double sign = inverse ? 1 : -1;
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < n; j++) {
                        double a = sign * 2 * Math.PI * j * k / n;
                        expectedRe[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                        expectedIm[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
                    }
                }
                Fft.transform(re, im, inverse);
                assertArrayEquals(expectedRe, re, 1e-12 * n, "n " + n + ", inverse " + inverse);
                assertArrayEquals(expectedIm, im, 1e-12 * n, "n " + n + ", inverse " + inverse);
            }
        }
    }
}
