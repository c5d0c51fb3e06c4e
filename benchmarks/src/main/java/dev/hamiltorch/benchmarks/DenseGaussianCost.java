package dev.hamiltorch.benchmarks;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.examples.workloads.BenchmarkData;
import dev.hamiltorch.examples.workloads.GaussianDense;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * The two costs of one NUTS step on {@code gaussian-dense} with a dense metric, on this thread's CPU clock
 * (docs/benchmarks.md, "Dense Gaussian after the NUTS and MultivariateNormal work"): one replayed gradient
 * of {@code MultivariateNormal.of(mu, Sigma)}, and the metric's work (M⁻¹p twice and K(p) once, M⁻¹ = Σ).
 * Five rounds of 20,000 after 3,000 of warm-up each.
 *
 * <p>usage: {@code java -cp benchmarks/target/benchmarks.jar dev.hamiltorch.benchmarks.DenseGaussianCost
 * data/gaussian-dense.csv}
 */
public final class DenseGaussianCost {

    private static final int WARMUP = 3_000;
    private static final int MEASURED = 20_000;

    private DenseGaussianCost() {
    }

    /** @param args the gaussian-dense data file */
    public static void main(String[] args) throws Exception {
        GaussianDense workload = new GaussianDense(BenchmarkData.readGaussian(Path.of(args[0])));
        int d = workload.dimension();
        AutodiffTarget target = new AutodiffTarget(workload.logDensity(), d);
        Hamiltonian h = EuclideanMetric.hamiltonian(target, InverseMass.dense(workload.covariance()));
        double[] theta = new double[d];
        double[] g = new double[d];
        double[] p = new double[d];
        double[] v = new double[d];
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            theta[i] = 0.1 * ((i % 7) - 3);
            p[i] = theta[i];
        }
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int round = 0; round < 5; round++) {
            long start = 0;
            for (int k = 0; k < WARMUP + MEASURED; k++) {
                if (k == WARMUP) {
                    start = clock.getCurrentThreadCpuTime();
                }
                theta[k % d] += 1e-6; // a new point each time, as in a trajectory
                sink += target.logDensityAndGradient(theta, g);
            }
            double gradient = (clock.getCurrentThreadCpuTime() - start) / (MEASURED * 1e3);
            for (int k = 0; k < WARMUP + MEASURED; k++) {
                if (k == WARMUP) {
                    start = clock.getCurrentThreadCpuTime();
                }
                p[k % d] += 1e-6;
                h.velocity(theta, p, v);
                sink += h.kineticEnergy(theta, p);
                h.velocity(theta, v, w);
                sink += w[k % d];
            }
            double metric = (clock.getCurrentThreadCpuTime() - start) / (MEASURED * 1e3);
            System.out.printf("gradient %.2f µs, metric (2 M⁻¹p + K) %.2f µs per step%n", gradient, metric);
        }
        if (Double.isNaN(sink)) {
            System.out.println("(NaN)");
        }
    }
}
