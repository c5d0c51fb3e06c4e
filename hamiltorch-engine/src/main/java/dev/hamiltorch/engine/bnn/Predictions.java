package dev.hamiltorch.engine.bnn;

import java.util.Arrays;

/**
 * A model's outputs for N inputs under S posterior draws, and each draw's log posterior on the given data
 * (hamiltorch's {@code predict_model}): {@link #output(int, int, int)} is the S × N × O array of outputs,
 * draws in the order they were read (a draws file's order, else chain 0 first). Outputs computed in float32
 * (the network inference path) are held as float32, 4 bytes each (3000 draws × 1000 digits × 10 classes:
 * 120 MB), others as doubles. Immutable; arrays are returned as copies.
 */
public final class Predictions {

    private final int draws;
    private final int rows;
    private final int outputs;
    /** The outputs, S × N × O row-major: one of the two is null. */
    private final double[] values;
    private final float[] floats;
    private final double[] logPosterior;
    private final int[] chain;
    private final int[] iteration;

    /** Takes ownership of the arrays; exactly one of {@code values} and {@code floats} is non-null. */
    Predictions(int draws, int rows, int outputs, double[] values, float[] floats, double[] logPosterior,
                int[] chain, int[] iteration) {
        if ((values == null) == (floats == null)) {
            throw new IllegalArgumentException("values and floats: exactly one must hold the outputs");
        }
        this.draws = draws;
        this.rows = rows;
        this.outputs = outputs;
        this.values = values;
        this.floats = floats;
        this.logPosterior = logPosterior;
        this.chain = chain;
        this.iteration = iteration;
    }

    /** S, the number of draws. */
    public int draws() {
        return draws;
    }

    /** N, the number of inputs. */
    public int rows() {
        return rows;
    }

    /** O, the outputs per input (the model's output size over its batch). */
    public int outputs() {
        return outputs;
    }

    /** Whether the outputs were computed, and are held, in float32. */
    public boolean float32() {
        return floats != null;
    }

    /** The output at flat index i of S × N × O. */
    private double value(int i) {
        return floats != null ? floats[i] : values[i];
    }

    /** The output o for input n under draw s. */
    public double output(int s, int n, int o) {
        if (s < 0 || s >= draws || n < 0 || n >= rows || o < 0 || o >= outputs) {
            throw new IndexOutOfBoundsException("output (" + s + ", " + n + ", " + o + ") of " + draws + " × " + rows
                    + " × " + outputs);
        }
        return value((s * rows + n) * outputs + o);
    }

    /** The N × O outputs under draw s, row-major (a copy). */
    public double[] outputs(int s) {
        if (s < 0 || s >= draws) {
            throw new IndexOutOfBoundsException("draw " + s + " of " + draws);
        }
        int from = s * rows * outputs;
        if (floats == null) {
            return Arrays.copyOfRange(values, from, from + rows * outputs);
        }
        double[] out = new double[rows * outputs];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats[from + i];
        }
        return out;
    }

    /** The mean output over the draws, N × O row-major: the posterior-predictive mean of f(θ, x). */
    public double[] mean() {
        double[] mean = new double[rows * outputs];
        for (int s = 0; s < draws; s++) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += value(s * mean.length + i);
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= draws;
        }
        return mean;
    }

    /**
     * The variance of the output over the draws (divided by S), N × O row-major: the spread of f(θ, x)
     * under the posterior, without the likelihood's noise.
     */
    public double[] variance() {
        double[] mean = mean();
        double[] variance = new double[mean.length];
        for (int s = 0; s < draws; s++) {
            for (int i = 0; i < mean.length; i++) {
                double e = value(s * mean.length + i) - mean[i];
                variance[i] += e * e;
            }
        }
        for (int i = 0; i < mean.length; i++) {
            variance[i] /= draws;
        }
        return variance;
    }

    /** The log posterior of each draw on the given data (prior + τ_out-scaled likelihood), length S. */
    public double[] logPosterior() {
        return logPosterior.clone();
    }

    /** The chain of each draw, length S. */
    public int[] chain() {
        return chain.clone();
    }

    /** The iteration of each draw within its chain (from 0, burn-in included), length S. */
    public int[] iteration() {
        return iteration.clone();
    }

    @Override
    public String toString() {
        return "Predictions(" + draws + " draws × " + rows + " inputs × " + outputs + " outputs)";
    }
}
