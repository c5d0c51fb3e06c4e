package dev.hamiltorch.engine;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.AutodiffSplitTarget;
import dev.hamiltorch.engine.bnn.Predictions;
import dev.hamiltorch.engine.bnn.Predictor;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.plugin.PluginRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The entry point, in hamiltorch's vocabulary:
 * <pre>{@code
 * LogDensity logProb = x -> Normal.of(Tensor.of(1, 2, 3), Tensor.of(.5, .5, .5)).logProb(x).sum();
 * Samples s = Hamiltorch.sample(logProb).paramsInit(Tensor.zeros(3)).numSamples(400)
 *         .stepSize(0.3).numStepsPerSample(5).seed(123).run();
 * }</pre>
 */
public final class Hamiltorch {

    /**
     * Set once by {@link #plugins()}; not a class initialiser, whose failure would make every later
     * use of this class throw {@link NoClassDefFoundError}.
     */
    private static volatile PluginRegistry defaultPlugins;

    private Hamiltorch() {
    }

    /** Starts configuring a run on a log density written with tensors (hamiltorch's {@code sample}). */
    public static SampleBuilder sample(LogDensity logProb) {
        return new SampleBuilder(Objects.requireNonNull(logProb, "logProb"), null, null);
    }

    /**
     * Starts configuring a run on a log density given as a sum of terms, log π(θ) = Σₘ Lₘ(θ), each
     * written with tensors: hamiltorch's split HMC ({@code sample_split_model}), where the terms are
     * typically the log likelihoods of M shards of the data, with the log prior added to one of them.
     * <pre>{@code
     * Samples s = Hamiltorch.sampleSplit(List.of(priorAndShard0, shard1, shard2)).paramsInit(init)
     *         .integrator(Integrator.SPLITTING).numSamples(1000).stepSize(0.1).numStepsPerSample(10).run();
     * }</pre>
     * Every option of the builder applies. The integrator stays the one chosen, HMC's leapfrog by
     * default; the split integrators ({@link dev.hamiltorch.api.spi.Integrator#SPLITTING},
     * {@code SPLITTING_RAND}, {@code SPLITTING_KMID}) need a log density given this way, and kick the
     * momentum with one term at a time. Other integrators, and RMHMC's metrics, see the sum (its
     * gradient, Hessian and third derivatives are the sums of the terms', added in the order of the list).
     * Each term is recorded and replayed as a single density is (see {@link SampleBuilder#replay}), and a
     * coordinate of {@code paramsInit} counts as read when any term reads it.
     *
     * @param terms the terms Lₘ in a fixed order, at least one
     * @throws IllegalArgumentException if {@code terms} is null or empty, or holds a null term
     */
    public static SampleBuilder sampleSplit(List<? extends LogDensity> terms) {
        AutodiffSplitTarget.checkTerms(terms);
        return new SampleBuilder(null, null, List.copyOf(terms));
    }

    /**
     * Starts configuring a run on a model's parameters given data, hamiltorch's {@code sample_model}:
     * <pre>{@code
     * Samples s = Hamiltorch.sampleModel(net, xTrain, yTrain).likelihood(Likelihood.MULTI_CLASS)
     *         .paramsInit(init).numSamples(3000).stepSize(0.003).numStepsPerSample(1).tauOut(1)
     *         .draws(Path.of("cnn.draws")).run();
     * }</pre>
     * The log density is the {@link dev.hamiltorch.engine.bnn.ModelPosterior}; every option of
     * {@link #sample} applies.
     *
     * @param x inputs, first axis the batch
     * @param y targets, one per row of x (labels for the classification likelihoods)
     */
    public static ModelSampleBuilder sampleModel(Model model, Tensor x, Tensor y) {
        return new ModelSampleBuilder(model, Objects.requireNonNull(x, "x"), Objects.requireNonNull(y, "y"), 0);
    }

    /** Starts configuring a run on a model's parameters with no data: the prior alone. */
    public static ModelSampleBuilder sampleModel(Model model) {
        return new ModelSampleBuilder(model, null, null, 0);
    }

    /**
     * {@link #sampleModel} with the log posterior given as a sum of terms over {@code chunks} fixed,
     * contiguous chunks of the rows (the prior counted once, in the first), for the split integrators
     * ({@link dev.hamiltorch.api.spi.Integrator#SPLITTING}, …): hamiltorch's {@code sample_split_model}.
     * With one chunk the chain is {@link #sampleModel}'s, bit for bit.
     *
     * @throws IllegalArgumentException if {@code chunks} is not positive
     */
    public static ModelSampleBuilder sampleSplitModel(Model model, Tensor x, Tensor y, int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks = " + chunks + ": must be at least 1");
        }
        return new ModelSampleBuilder(model, Objects.requireNonNull(x, "x"), Objects.requireNonNull(y, "y"), chunks);
    }

    /**
     * The model's outputs for the inputs {@code x} under every draw of {@code samples} (from
     * {@link #sampleModel}), S × N × O, and each draw's log posterior on (x, y) with the run's likelihood,
     * τ_out and prior (hamiltorch's {@code predict_model}). Draws are read in order from the run's draws
     * file, memory-mapped, when it wrote one; one draw per available processor at a time (system property
     * {@value Predictor#THREADS_PROPERTY}). A network of the engine's layers with float32 draws is evaluated
     * in float32 on ND4J's native kernels, as PyTorch does ({@link Predictor}).
     *
     * @throws IllegalArgumentException if the samples do not come from {@link #sampleModel}, or the data are bad
     */
    public static Predictions predictModel(Model model, Samples samples, Tensor x, Tensor y) {
        return Predictor.predict(model, samples, x, y, Predictor.defaultThreads());
    }

    /**
     * Starts configuring a run on a target with its own derivatives (hamiltorch's {@code pass_grad}).
     */
    public static SampleBuilder sample(Target target) {
        return new SampleBuilder(null, Objects.requireNonNull(target, "target"), null);
    }

    /**
     * The plugins found on the class and module path (see {@link PluginRegistry#discover()}), discovered
     * on first use and kept. Runs that name no registry of their own
     * ({@link SampleBuilder#plugins(PluginRegistry)}) select plugins here. A broken or conflicting
     * provider makes only its own name fail when selected; should discovery itself fail, nothing is
     * kept and each call tries again, reporting the failure.
     */
    public static PluginRegistry plugins() {
        PluginRegistry registry = defaultPlugins;
        if (registry == null) {
            synchronized (Hamiltorch.class) {
                registry = defaultPlugins;
                if (registry == null) {
                    registry = PluginRegistry.discover();
                    defaultPlugins = registry;
                }
            }
        }
        return registry;
    }
}
