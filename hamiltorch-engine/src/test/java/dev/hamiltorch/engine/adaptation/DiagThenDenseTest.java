package dev.hamiltorch.engine.adaptation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.engine.testsupport.Matrices;
import org.junit.jupiter.api.Test;

/**
 * {@code diag-then-dense} through the facade, exactly: while every slow window holds fewer than 2·D draws
 * the run is {@code diag}'s bit for bit, and once every window holds at least 2·D it is {@code dense}'s.
 */
class DiagThenDenseTest {

    private static SampleBuilder run(GaussianTarget target, String adaptation, int burn) {
        return Hamiltorch.sample(target).paramsInit(new double[target.dimension()]).numStepsPerSample(10)
                .verbose(false).adaptMetric(adaptation).numSamples(burn + 100).burn(burn).chains(2).seed(4);
    }

    @Test
    void shortWindowsGiveDiagsRun() {
        // D = 30: 2·D = 60 draws; a warm-up of 150 has one slow window, of 25 draws
        double[] scales = new double[30];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = 0.5 + i / 20.0;
        }
        GaussianTarget g = new GaussianTarget(new double[30], Matrices.randomCovariance(3, 30, 3, 0.5, scales));
        assertSameRuns(run(g, "diag", 150).run(), run(g, "diag-then-dense", 150).run(), InverseMass.Diagonal.class);
    }

    @Test
    void longWindowsGiveDensesRun() {
        // D = 2: 2·D = 4 draws, fewer than any window of a 300-iteration warm-up (25, 50, 100)
        GaussianTarget g = new GaussianTarget(new double[] {1, 1}, new double[][] {{4, 1.9}, {1.9, 1}});
        assertSameRuns(run(g, "dense", 300).run(), run(g, "diag-then-dense", 300).run(), InverseMass.Dense.class);
    }

    /** Both chains of {@code actual} adapted an inverse mass of {@code kind} and are {@code expected}'s, bit for bit. */
    private static void assertSameRuns(Samples expected, Samples actual, Class<? extends InverseMass> kind) {
        for (int c = 0; c < 2; c++) {
            assertTrue(kind.isInstance(actual.chain(c).stepParameters().inverseMass()), "chain " + c);
            assertEquals(expected.chain(c).stepParameters(), actual.chain(c).stepParameters());
            assertArrayEquals(expected.chain(c).draws().toArray(), actual.chain(c).draws().toArray());
        }
    }
}
