package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A backward pass keeps scratch on the nodes it reaches; threads that differentiate their own graphs
 * (one per chain) must not disturb each other, even when the log density shares constants and a
 * tensor that requires gradients but is not differentiated against.
 */
class ConcurrentGradientsTest {

    private static final Normal PRIOR = Normal.of(Tensor.of(0.5, -1, 2, 0), Tensor.of(1, 2, 0.5, 3));
    /** Requires gradients but is never an input: the passes must leave it alone. */
    private static final Tensor SHARED_VARIABLE = JvmTensor.variable(new double[] {0.3, 0.7, -0.2, 1.1});

    static final LogDensity DENSITY = x -> PRIOR.logProb(x).sum()
            .add(x.mul(SHARED_VARIABLE.detach()).exp().sum().mul(-0.1))
            .add(x.index(1).mul(x.index(3)).add(SHARED_VARIABLE.sum()).sin());

    @Test
    void threadsDifferentiatingTheirOwnGraphsGetTheSingleThreadedBits() throws Exception {
        AutodiffTarget target = new AutodiffTarget(DENSITY, 4);
        assertFourThreadsGetTheBitsOf(target, target);
    }

    @Test
    void threadsSharingAReplayedTargetEachReplayTheirOwnRecording() throws Exception {
        LogDensity replayable = x -> PRIOR.logProb(x).sum().add(x.index(0).mul(x.index(1)).sin());
        assertFourThreadsGetTheBitsOf(new AutodiffTarget(replayable, 4, false), new AutodiffTarget(replayable, 4));
    }

    /** Four threads evaluating {@code shared} at once get what one thread gets from {@code reference}. */
    private static void assertFourThreadsGetTheBitsOf(AutodiffTarget reference, AutodiffTarget shared)
            throws Exception {
        int points = 2000;
        double[][] expected = new double[points][];
        for (int i = 0; i < points; i++) {
            expected[i] = gradientAt(reference, i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    double[][] g = new double[points][];
                    for (int i = 0; i < points; i++) {
                        g[i] = gradientAt(shared, i);
                    }
                    return g;
                }));
            }
            for (Future<double[][]> f : futures) {
                double[][] got = f.get();
                for (int i = 0; i < points; i++) {
                    assertArrayEquals(expected[i], got[i], "point " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] gradientAt(AutodiffTarget target, int i) {
        double[] x = {Math.sin(i), 0.01 * i - 1, Math.cos(0.3 * i), 0.5};
        double[] g = new double[4];
        double logDensity = target.logDensityAndGradient(x, g);
        return new double[] {g[0], g[1], g[2], g[3], logDensity};
    }
}
