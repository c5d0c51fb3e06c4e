package dev.hamiltorch.examples.timing;

import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.examples.workloads.Funnel;
import dev.hamiltorch.examples.workloads.Gaussian3d;
import dev.hamiltorch.examples.workloads.Workload;
import java.util.Locale;

/**
 * Microseconds per log density and gradient of each workload, best of five rounds (the first warms up):
 * {@code java -cp hamiltorch-examples.jar dev.hamiltorch.examples.timing.GradientTiming [calls]}.
 * Under {@code -Xint} it measures the interpreted cost, which dominates a short run on a cold JVM.
 */
public final class GradientTiming {

    private GradientTiming() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        double sink = 0;
        for (Workload w : new Workload[] {new Gaussian3d(), new Funnel(10)}) {
            AutodiffTarget target = new AutodiffTarget(w.logDensity(), w.dimension());
            double[] theta = w.initialPosition();
            double[] gradient = new double[theta.length];
            double best = Double.POSITIVE_INFINITY;
            for (int rep = 0; rep < 5; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    theta[0] = (i % 16) * 0.01; // vary the point so nothing is constant-folded
                    sink += target.logDensityAndGradient(theta, gradient) + gradient[0];
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e3 / calls);
            }
            System.out.println(String.format(Locale.ROOT, "%-11s %8.3f µs per gradient (best of 5 × %d calls)",
                    w.name(), best, calls));
        }
        if (sink == 0.125) {
            System.out.println(); // keeps the results alive
        }
    }
}
