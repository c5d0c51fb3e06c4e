package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The summary's two kernels against their plain definitions, bit for bit: average ranks by a primitive
 * sort and binary searches against a stable sort of indices with R's tie rule, and the FFT with its
 * twiddle table against cos/sin computed in every butterfly.
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

    /** The transform with cos(angle·k) and sin(angle·k) computed in every butterfly, as before the table. */
    private static void referenceTransform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double angle = sign * 2 * Math.PI / len;
            for (int k = 0; k < half; k++) {
                double wr = Math.cos(angle * k);
                double wi = Math.sin(angle * k);
                for (int start = 0; start < n; start += len) {
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    @Test
    void theTwiddleTableGivesTheDirectTransformsBits() {
        SplittableRandom random = new SplittableRandom(6);
        // sizes alternate, so the kept table is replaced and made again
        for (int n : new int[] {1, 2, 4, 1024, 8, 1024, 2048, 16, 16}) {
            for (boolean inverse : new boolean[] {false, true, false}) {
                double[] re = new double[n];
                double[] im = new double[n];
                for (int i = 0; i < n; i++) {
                    re[i] = random.nextGaussian();
                    im[i] = random.nextGaussian();
                }
                double[] expectedRe = re.clone();
                double[] expectedIm = im.clone();
                referenceTransform(expectedRe, expectedIm, inverse);
                Fft.transform(re, im, inverse);
                assertArrayEquals(expectedRe, re, 0.0, "n " + n + ", inverse " + inverse);
                assertArrayEquals(expectedIm, im, 0.0, "n " + n + ", inverse " + inverse);
            }
        }
    }
}
