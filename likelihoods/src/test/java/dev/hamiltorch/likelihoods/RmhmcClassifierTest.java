package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * hamiltorch's notebook samples a 15-parameter Linear(4, 3) classifier with implicit RMHMC and the Hessian
 * metric; sampleModel does the same (the model's third derivatives come from the engine's autodiff), and
 * its posterior means agree with a long HMC run's.
 */
class RmhmcClassifierTest {

    /** Linear(4, 3): logits x Wᵀ + b, θ = (W [3, 4], b [3]). */
    private static final Model LINEAR = new Model() {
        @Override
        public List<ParameterBlock> parameterBlocks() {
            return List.of(new ParameterBlock("weight", new int[] {3, 4}), new ParameterBlock("bias", new int[] {3}));
        }

        @Override
        public Tensor forward(Tensor theta, Tensor x) {
            return x.matmul(theta.slice(0, 0, 12).reshape(3, 4).transpose()).add(theta.slice(0, 12, 15));
        }
    };

    @Test
    void rmhmcWithTheHessianMetricAgreesWithHmcOnTheFifteenParameterClassifier() {
        Random r = new Random(4);
        int n = 30;
        double[] x = new double[4 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            y[i] = c;
            for (int j = 0; j < 4; j++) {
                x[4 * i + j] = (j == c ? 1.0 : 0.0) + 0.8 * r.nextGaussian();
            }
        }
        Tensor xs = Tensor.of(x, n, 4);
        Tensor ys = Tensor.of(y);
        Samples rmhmc = Hamiltorch.sampleModel(LINEAR, xs, ys).likelihood(Likelihood.MULTI_CLASS)
                .paramsInit(new double[15]).sampler(Sampler.RMHMC).metric(Metric.HESSIAN)
                .integrator(Integrator.IMPLICIT).numSamples(100).burn(20).stepSize(0.5).numStepsPerSample(4)
                .seed(1).verbose(false).run();
        Samples hmc = Hamiltorch.sampleModel(LINEAR, xs, ys).likelihood(Likelihood.MULTI_CLASS)
                .paramsInit(new double[15]).numSamples(1500).burn(100).stepSize(0.1).numStepsPerSample(10)
                .seed(1).verbose(false).run();
        assertTrue(rmhmc.acceptanceRate() > 0.5, "RMHMC acceptance " + rmhmc.acceptanceRate());
        int outside = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            double a = rmhmc.summary(i).mean();
            double b = hmc.summary(i).mean();
            double se = Math.hypot(rmhmc.diagnostics(i).mcseMean(), hmc.diagnostics(i).mcseMean());
            report.append(String.format("%d: %.3f vs %.3f (se %.3f)%n", i, a, b, se));
            outside += Math.abs(a - b) > 3 * se ? 1 : 0;
        }
        // 15 comparisons at 3 standard errors: one may fall outside by chance (0.4 % each), two would not
        assertTrue(outside <= 1, report.toString());
        assertEquals(15, rmhmc.dimension());
    }
}
