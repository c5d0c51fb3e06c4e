package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.distributions.MultivariateNormal;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Replay equals running the code, or does not replay: densities whose code depends on θ in ways a
 * graph does not show (an exception caught, a derivative taken inside, a nested recording, a read on
 * another thread), and tensors captured from outside shared by parallel chains.
 */
class ReplaySoundnessTest {

    /** The correlation example: a non-SPD covariance's exception caught and a fallback returned. */
    private static final LogDensity CAUGHT = x -> {
        Tensor r = x.index(0);
        Tensor cov = Tensor.stack(0, Tensor.stack(0, Tensor.scalar(1.0), r), Tensor.stack(0, r, Tensor.scalar(1.0)));
        try {
            return MultivariateNormal.of(Tensor.zeros(2), cov).logProb(Tensor.of(0.5, 0.3));
        } catch (IllegalArgumentException e) {
            return r.square().mul(-100.0);
        }
    };

    /** Replayed (recorded at {@code first}) and eager targets agree bit for bit at 200 random points. */
    private static void assertReplayIsEager(LogDensity f, int d, double[] first) {
        AutodiffTarget replayed = new AutodiffTarget(f, d);
        AutodiffTarget eager = new AutodiffTarget(f, d, false);
        replayed.logDensityAndGradient(first, new double[d]);
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 200; k++) {
            double[] theta = new double[d];
            for (int i = 0; i < d; i++) {
                theta[i] = random.nextDouble(-2, 2);
            }
            double[] g = new double[d];
            double[] expected = new double[d];
            double lp = replayed.logDensityAndGradient(theta, g);
            assertEquals(eager.logDensityAndGradient(theta, expected), lp, 0.0, "at " + Arrays.toString(theta));
            assertArrayEquals(expected, g, 0.0, "at " + Arrays.toString(theta));
            assertEquals(lp, replayed.logDensity(theta), 0.0);
            assertEquals(lp, eager.logDensity(theta), 0.0);
        }
    }

    @Test
    void aRecordingThatLandsInTheCatchBranchIsNotReplayed() {
        AutodiffTarget target = new AutodiffTarget(CAUGHT, 1);
        double[] g = new double[1];
        assertEquals(-225.0, target.logDensityAndGradient(new double[] {1.5}, g), 0.0);
        assertFalse(target.replays());
        // at r = 0.5 the covariance is SPD: the normal density, not −100 r² = −25
        double expected = -0.5 * ((0.25 - 2 * 0.5 * 0.5 * 0.3 + 0.09) / 0.75 + Math.log(0.75) + 2 * Math.log(2 * Math.PI));
        assertEquals(expected, target.logDensityAndGradient(new double[] {0.5}, g), 1e-12);
        assertReplayIsEager(CAUGHT, 1, new double[] {1.5});
    }

    @Test
    void aReplayThatThrowsRunsTheCodeInstead() {
        AutodiffTarget target = new AutodiffTarget(CAUGHT, 1);
        double[] g = new double[1];
        target.logDensityAndGradient(new double[] {0.5}, g);
        assertTrue(target.replays());
        assertEquals(-225.0, target.logDensityAndGradient(new double[] {1.5}, g), 0.0);
        assertArrayEquals(new double[] {-300.0}, g, 0.0);
        assertEquals(-225.0, target.logDensity(new double[] {1.5}), 0.0);
        // the tape still serves the points where nothing throws
        assertTrue(target.replays());
        assertReplayIsEager(CAUGHT, 1, new double[] {0.5});
    }

    @Test
    void parallelChainsOfACaughtExceptionSampleAsWithoutReplay() {
        for (long seed = 1; seed <= 4; seed++) {
            Samples replayed = caughtChains(seed, true);
            Samples eager = caughtChains(seed, false);
            assertTrue(Arrays.deepEquals(eager.draws().toArray(), replayed.draws().toArray()), "seed " + seed);
            assertTrue(replayed.acceptanceRate() > 0.3, "seed " + seed + ": " + replayed.acceptanceRate());
        }
    }

    private static Samples caughtChains(long seed, boolean replay) {
        return Hamiltorch.sample(CAUGHT).paramsInit(0.2).numSamples(300).stepSize(0.1).numStepsPerSample(5)
                .chains(2).threads(2).seed(seed).replay(replay).verbose(false).run();
    }

    @Test
    void aDensityThatTakesAGradientItselfIsNotReplayed() {
        // a first derivative taken without a graph: a constant at each θ, which a replay would freeze
        LogDensity direct = x -> Autodiff.grad(x.square().sum(), x, false).mul(x).sum().mul(-0.25);
        assertReplayIsEager(direct, 3, new double[] {0.1, 0.2, 0.3});
        // a recorded derivative through abs: the sign masks are the recording θ's
        LogDensity recorded = x -> Autodiff.grad(x.abs().sum(), x, true).mul(x).sum().neg()
                .add(x.square().sum().mul(-0.5));
        assertReplayIsEager(recorded, 3, new double[] {0.1, -0.2, 0.3});
        AutodiffTarget target = new AutodiffTarget(recorded, 3);
        target.logDensityAndGradient(new double[] {0.1, -0.2, 0.3}, new double[3]);
        assertFalse(target.replays());
    }

    @Test
    void withReplayOffTheValueAloneIsTheValueOfTheGradientsEvaluation() {
        LogDensity direct = x -> Autodiff.grad(x.square().sum(), x, false).mul(x).sum().mul(-0.25);
        AutodiffTarget eager = new AutodiffTarget(direct, 1, false);
        assertEquals(eager.logDensityAndGradient(new double[] {0.5}, new double[1]),
                new AutodiffTarget(direct, 1, false).logDensity(new double[] {0.5}), 0.0);
        assertEquals(-0.125, eager.logDensity(new double[] {0.5}), 0.0);
    }

    @Test
    void aNestedRecordingKeepsTheOuterWatch() {
        LogDensity nested = x -> {
            AutodiffTarget helper = new AutodiffTarget(y -> y.square().sum(), 1);
            helper.logDensityAndGradient(new double[] {0.3}, new double[1]); // records a tape of its own
            double v = x.index(0).item();
            return v > 0 ? x.square().sum().neg() : x.sum();
        };
        assertReplayIsEager(nested, 2, new double[] {0.5, 0.5});
    }

    @Test
    void aValueReadOnAnotherThreadIsSeen() {
        LogDensity elsewhere = x -> {
            double v = CompletableFuture.supplyAsync(() -> x.index(0).item()).join();
            return v > 0 ? x.square().sum().neg() : x.sum();
        };
        assertReplayIsEager(elsewhere, 2, new double[] {0.5, 0.5});
    }

    @Test
    void aTensorKeptFromARecordedEvaluationFailsLoudlyOnceReplayed() {
        Tensor[] kept = new Tensor[1];
        LogDensity keeping = x -> {
            Tensor lp = Normal.of(Tensor.zeros(2), Tensor.of(1, 1)).logProb(x);
            kept[0] = lp;
            return lp.sum();
        };
        AutodiffTarget target = new AutodiffTarget(keeping, 2);
        target.logDensityAndGradient(new double[] {0, 0}, new double[2]);
        Tensor lp = kept[0];
        assertArrayEquals(new double[] {-0.5 * Math.log(2 * Math.PI), -0.5 * Math.log(2 * Math.PI)}, lp.toArray(), 1e-15);
        target.logDensityAndGradient(new double[] {3, 4}, new double[2]);
        assertTrue(target.replays());
        IllegalStateException e = assertThrows(IllegalStateException.class, lp::toArray);
        assertTrue(e.getMessage().contains("replayed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> lp.add(1.0));
        assertThrows(IllegalStateException.class, () -> lp.sum().item());
        assertTrue(lp.toString().contains("stale"), lp.toString());
        // without replay the kept tensor keeps its values
        AutodiffTarget eager = new AutodiffTarget(keeping, 2, false);
        eager.logDensityAndGradient(new double[] {0, 0}, new double[2]);
        Tensor first = kept[0];
        eager.logDensityAndGradient(new double[] {3, 4}, new double[2]);
        assertArrayEquals(lp.shape(), first.shape());
        assertEquals(-0.5 * Math.log(2 * Math.PI), first.toArray()[0], 1e-15);
    }

    @Test
    void aReplayWhoseBackwardRulesReadItsOwnNodesStaysAReplay() {
        // softplus's rule takes the sigmoid of its input, a tensor operation on a node of the tape: the
        // tape's own pass reads the values it has just recomputed, which is no stale read
        int[] runs = new int[1];
        LogDensity logistic = x -> {
            runs[0]++;
            return x.mul(Tensor.of(1.5, -0.5, 2.0)).softplus().sum().neg().add(x.square().sum().mul(-0.5));
        };
        assertReplayIsEager(logistic, 3, new double[] {0.1, 0.2, 0.3});
        AutodiffTarget target = new AutodiffTarget(logistic, 3);
        runs[0] = 0;
        double[] g = new double[3];
        for (int k = 0; k < 50; k++) {
            target.logDensityAndGradient(new double[] {0.01 * k, -0.3, 0.7}, g);
        }
        assertTrue(target.replays());
        assertEquals(1, runs[0], "the density's code ran again instead of the replay");
    }

    @Test
    void aCapturedTensorWithParentsIsNeverWrittenByParallelChains() {
        Tensor loc = JvmTensor.variable(new double[] {0.3, -0.7, 1.1}).softplus();
        LogDensity f = x -> Normal.of(loc, Tensor.scalar(0.5)).logProb(x).sum()
                .add(x.mul(loc).sin().sum());
        for (boolean replay : new boolean[] {true, false}) {
            Samples single = captured(f, 1, replay);
            for (int run = 0; run < 5; run++) {
                Samples parallel = captured(f, 8, replay);
                assertTrue(Arrays.deepEquals(single.draws().toArray(), parallel.draws().toArray()), "run " + run + ", replay " + replay);
            }
        }
        // no backward pass wrote its scratch onto the shared node: the race cannot happen
        assertNull(((JvmTensor) loc).visitMark);
    }

    private static Samples captured(LogDensity f, int threads, boolean replay) {
        return Hamiltorch.sample(f).paramsInit(0, 0, 0).numSamples(200).stepSize(0.2).numStepsPerSample(5)
                .chains(8).threads(threads).seed(5).replay(replay).verbose(false).run();
    }
}
