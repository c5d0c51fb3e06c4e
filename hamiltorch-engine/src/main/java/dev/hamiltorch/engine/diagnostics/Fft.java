package dev.hamiltorch.engine.diagnostics;

/** An in-place iterative radix-2 complex FFT, enough for the autocovariances of chains. */
final class Fft {

    private Fft() {
    }

    /**
     * Transforms (re, im) in place: X_k = Σⱼ xⱼ e^{∓2πijk/n}, the minus sign forward; the inverse is
     * left unnormalised (as R's {@code fft(inverse = TRUE)}).
     *
     * @throws IllegalArgumentException unless the length is a power of two
     */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("length must be a power of two, got " + n);
        }
        // bit-reversal permutation so the butterflies can run in place
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
        double[][] twiddles = twiddles(n, inverse);
        double[] cos = twiddles[0];
        double[] sin = twiddles[1];
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                double wr = cos[half - 1 + k];
                double wi = sin[half - 1 + k];
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

    /** The last table of {@link #twiddles} for each direction: a run's chains mostly have one length. */
    private static final double[][][] LAST = new double[2][][];

    /**
     * cos and sin of (∓2π/len)·k for every stage len = 2, 4, …, n and k &lt; len/2, at index len/2 − 1 + k:
     * computed once per length and direction (they cost most of a summary's time when computed in every
     * transform) and from cos/sin directly, not by repeated multiplication, to keep rounding at 1 ulp.
     */
    static double[][] twiddles(int n, boolean inverse) {
        int direction = inverse ? 1 : 0;
        double[][] table;
        synchronized (LAST) {
            table = LAST[direction];
        }
        if (table != null && table[0].length == n - 1) {
            return table;
        }
        double sign = inverse ? 1 : -1;
        double[] cos = new double[Math.max(0, n - 1)];
        double[] sin = new double[cos.length];
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double angle = sign * 2 * Math.PI / len;
            for (int k = 0; k < half; k++) {
                cos[half - 1 + k] = Math.cos(angle * k);
                sin[half - 1 + k] = Math.sin(angle * k);
            }
        }
        table = new double[][] {cos, sin};
        synchronized (LAST) {
            LAST[direction] = table; // never written after publication
        }
        return table;
    }
}
