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
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            double angle = sign * 2 * Math.PI / len;
            for (int k = 0; k < half; k++) {
                // twiddles from cos/sin directly, not by repeated multiplication, to keep rounding at 1 ulp
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
}
