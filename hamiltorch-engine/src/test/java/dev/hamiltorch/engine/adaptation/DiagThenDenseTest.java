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
        Samples diag = run(g, "diag", 150).run();
        Samples diagThenDense = run(g, "diag-then-dense", 150).run();
        for (int c = 0; c < 2; c++) {
            assertTrue(diagThenDense.chain(c).stepParameters().inverseMass() instanceof InverseMass.Diagonal);
            assertEquals(diag.chain(c).stepParameters(), diagThenDense.chain(c).stepParameters());
            assertArrayEquals(diag.chain(c).draws().toArray(), diagThenDense.chain(c).draws().toArray());
        }
    }

    @Test
    void longWindowsGiveDensesRun() {
        // D = 2: 2·D = 4 draws, fewer than any window of a 300-iteration warm-up (25, 50, 100)
        GaussianTarget g = new GaussianTarget(new double[] {1, 1}, new double[][] {{4, 1.9}, {1.9, 1}});
        Samples dense = run(g, "dense", 300).run();
        Samples diagThenDense = run(g, "diag-then-dense", 300).run();
        for (int c = 0; c < 2; c++) {
            assertTrue(diagThenDense.chain(c).stepParameters().inverseMass() instanceof InverseMass.Dense);
            assertEquals(dense.chain(c).stepParameters(), diagThenDense.chain(c).stepParameters());
            assertArrayEquals(dense.chain(c).draws().toArray(), diagThenDense.chain(c).draws().toArray());
        }
    }
}
