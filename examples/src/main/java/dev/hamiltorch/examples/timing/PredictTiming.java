package dev.hamiltorch.examples.timing;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.bnn.GaussianPrior;
import dev.hamiltorch.engine.bnn.ModelPosterior;
import dev.hamiltorch.engine.bnn.Predictions;
import dev.hamiltorch.engine.bnn.Predictor;
import dev.hamiltorch.engine.bnn.TauOut;
import dev.hamiltorch.examples.data.Mnist;
import dev.hamiltorch.examples.workloads.BnnMnist;
import dev.hamiltorch.likelihoods.MultiClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code predictModel} on the 1000 validation digits of {@code bnn-mnist} (digits 100–1099 of the
 * shipped set, pixels in [0, 1]) with the draws of a draws file written by
 * {@code bnn-mnist --draws FILE}: {@code java -Xmx2g -cp hamiltorch-examples.jar
 * dev.hamiltorch.examples.timing.PredictTiming FILE [THREADS [ROUNDS]]}. Prints, per round, the wall time
 * and the seconds per draw (run it under {@code /usr/bin/time} for the CPU time), then bnn-mnist's accuracies
 * for the file's draws (a check that the outputs are the network's; with {@code --pixels standardised}
 * draws, pass {@code -Dpixels=standardised}).
 */
public final class PredictTiming {

    private PredictTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PredictTiming DRAWS_FILE [THREADS [ROUNDS]]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Predictor.defaultThreads();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Mnist shipped = Mnist.shipped();
        Mnist data = "standardised".equals(System.getProperty("pixels")) ? shipped.standardised() : shipped;
        BnnMnist workload = new BnnMnist(data, 100, 1000, 123);
        var net = workload.model();
        ModelPosterior posterior = new ModelPosterior(net, new MultiClass(), TauOut.fixed(1),
                GaussianPrior.of(net.parameterBlocks(), List.of()));
        Tensor x = data.images(100, 1100);
        Tensor y = data.labels(100, 1100);
        Predictions p = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            p = Predictor.predict(posterior, file, x, y, threads);
            double wall = (System.nanoTime() - t0) * 1e-9;
            System.out.println(String.format(Locale.ROOT,
                    "round %d: %d draws, threads %d, rows per chunk %d: %.2f s wall, %.4f s per draw%s",
                    r, p.draws(), threads, Integer.getInteger(Predictor.ROWS_PER_CHUNK_PROPERTY, 250), wall,
                    wall / p.draws(), p.float32() ? " (float32 inference)" : " (engine forward pass)"));
        }
        System.out.println("accuracies as bnn-mnist's quality block: " + BnnMnist.accuracies(p, y.toArray())
                + "; log posterior of the first draw on the 1000 digits: " + p.logPosterior()[0]);
    }
}
