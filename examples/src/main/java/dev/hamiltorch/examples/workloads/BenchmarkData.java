package dev.hamiltorch.examples.workloads;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The synthetic data sets of the NUTS benchmark (docs/nuts.md), generated deterministically from a seed
 * ({@link SplittableRandom}'s algorithm is fixed by the JDK's specification, so a seed gives the same
 * file on every JVM), in the formats of docs/runner.md:
 * <ul>
 *   <li>{@link #logistic}: a Bayesian logistic regression's data, header {@code y,x1,…,xK}, N rows;
 *       xᵢⱼ ~ N(0, 1), true weights w ~ N(0, 1) (the model's prior), yᵢ ~ Bernoulli(σ(xᵢ·w));</li>
 *   <li>{@link #denseGaussian}: N(μ, Σ) with μ ~ N(0, I) and Σ = Q diag(λ) Qᵀ, Q a random orthogonal
 *       matrix (Gram–Schmidt of a Gaussian matrix), λ log-spaced from 1 to the condition number; row i is
 *       {@code mu_i, Sigma[i,1..n]}, no header.</li>
 * </ul>
 */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /** The logistic regression's data: N rows of y and K covariates. */
    public record LogisticData(double[][] x, double[] y, double[] trueWeights) {
    }

    /** N(μ, Σ). */
    public record GaussianData(double[] mean, double[][] covariance) {
    }

    /** N rows, K covariates, from {@code seed}. */
    public static LogisticData logistic(long seed, int n, int k) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = rng.nextGaussian();
        }
        double[][] x = new double[n][k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < k; j++) {
                x[i][j] = rng.nextGaussian();
                eta += x[i][j] * w[j];
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return new LogisticData(x, y, w);
    }

    /** An n-dimensional Gaussian whose covariance has eigenvalues log-spaced from 1 to {@code condition}. */
    public static GaussianData denseGaussian(long seed, int n, double condition) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = rng.nextGaussian();
        }
        // columns of q: modified Gram–Schmidt of Gaussian vectors (orthonormal to rounding)
        double[][] q = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextGaussian();
            }
            for (int b = 0; b < c; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[b][i] * v[i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * q[b][i];
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[c][i] = v[i] / norm;
            }
        }
        double[] lambda = new double[n];
        for (int c = 0; c < n; c++) {
            lambda[c] = n == 1 ? 1 : Math.pow(condition, (double) c / (n - 1));
        }
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += q[c][i] * lambda[c] * q[c][j];
                }
                sigma[i][j] = s;
                sigma[j][i] = s; // exactly symmetric
            }
        }
        return new GaussianData(mean, sigma);
    }

    /** Writes {@code data} with header {@code y,x1,…,xK}. */
    public static void write(LogisticData data, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int k = data.x()[0].length;
            StringBuilder header = new StringBuilder("y");
            for (int j = 1; j <= k; j++) {
                header.append(",x").append(j);
            }
            w.write(header.append('\n').toString());
            for (int i = 0; i < data.y().length; i++) {
                StringBuilder row = new StringBuilder(Integer.toString((int) data.y()[i]));
                for (double v : data.x()[i]) {
                    row.append(',').append(v);
                }
                w.write(row.append('\n').toString());
            }
        }
    }

    /** Writes {@code data} as rows {@code mu_i, Sigma[i,1..n]}. */
    public static void write(GaussianData data, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < data.mean().length; i++) {
                StringBuilder row = new StringBuilder(Double.toString(data.mean()[i]));
                for (double v : data.covariance()[i]) {
                    row.append(',').append(v);
                }
                w.write(row.append('\n').toString());
            }
        }
    }

    /**
     * Reads a logistic regression's data (header {@code y,x1,…,xK}, y in {0, 1}).
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static LogisticData readLogistic(Path file) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty; expected a header y,x1,...,xK and rows");
        }
        String[] header = lines.get(0).split(",", -1);
        if (header.length < 2 || !header[0].trim().equals("y")) {
            throw new IllegalArgumentException(file + ": line 1 must be the header y,x1,...,xK, got '" + lines.get(0)
                    + "'");
        }
        int k = header.length - 1;
        int n = lines.size() - 1;
        if (n == 0) {
            throw new IllegalArgumentException(file + ": no data rows after the header");
        }
        double[][] x = new double[n][k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = numbers(file, i + 2, lines.get(i + 1), k + 1);
            if (row[0] != 0 && row[0] != 1) {
                throw new IllegalArgumentException(file + ": line " + (i + 2) + ": y = " + row[0] + ", must be 0 or 1");
            }
            y[i] = row[0];
            System.arraycopy(row, 1, x[i], 0, k);
        }
        return new LogisticData(x, y, null);
    }

    /**
     * Reads N(μ, Σ) from rows {@code mu_i, Sigma[i,1..n]}.
     *
     * @throws IllegalArgumentException naming the file, the line and what is wrong
     */
    public static GaussianData readGaussian(Path file) throws IOException {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        int n = lines.size();
        if (n == 0) {
            throw new IllegalArgumentException(file + ": empty; expected n rows mu_i,Sigma[i,1..n]");
        }
        double[] mean = new double[n];
        double[][] sigma = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = numbers(file, i + 1, lines.get(i), n + 1);
            mean[i] = row[0];
            sigma[i] = java.util.Arrays.copyOfRange(row, 1, n + 1);
        }
        return new GaussianData(mean, sigma);
    }

    private static double[] numbers(Path file, int line, String text, int expected) {
        String[] cells = text.split(",", -1);
        if (cells.length != expected) {
            throw new IllegalArgumentException(file + ": line " + line + " has " + cells.length + " values, expected "
                    + expected);
        }
        double[] v = new double[expected];
        for (int j = 0; j < expected; j++) {
            try {
                v[j] = Double.parseDouble(cells[j].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": line " + line + ", value " + (j + 1) + " '" + cells[j]
                        + "' is not a number");
            }
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException(file + ": line " + line + ", value " + (j + 1) + " is " + v[j]);
            }
        }
        return v;
    }
}
