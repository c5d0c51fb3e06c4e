package dev.hamiltorch.engine;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.AutodiffSplitTarget;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.bnn.GaussianPrior;
import dev.hamiltorch.engine.bnn.ModelPosterior;
import dev.hamiltorch.engine.bnn.TauOut;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.sampling.SamplingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Configures and runs sampling of a model's parameters given data (hamiltorch's {@code sample_model}),
 * created by {@link Hamiltorch#sampleModel} or {@link Hamiltorch#sampleSplitModel}. The log density is
 * the {@link ModelPosterior}: independent Gaussian priors per parameter block ({@link #tauList}) plus the
 * likelihood ({@link #likelihood}, default {@code multi-class} as hamiltorch's {@code model_loss}) scaled
 * by τ_out ({@link #tauOut}, default 1). Every option of {@link Hamiltorch#sample} applies
 * ({@link SamplingOptions}) but random starts: {@code paramsInit} or {@code paramsInitPerChain} is required (e.g. a
 * network's initial parameters; with a sampled τ_out, a shared {@code paramsInit} of the model's length is completed).
 */
public final class ModelSampleBuilder extends SamplingOptions<ModelSampleBuilder> {

    private final Model model;
    private final Tensor x;
    private final Tensor y;
    /** Data chunks of a split log posterior; 0 for one density. */
    private final int chunks;
    private String likelihoodName = Likelihood.MULTI_CLASS;
    private Likelihood likelihood;
    private TauOut tauOut = TauOut.fixed(1);
    private List<double[]> tauList = List.of();

    ModelSampleBuilder(Model model, Tensor x, Tensor y, int chunks) {
        this.model = Objects.requireNonNull(model, "model");
        if ((x == null) != (y == null)) {
            throw new IllegalArgumentException((x == null ? "x" : "y") + " = null: give both x and y, or neither for"
                    + " the prior alone");
        }
        this.x = x;
        this.y = y;
        this.chunks = chunks;
    }

    /** The likelihood by name: {@link Likelihood#MULTI_CLASS} (default), {@code BINARY_CLASS}, {@code REGRESSION}, … */
    public ModelSampleBuilder likelihood(String name) {
        this.likelihoodName = Objects.requireNonNull(name, "likelihood");
        this.likelihood = null;
        return this;
    }

    /** The likelihood itself (a user's, e.g. one that differentiates the model in its inputs), used as is. */
    public ModelSampleBuilder likelihood(Likelihood likelihood) {
        this.likelihood = Objects.requireNonNull(likelihood, "likelihood");
        return this;
    }

    /** A constant output precision τ_out; default 1. */
    public ModelSampleBuilder tauOut(double tauOut) {
        this.tauOut = TauOut.fixed(tauOut);
        return this;
    }

    /**
     * τ_out fixed or sampled ({@link TauOut#gamma}); a sampled τ_out is θ's last coordinate, log τ_out, and
     * a {@code paramsInit} of the model's length is completed with the log of its initial value.
     */
    public ModelSampleBuilder tauOut(TauOut tauOut) {
        this.tauOut = Objects.requireNonNull(tauOut, "tauOut");
        return this;
    }

    /** One prior precision per parameter block, shared by the block's elements; default 1 each. */
    public ModelSampleBuilder tauList(double... perBlock) {
        List<double[]> list = new ArrayList<>();
        for (double t : Objects.requireNonNull(perBlock, "tauList")) {
            list.add(new double[] {t});
        }
        this.tauList = list;
        return this;
    }

    /** Prior precisions per block, each one value or one value per element of the block. */
    public ModelSampleBuilder tauList(List<double[]> perBlock) {
        this.tauList = List.copyOf(Objects.requireNonNull(perBlock, "tauList"));
        return this;
    }

    /**
     * Checks every argument (the data, the likelihood's name, τ_out, tauList, paramsInit), then samples.
     *
     * @return the samples, carrying their {@link ModelPosterior} for {@link Hamiltorch#predictModel}
     * @throws IllegalArgumentException naming the first bad argument and its value
     * @throws SamplingException if the model or likelihood throws, or the draws file fails mid-run
     */
    public Samples run() {
        Likelihood l = likelihood != null ? likelihood : registry().likelihood(likelihoodName);
        ModelPosterior posterior = new ModelPosterior(model, l, tauOut, GaussianPrior.of(model.parameterBlocks(), tauList));
        double[] init = paramsInit();
        if (init == null && initialDimension() > 0) {
            throw new IllegalArgumentException("randomInit: sampleModel starts at given parameters (a network's"
                    + " initial ones); use paramsInit or paramsInitPerChain");
        }
        if (init == null) {
            throw new IllegalArgumentException("paramsInit = null: the initial parameters are required (e.g. the"
                    + " network's initial parameters)");
        }
        int d = posterior.dimension();
        if (tauOut instanceof TauOut.Gamma g && init.length == model.parameterCount()) {
            init = Arrays.copyOf(init, d);
            init[d - 1] = Math.log(g.initial());
            paramsInit(init, true);
        }
        if (init.length != d) {
            throw new IllegalArgumentException("paramsInit has length " + init.length + ": the model has "
                    + model.parameterCount() + " parameters" + (d > model.parameterCount() ? " (plus log τ_out)" : ""));
        }
        if (x != null) {
            posterior.checkData(x, y, Tensor.of(init));
        }
        Target target = chunks == 0
                ? new AutodiffTarget(theta -> posterior.logProb(theta, x, y), d, replay())
                : new AutodiffSplitTarget(terms(posterior), d, replay());
        return sample(target, posterior.blocks()).withModelPosterior(posterior);
    }

    /** One term per chunk of rows, the prior counted once, in the first. */
    private List<LogDensity> terms(ModelPosterior posterior) {
        int n = x.shape()[0];
        if (chunks > n) {
            throw new IllegalArgumentException("chunks = " + chunks + ": more than the " + n + " rows of data");
        }
        List<LogDensity> terms = new ArrayList<>(chunks);
        for (int m = 0; m < chunks; m++) {
            int from = (int) ((long) n * m / chunks);
            int to = (int) ((long) n * (m + 1) / chunks);
            Tensor xm = chunks == 1 ? x : x.slice(0, from, to);
            Tensor ym = chunks == 1 ? y : y.slice(0, from, to);
            terms.add(m == 0 ? theta -> posterior.logProb(theta, xm, ym)
                    : theta -> posterior.logLikelihood(theta, xm, ym, posterior.output(theta, xm)));
        }
        return terms;
    }
}
