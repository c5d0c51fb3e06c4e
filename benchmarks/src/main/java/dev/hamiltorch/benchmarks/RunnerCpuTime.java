package dev.hamiltorch.benchmarks;

import dev.hamiltorch.examples.cli.Runner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * The runner's command run several times in one JVM, with the process's CPU time and the wall time of
 * each run: the first run is a user's cold run (JIT compilation, profiled code), the later ones show
 * what the same work costs once the code is compiled. Usage (after {@code mvn package}):
 * <pre>  java -cp benchmarks/target/benchmarks.jar dev.hamiltorch.benchmarks.RunnerCpuTime RUNS RUNNER_ARGS...</pre>
 * e.g. {@code RunnerCpuTime 3 logistic --data logistic.csv --sampler nuts --chains 4 --samples 2000 --burn 1000
 * --quiet --json out.json}; the runner's output is discarded, its errors shown.
 */
public final class RunnerCpuTime {

    private RunnerCpuTime() {
    }

    /** See the class comment. */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        String[] runnerArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (int run = 1; run <= runs; run++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            int status = Runner.run(runnerArgs, discard, System.err);
            System.out.printf("run %d: process CPU %.2f s, wall %.2f s, exit status %d%n", run,
                    (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, status);
        }
    }
}
