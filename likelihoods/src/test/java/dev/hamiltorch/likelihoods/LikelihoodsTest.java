package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each likelihood against values computed by hand (the formulas in the comments, evaluated in double
 * precision), its gradient in the output against central differences, and the checks of its targets.
 */
class LikelihoodsTest {

    /** Output = x: the likelihoods are then functions of x alone, which the tests differentiate. */
    private static final Model IDENTITY = new Model() {
        @Override
        public List<ParameterBlock> parameterBlocks() {
            return List.of(new ParameterBlock("unused", new int[] {1}));
        }

        @Override
        public Tensor forward(Tensor theta, Tensor x) {
            return x;
        }
    };

    private static double value(Likelihood l, Tensor output, Tensor targets, double tau) {
        return l.logLikelihood(input(output, targets, Tensor.scalar(tau))).item();
    }

    private static LikelihoodInput input(Tensor output, Tensor targets, Tensor tau) {
        return new LikelihoodInput(IDENTITY, Tensor.zeros(1), output, targets, output, tau);
    }

    @Test
    void multiClassIsTheSummedCategoricalOfTheLogitsScaledByTauOut() {
        // τ · [(3 − log(e¹ + e² + e³)) + (0 − log 3)], labels 2 and 0
        Tensor logits = Tensor.of(new double[][] {{1, 2, 3}, {0, 0, 0}});
        assertEquals(-3.01243650622498, value(new MultiClass(), logits, Tensor.of(2, 0), 2.0), 1e-14);
    }

    @Test
    void multiClassLogSoftmaxSumsTheLogProbabilitiesOfTheLabels() {
        // τ · (log 0.7 + log 0.5): a sum over the batch, where hamiltorch takes the mean
        Tensor logProb = Tensor.of(new double[][] {{Math.log(0.7), Math.log(0.3)}, {Math.log(0.5), Math.log(0.5)}});
        assertEquals(-1.5747331867480168, value(new MultiClassLogSoftmax(), logProb, Tensor.of(0, 1), 1.5), 1e-14);
    }

    @Test
    void binaryClassIsTheSummedBernoulliOfTheLogits() {
        // τ · Σ (y z − log(1 + eᶻ)) with z = (2, −1, 0), y = (1, 0, 1), τ = 0.5; output [N, 1] as a Linear(…, 1) gives
        Tensor logits = Tensor.of(new double[] {2, -1, 0}, 3, 1);
        assertEquals(-0.5666684395605704, value(new BinaryClass(), logits, Tensor.of(1, 0, 1), 0.5), 1e-14);
    }

    @Test
    void regressionIsTheGaussianWithPrecisionTauOutOverEveryOutput() {
        // −½ τ Σ (y − f)² + (K/2) log τ − (K/2) log 2π, K = 4 values, τ = 4, Σ (y − f)² = 2.25
        Tensor f = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor y = Tensor.of(new double[][] {{1.5, 2}, {2, 5}});
        assertEquals(-5.403165410578909, value(new Regression(), f, y, 4.0), 1e-13);
    }

    @Test
    void regressionDifferentiatesInASampledTauOut() {
        Tensor f = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor y = Tensor.of(new double[][] {{1.5, 2}, {2, 5}});
        Tensor tau = Autograd.variable(new double[] {4.0});
        Tensor ll = new Regression().logLikelihood(input(f, y, tau.reshape()));
        // ∂/∂τ = −½ Σ (y − f)² + K/(2τ) = −1.125 + 0.5
        assertEquals(-0.625, Autograd.grad(ll, tau, false).item(), 1e-14);
    }

    @Test
    void gradientsInTheOutputMatchCentralDifferences() {
        double[][] logits = {{0.3, -1.2, 2.0}, {1.1, 0.4, -0.7}};
        Tensor labels = Tensor.of(1, 2);
        checkGradient(new MultiClass(), logits, labels);
        checkGradient(new MultiClassLogSoftmax(), logits, labels);
        checkGradient(new Regression(), logits, Tensor.of(new double[][] {{0.1, 0.2, 0.3}, {-1, 0, 1}}));
        checkGradient(new BinaryClass(), new double[][] {{0.3}, {-2.5}}, Tensor.of(1, 0));
    }

    private static void checkGradient(Likelihood l, double[][] output, Tensor targets) {
        int rows = output.length;
        int cols = output[0].length;
        double[] flat = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(output[r], 0, flat, r * cols, cols);
        }
        CentralDifferences.assertGradient(z -> l.logLikelihood(input(z, targets, Tensor.scalar(1.7))), flat,
                new int[] {rows, cols}, 1e-8, l.name() + " ∂/∂output");
    }

    @Test
    void labelsOutsideTheClassesAreRefusedNamingTheRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiClass().checkTargets(Tensor.of(0, 3, 1), new int[] {3, 3}));
        assertEquals("targets[1] = 3.0: multi-class needs a label in 0..2 (the model has 3 outputs)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultiClassLogSoftmax().checkTargets(Tensor.of(0, 1.5), new int[] {2, 4}));
        assertTrue(e.getMessage().startsWith("targets[1] = 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BinaryClass().checkTargets(Tensor.of(0, -1), new int[] {2, 1}));
        assertTrue(e.getMessage().startsWith("targets[1] = -1.0: binary-class"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MultiClass().checkTargets(Tensor.of(0, 1), new int[] {3, 3}));
        assertTrue(e.getMessage().contains("one label per row"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Regression().checkTargets(Tensor.zeros(3, 2), new int[] {3, 1}));
        assertTrue(e.getMessage().startsWith("targets of shape [3, 2]: regression"), e.getMessage());
        new MultiClass().checkTargets(Tensor.of(0, 2, 1), new int[] {3, 3});
        new Regression().checkTargets(Tensor.zeros(3), new int[] {3, 1});
    }

    @Test
    void serviceLoaderFindsEveryLikelihoodByItsName() {
        Map<String, String> found = new TreeMap<>();
        for (Likelihood l : ServiceLoader.load(Likelihood.class)) {
            found.put(l.name(), l.getClass().getSimpleName());
        }
        assertEquals("BinaryClass", found.get(Likelihood.BINARY_CLASS));
        assertEquals("MultiClass", found.get(Likelihood.MULTI_CLASS));
        assertEquals("MultiClassLogSoftmax", found.get(Likelihood.MULTI_CLASS_LOG_SOFTMAX));
        assertEquals("Regression", found.get(Likelihood.REGRESSION));
    }
}
