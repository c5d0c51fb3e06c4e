package dev.hamiltorch.likelihoods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Autograd;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.bnn.GaussianPrior;
import dev.hamiltorch.engine.bnn.ModelPosterior;
import dev.hamiltorch.engine.bnn.TauOut;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The log posterior of a network: its value against the formula, its gradient against central
 * differences, and a user likelihood that differentiates the model in its inputs (a physics-informed network).
 */
class ModelPosteriorTest {

    @Test
    void theWholeLogPosteriorsGradientMatchesCentralDifferences() {
        TinyMlp net = new TinyMlp(2, 3, 3);
        Random r = new Random(2);
        double[] x = new double[16];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        Tensor xs = Tensor.of(x, 8, 2);
        Tensor ys = Tensor.of(0, 1, 2, 2, 1, 0, 1, 2);
        // per-element precisions on the first block, one per block elsewhere; τ_out sampled
        List<double[]> tauList = new ArrayList<>();
        tauList.add(new double[] {0.5, 1, 2, 3, 4, 5});
        tauList.add(new double[] {2});
        tauList.add(new double[] {0.7});
        tauList.add(new double[] {1.5});
        ModelPosterior posterior = new ModelPosterior(net, new MultiClass(), TauOut.gamma(2, 1, 1),
                GaussianPrior.of(net.parameterBlocks(), tauList));
        double[] at = java.util.Arrays.copyOf(net.initial(3), posterior.dimension());
        at[at.length - 1] = 0.3;
        CentralDifferences.assertGradient(t -> posterior.logProb(t, xs, ys), at, new int[] {at.length}, 1e-6,
                "∂ log posterior / ∂θ");

        // and its value: prior + Gamma(2, 1) on log τ + τ · categorical
        double[] w = java.util.Arrays.copyOf(at, net.parameterCount());
        double prior = 0;
        int k = 0;
        for (int b = 0; b < tauList.size(); b++) {
            for (int i = 0; i < net.parameterBlocks().get(b).size(); i++, k++) {
                double tau = tauList.get(b).length == 1 ? tauList.get(b)[0] : tauList.get(b)[i];
                prior += -0.5 * tau * w[k] * w[k] + 0.5 * Math.log(tau) - 0.5 * Math.log(2 * Math.PI);
            }
        }
        double logTau = 0.3;
        double tauPrior = 2 * logTau - Math.exp(logTau);
        double[] logits = net.forward(Tensor.of(w), xs).toArray();
        double ll = 0;
        for (int n = 0; n < 8; n++) {
            double max = Math.max(logits[3 * n], Math.max(logits[3 * n + 1], logits[3 * n + 2]));
            double lse = max + Math.log(Math.exp(logits[3 * n] - max) + Math.exp(logits[3 * n + 1] - max)
                    + Math.exp(logits[3 * n + 2] - max));
            ll += logits[3 * n + (int) ys.get(n)] - lse;
        }
        assertEquals(prior + tauPrior + Math.exp(logTau) * ll, posterior.logProb(Tensor.of(at), xs, ys).item(), 1e-12);
    }

    /** f(θ, x) = a x² + b x: the data are observations of ∂f/∂x = 2a x + b. */
    private static final Model QUADRATIC = new Model() {
        @Override
        public List<ParameterBlock> parameterBlocks() {
            return List.of(new ParameterBlock("a", new int[] {1}), new ParameterBlock("b", new int[] {1}));
        }

        @Override
        public Tensor forward(Tensor theta, Tensor x) {
            return x.square().mul(theta.slice(0, 0, 1)).add(x.mul(theta.slice(0, 1, 2)));
        }
    };

    /** A physics-informed likelihood: Gaussian on ∂output/∂x, taken with Autograd inside the log density. */
    private static final Likelihood DERIVATIVE = new Likelihood() {
        @Override
        public String name() {
            return "derivative";
        }

        @Override
        public Tensor logLikelihood(LikelihoodInput in) {
            Tensor x = Autograd.variable(in.inputs().toArray(), in.inputs().shape());
            Tensor f = in.model().forward(in.theta(), x);
            Tensor slope = Autograd.grad(f.sum(), x, true); // rows are independent: ∂Σf/∂xₙ = f′(xₙ)
            return in.targets().sub(slope).square().sum().mul(in.tauOut()).mul(-0.5);
        }
    };

    @Test
    void aLikelihoodOnTheModelsDerivativeInItsInputsSamplesTheRightPosterior() {
        int n = 20;
        Random r = new Random(8);
        double[] x = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2 * r.nextDouble();
            d[i] = 2 * 1.5 * x[i] + 0.5 + 0.05 * r.nextGaussian();
        }
        Tensor xs = Tensor.of(x, n, 1);
        Tensor ds = Tensor.of(d, n, 1);
        ModelPosterior posterior = new ModelPosterior(QUADRATIC, DERIVATIVE, TauOut.fixed(400),
                GaussianPrior.of(QUADRATIC.parameterBlocks(), List.of()));
        CentralDifferences.assertGradient(t -> posterior.logProb(t, xs, ds), new double[] {0.7, -0.2}, new int[] {2},
                1e-6, "∂ log posterior / ∂θ");

        // linear in θ with features (2x, 1): the posterior is Gaussian, mean (I + τ XᵀX)⁻¹ τ Xᵀd
        double tau = 400;
        double s11 = 1;
        double s12 = 0;
        double s22 = 1;
        double r1 = 0;
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            s11 += tau * 4 * x[i] * x[i];
            s12 += tau * 2 * x[i];
            s22 += tau;
            r1 += tau * 2 * x[i] * d[i];
            r2 += tau * d[i];
        }
        double det = s11 * s22 - s12 * s12;
        double meanA = (s22 * r1 - s12 * r2) / det;
        double meanB = (s11 * r2 - s12 * r1) / det;
        double sdA = Math.sqrt(s22 / det);
        Samples s = Hamiltorch.sampleModel(QUADRATIC, xs, ds).likelihood(DERIVATIVE).tauOut(400)
                .paramsInit(0, 0).numSamples(600).burn(100).stepSize(0.005).numStepsPerSample(10).seed(2)
                .verbose(false).run();
        double a = java.util.Arrays.stream(s.parameter(0)).average().orElseThrow();
        double b = java.util.Arrays.stream(s.parameter(1)).average().orElseThrow();
        double mcseA = s.diagnostics(0).mcseMean();
        double mcseB = s.diagnostics(1).mcseMean();
        assertEquals(meanA, a, 4 * mcseA, "E[a] (posterior sd " + sdA + ")");
        assertEquals(meanB, b, 4 * mcseB, "E[b]");
    }
}
