package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quartic log π(x) = Σ −xᵢ⁴/4 − xᵢ²/2 on which RMHMC's implicit fixed points fail in one direction
 * only (issue 8), started at 0, with RMHMC on the Hessian metric G = diag(1 + 3x²), the implicit
 * integrator at fixed-point threshold 1e-12, ε 0.4, L 4, 4000 samples (400 burn-in) as defaults. Each
 * coordinate has variance {@link #EXACT_VARIANCE}, which the quality block compares E[xᵢ²] with.
 */
public final class Quartic implements Workload {

    /** Var xᵢ = E xᵢ² of the density ∝ exp(−x⁴/4 − x²/2), by Simpson's rule on [−8, 8] (0.4679199…). */
    public static final double EXACT_VARIANCE = variance();

    private final int dim;

    /** @param dim D, the number of coordinates */
    public Quartic(int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim = " + dim + ": must be positive");
        }
        this.dim = dim;
    }

    @Override
    public String name() {
        return "quartic";
    }

    @Override
    public LogDensity logDensity() {
        return x -> x.pow(4).mul(-0.25).sub(x.square().mul(0.5)).sum();
    }

    /** The same density with hand-written derivatives up to the third, about five times faster for RMHMC. */
    @Override
    public Target target() {
        return new AnalyticQuartic(dim);
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public double[] initialPosition() {
        return new double[dim];
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("sampler", "rmhmc", "metric", "hessian", "integrator", "implicit", "samples", "4000",
                "burn", "400", "step-size", "0.4", "steps", "4", "fixed-point-threshold", "1e-12");
    }

    /**
     * E[xᵢ²] of each coordinate, its MCSE (the library's, of the xᵢ² draws), and its distance to
     * {@link #EXACT_VARIANCE} in MCSEs.
     */
    @Override
    public Map<String, Object> quality(Samples samples) {
        List<Object> moments = new ArrayList<>();
        List<Object> mcses = new ArrayList<>();
        List<Object> z = new ArrayList<>();
        for (int i = 0; i < dim; i++) {
            double[] x = samples.parameter(i);
            double[] squares = new double[x.length];
            double sum = 0;
            for (int k = 0; k < x.length; k++) {
                squares[k] = x[k] * x[k];
                sum += squares[k];
            }
            double moment = sum / x.length;
            double mcse = ConvergenceDiagnostics.mcseMean(new double[][] {squares});
            moments.add(moment);
            mcses.add(mcse);
            z.add((moment - EXACT_VARIANCE) / mcse);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("exact_variance", EXACT_VARIANCE);
        q.put("second_moment", moments);
        q.put("second_moment_mcse", mcses);
        q.put("second_moment_z", z);
        return q;
    }

    private static double variance() {
        int n = 16_000; // the density is below e⁻¹⁰⁰⁰ beyond ±8
        double h = 16.0 / n;
        double z = 0;
        double m2 = 0;
        for (int k = 0; k <= n; k++) {
            double x = -8 + k * h;
            double w = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2);
            double f = Math.exp(-x * x * x * x / 4 - x * x / 2);
            z += w * f;
            m2 += w * x * x * f;
        }
        return m2 / z;
    }

    /** log π(x) = Σ −xᵢ⁴/4 − xᵢ²/2: ∇ = −x³ − x, ∇² = diag(−3x² − 1), ∂³ = diag(−6x). */
    private static final class AnalyticQuartic implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final int dimension;

        AnalyticQuartic(int dimension) {
            this.dimension = dimension;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public double logDensity(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += -v * v * v * v / 4 - v * v / 2;
            }
            return sum;
        }

        @Override
        public double logDensityAndGradient(double[] x, double[] gradient) {
            for (int i = 0; i < dimension; i++) {
                gradient[i] = -x[i] * x[i] * x[i] - x[i];
            }
            return logDensity(x);
        }

        /** The Hessian and the third derivatives are written out below. */
        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        @Override
        public double[][] hessian(double[] x) {
            double[][] h = new double[dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                h[i][i] = -3 * x[i] * x[i] - 1;
            }
            return h;
        }

        @Override
        public double[][][] thirdDerivatives(double[] x) {
            double[][][] t = new double[dimension][dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                t[i][i][i] = -6 * x[i];
            }
            return t;
        }

        @Override
        public double[] thirdOrderContraction(double[] x, double[][] s) {
            double[] c = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                c[i] = -6 * x[i] * s[i][i];
            }
            return c;
        }
    }
}
