package dev.hamiltorch.examples.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.AutodiffSplitTarget;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class GaussianSplitTest {

    private static final double[] THETA = {0.9, 2.2, 2.7};

    /**
     * The conjugate model's log density, log N(θ; 0, 10² I) + Σₙ log N(yₙ; θ, I), is a quadratic in θ:
     * its gradient is −θ/10² + Σₙ (yₙ − θ) = λ (μ − θ), with μ and λ the posterior's mean and precision.
     */
    @Test
    void theTermsSumToTheConjugateModelWhateverTheirNumber() {
        double precision = 1 / GaussianSplit.posteriorSd() / GaussianSplit.posteriorSd();
        for (int terms : new int[] {1, 4, 7, GaussianSplit.OBSERVATIONS}) {
            GaussianSplit workload = new GaussianSplit(terms);
            List<LogDensity> parts = workload.terms();
            assertEquals(terms, parts.size());
            double[] gradient = new double[3];
            double value = new AutodiffSplitTarget(parts, 3, true).logDensityAndGradient(THETA, gradient);
            for (int j = 0; j < 3; j++) {
                assertEquals(precision * (GaussianSplit.posteriorMean(j) - THETA[j]), gradient[j], 1e-9, terms + " terms");
            }
            // the single density adds the terms in the same order: the same value to the bit
            assertEquals(value, new AutodiffTarget(workload.logDensity(), 3).logDensity(THETA));
            assertEquals(value, workload.logDensity().logProb(Tensor.of(THETA)).item());
        }
    }

    @Test
    void theValueDoesNotDependOnTheSplitBeyondRounding() {
        double one = new GaussianSplit(1).logDensity().logProb(Tensor.of(THETA)).item();
        double many = new GaussianSplit(GaussianSplit.OBSERVATIONS).logDensity().logProb(Tensor.of(THETA)).item();
        assertEquals(one, many, 1e-9 * Math.abs(one));
    }

    @Test
    void theNumberOfTermsIsChecked() {
        assertEquals("terms = 0: must be in [1, 120]",
                assertThrows(IllegalArgumentException.class, () -> new GaussianSplit(0)).getMessage());
        assertEquals("terms = 121: must be in [1, 120]",
                assertThrows(IllegalArgumentException.class, () -> new GaussianSplit(121)).getMessage());
    }
}
