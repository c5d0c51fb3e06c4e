package dev.hamiltorch.engine.bnn;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The posterior of a model's parameters: log p(θ | x, y) = log p(θ) + log p(τ_out) + log p(y | θ, x, τ_out),
 * with the {@link GaussianPrior}, the likelihood (scaled by τ_out as hamiltorch does) and, when τ_out is
 * sampled, its Gamma prior. θ is the model's parameter vector, followed by log τ_out when τ_out is sampled.
 * Without data (x and y null) it is the prior alone. Immutable and stateless: one instance serves every chain.
 *
 * @param model the model f(θ, x)
 * @param likelihood the likelihood of the targets given the model
 * @param tauOut the output precision, fixed or sampled
 * @param prior the prior of the model's parameters
 */
public record ModelPosterior(Model model, Likelihood likelihood, TauOut tauOut, GaussianPrior prior) {

    /** The name of θ's extra block when τ_out is sampled. */
    public static final String LOG_TAU_OUT = "log_tau_out";

    /** @throws IllegalArgumentException if the prior's dimension is not the model's parameter count */
    public ModelPosterior {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(tauOut, "tauOut");
        Objects.requireNonNull(prior, "prior");
        if (prior.dimension() != model.parameterCount()) {
            throw new IllegalArgumentException("prior of dimension " + prior.dimension() + " for a model of "
                    + model.parameterCount() + " parameters");
        }
    }

    /** The length of θ: the model's parameters, plus one when τ_out is sampled. */
    public int dimension() {
        return model.parameterCount() + (tauOut instanceof TauOut.Gamma ? 1 : 0);
    }

    /** θ's blocks: the model's, then {@value #LOG_TAU_OUT} [1] when τ_out is sampled. */
    public List<ParameterBlock> blocks() {
        List<ParameterBlock> blocks = new ArrayList<>(model.parameterBlocks());
        if (tauOut instanceof TauOut.Gamma) {
            blocks.add(new ParameterBlock(LOG_TAU_OUT, new int[] {1}));
        }
        return blocks;
    }

    /** The model's parameters within θ. */
    public Tensor modelParameters(Tensor theta) {
        return tauOut instanceof TauOut.Gamma ? theta.slice(0, 0, model.parameterCount()) : theta;
    }

    /** τ_out at θ, a scalar tensor (differentiable in θ when sampled). */
    public Tensor tauOut(Tensor theta) {
        if (tauOut instanceof TauOut.Fixed fixed) {
            return Tensor.scalar(fixed.value());
        }
        int p = model.parameterCount();
        return theta.slice(0, p, p + 1).reshape().exp();
    }

    /** The model's output at θ for the inputs x. */
    public Tensor output(Tensor theta, Tensor x) {
        return model.forward(modelParameters(theta), x);
    }

    /** log p(θ) + log p(τ_out): the prior of every coordinate of θ. */
    public Tensor logPrior(Tensor theta) {
        Tensor weights = modelParameters(theta);
        Tensor lp = prior.logProb(weights);
        if (tauOut instanceof TauOut.Gamma g) {
            // log τ sampled: Gamma(a, b) on τ times the Jacobian τ gives a·log τ − b·τ (constants dropped)
            int p = model.parameterCount();
            Tensor logTau = theta.slice(0, p, p + 1).reshape();
            lp = lp.add(logTau.mul(g.shape()).sub(logTau.exp().mul(g.rate())));
        }
        return lp;
    }

    /** The log likelihood of the targets y for the inputs x at θ, with the model's output {@code output}. */
    public Tensor logLikelihood(Tensor theta, Tensor x, Tensor y, Tensor output) {
        return likelihood.logLikelihood(new LikelihoodInput(model, modelParameters(theta), x, y, output,
                tauOut(theta)));
    }

    /** The log posterior at θ on the data (x, y); with x and y null, the prior alone. */
    public Tensor logProb(Tensor theta, Tensor x, Tensor y) {
        Tensor lp = logPrior(theta);
        if (x == null) {
            return lp;
        }
        return lp.add(logLikelihood(theta, x, y, output(theta, x)));
    }

    /**
     * Checks data before sampling: as many rows in y as in x, finite values, and targets the likelihood
     * accepts for the model's output at {@code theta} (labels inside the classes, matching shapes).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public void checkData(Tensor x, Tensor y, Tensor theta) {
        checkData(x, y, () -> output(theta, x).shape());
    }

    /**
     * As {@link #checkData(Tensor, Tensor, Tensor)} with the model's output shape for x given (so that a
     * caller who knows it needs no forward pass over all of x).
     */
    void checkData(Tensor x, Tensor y, java.util.function.Supplier<int[]> outputShape) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int xRows = x.rank() == 0 ? 1 : x.shape()[0];
        int yRows = y.rank() == 0 ? 1 : y.shape()[0];
        if (xRows != yRows) {
            throw new IllegalArgumentException("x has " + xRows + " rows (shape " + Arrays.toString(x.shape())
                    + ") but y has " + yRows + " (shape " + Arrays.toString(y.shape()) + "): one target per input");
        }
        checkFinite("x", x);
        checkFinite("y", y);
        likelihood.checkTargets(y, outputShape.get());
    }

    private static void checkFinite(String name, Tensor t) {
        double[] v = t.toArray();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " holds " + v[i] + " at flat index " + i + " (shape "
                        + Arrays.toString(t.shape()) + "): data must be finite");
            }
        }
    }
}
