package dev.hamiltorch.engine.nd4j;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.ForwardPlan;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.testsupport.Probes;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Process CPU time and wall time of one float32 inference pass of the MNIST CNN over 1000 inputs (uniform
 * pixels), on the calling thread: {@code InferenceTiming [ROWS_PER_CHUNK [PASSES]]}, run with
 * {@code OMP_NUM_THREADS=1} for one-thread kernels (what predictModel uses with two or more threads) or
 * without it for ND4J's own threads. Not a test: a measurement (docs/networks.md, "Prediction").
 */
public final class InferenceTiming {

    private InferenceTiming() {
    }

    public static void main(String[] args) {
        int chunk = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Module net = Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), ReLU.of(), Conv2d.of(20, 50, 5),
                MaxPool2d.of(2), ReLU.of(), Flatten.of(), Linear.of(800, 500), ReLU.of(), Linear.of(500, 10));
        FloatInference f = FloatInference.of(ForwardPlan.of(net).orElseThrow(), chunk);
        INDArray x = FloatInference.inputs(Tensor.of(Probes.uniform(1, 1000 * 784, 0, 1), 1000, 1, 28, 28));
        DataBuffer theta = FloatInference.parameters(net.initialParameters(1).toArray());
        float[] out = new float[10_000];
        f.forward(theta, x, out, 0); // warm-up: JIT, natives, the workspace's first sizing
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        for (int r = 0; r < passes; r++) {
            f.forward(theta, x, out, 0);
        }
        System.out.printf(Locale.ROOT, "rows per chunk %d: %.3f s process CPU, %.3f s wall per forward pass (%d passes)%n",
                chunk, (processCpuNanos() - cpu) * 1e-9 / passes, (System.nanoTime() - wall) * 1e-9 / passes, passes);
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
