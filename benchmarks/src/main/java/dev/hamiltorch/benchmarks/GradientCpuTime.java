package dev.hamiltorch.benchmarks;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One gradient's cost on this thread's CPU clock, replayed and running the density's code, for a model
 * of {@link Models}: less sensitive to a loaded machine than JMH's wall clock, which on a 2-core machine
 * shared by several builds measures mostly the scheduler. Usage (after {@code mvn package}):
 * <pre>  java -cp benchmarks/target/benchmarks.jar dev.hamiltorch.benchmarks.GradientCpuTime [MODEL [WARMUP [CALLS [ROUNDS]]]]</pre>
 * defaults LOGISTIC, 3,000 warm-up calls, 20,000 timed calls, 3 rounds of (replayed, eager); each line
 * prints µs per gradient and the value and first gradient coordinate at the last θ (the two must agree).
 */
public final class GradientCpuTime {

    private GradientCpuTime() {
    }

    /** See the class comment. */
    public static void main(String[] args) {
        Models model = Models.valueOf(args.length > 0 ? args[0] : "LOGISTIC");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            for (boolean replay : new boolean[] {true, false}) {
                double[] theta = model.start();
                for (int i = 0; i < theta.length; i++) {
                    theta[i] += 0.1 * ((i % 7) - 3); // off the start, as GradientBenchmark
                }
                Probe probe = new Probe(model.logDensity(), theta, replay);
                double sink = 0;
                for (int i = 0; i < warmup; i++) {
                    sink += probe.next();
                }
                long bytes = allocated();
                long start = clock.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += probe.next();
                }
                long end = clock.getCurrentThreadCpuTime();
                bytes = allocated() - bytes;
                System.out.printf("%s %-8s %8.2f µs per gradient (thread CPU), %6d bytes allocated  value %.17g"
                        + "  gradient[0] %.17g  (%s)%n", model, replay ? "replayed" : "eager", (end - start) / 1e3 / calls,
                        bytes / calls, probe.value, probe.gradient[0], Double.isNaN(sink) ? "NaN" : "ok");
            }
        }
    }

    /** Bytes this thread has allocated, where the JVM tells (HotSpot does), else 0. */
    private static long allocated() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                ? hotspot.getCurrentThreadAllocatedBytes() : 0;
    }

    /** A gradient per call at a θ nudged by ±10⁻⁹ each time, as {@link ReplayedGradient}, replayed or not. */
    private static final class Probe {
        private final AutodiffTarget target;
        private final double[] theta;
        private final double[] gradient;
        private double value;
        private long calls;

        Probe(LogDensity logDensity, double[] theta, boolean replay) {
            this.target = new AutodiffTarget(logDensity, theta.length, replay);
            this.theta = theta;
            this.gradient = new double[theta.length];
        }

        double next() {
            theta[0] += (++calls & 1) == 0 ? 1e-9 : -1e-9;
            value = target.logDensityAndGradient(theta, gradient);
            return value + gradient[0];
        }
    }
}
