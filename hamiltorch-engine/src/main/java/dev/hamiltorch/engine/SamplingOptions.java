package dev.hamiltorch.engine;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.adaptation.MetricAdaptation;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.adaptation.Adaptation;
import dev.hamiltorch.engine.autodiff.AutodiffSplitTarget;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;
import dev.hamiltorch.engine.plugin.PluginRegistry;
import dev.hamiltorch.engine.progress.ProgressTable;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.engine.sampling.ChainRunner;
import dev.hamiltorch.engine.sampling.DrawStorage;
import dev.hamiltorch.engine.sampling.DrawsFile;
import dev.hamiltorch.engine.sampling.InitialValues;
import dev.hamiltorch.engine.sampling.TransitionListener;
import dev.hamiltorch.engine.sampling.RunOptions;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.sampling.SamplingException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of a sampling run, shared by every builder of the facade ({@link SampleBuilder} for
 * {@link Hamiltorch#sample}, {@link ModelSampleBuilder} for {@link Hamiltorch#sampleModel}). Defaults are
 * hamiltorch's: {@code numSamples} 10, {@code numStepsPerSample} 10, {@code stepSize} 0.1, {@code burn} 0,
 * identity {@code invMass}, sampler HMC. Setters return the builder; its {@code run()} checks every argument
 * before sampling and throws {@link IllegalArgumentException} naming the first bad one and its value.
 *
 * <p>The options fall in three kinds, kept apart: the run's settings ({@code numSamples}, {@code burn},
 * {@code seed}, {@code chains}, {@code threads}, {@code keepEvery}, …: {@link RunOptions}); the tuning the
 * first transition starts from ({@code stepSize}, {@code numStepsPerSample}, {@code invMass}:
 * {@link StepParameters}, which warm-up may adapt); and the plugins' own options, which each plugin
 * declares, with its defaults and rules ({@link Named#options()}). hamiltorch's names for the latter
 * ({@link #softabsConst}, {@link #jitter}, {@link #explicitBindingConst}, …) set the option of that name,
 * like {@link #option(String, String)}; {@code run()} refuses an option that no selected plugin declares
 * (a misspelling, or an option of a plugin the run does not use, such as {@code softabsConst} with the
 * Euclidean metric), naming the plugins and their options.
 *
 * @param <B> the builder's own type, which every setter returns
 */
public abstract class SamplingOptions<B extends SamplingOptions<B>> {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingOptions.class);

    /** Option names of hamiltorch's settings that belong to plugins, declared by the plugins that read them. */
    static final String JITTER = "jitter";
    static final String JITTER_MAX_TRIES = "jitterMaxTries";
    static final String SOFTABS_CONST = "softabsConst";
    static final String EXPLICIT_BINDING_CONST = "explicitBindingConst";
    static final String FIXED_POINT_THRESHOLD = "fixedPointThreshold";
    static final String FIXED_POINT_MAX_ITERATIONS = "fixedPointMaxIterations";
    static final String REVERSIBILITY_TOLERANCE = "reversibilityTolerance";
    static final String MAX_TREE_DEPTH = "maxTreeDepth";

    private int numSamples = RunOptions.DEFAULT_NUM_SAMPLES;
    private int burn;
    private double stepSize = StepParameters.DEFAULTS.stepSize();
    private int numStepsPerSample = StepParameters.DEFAULTS.numSteps();
    private InverseMass inverseMass = InverseMass.identity();
    /** Plugin options by name: typed values from hamiltorch's setters, strings from {@link #option}. */
    private final Map<String, Object> pluginOptions = new LinkedHashMap<>();
    /** Presets: applied where a selected plugin declares them ({@link #optionDefault}). */
    private final Map<String, String> pluginOptionDefaults = new LinkedHashMap<>();
    /** The shared start, or the first chain's when one per chain is given; null for random starts. */
    private double[] paramsInit;
    /** Starts per chain or random ones; null when {@link #paramsInit} is shared by every chain. */
    private InitialValues initialValues;
    private int randomInitDimension;
    private String sampler = Sampler.HMC;
    private String integrator;
    private String metric;
    private long seed;
    private int chains = 1;
    private int threads;
    private boolean verbose = true;
    private PrintStream progressOut;
    private boolean replay = true;
    private TransitionListener listener = TransitionListener.NONE;
    private List<String> parameterNames = List.of();
    private PluginRegistry plugins;
    private Sampler samplerInstance;
    private Integrator integratorInstance;
    private Metric metricInstance;
    private Path drawsFile;
    private DrawsFile.Precision drawsPrecision = DrawsFile.Precision.FLOAT64;
    private Integer keepEvery;
    private Adaptation adaptation = Adaptation.SAMPLER_DEFAULT;

    SamplingOptions() {
    }

    /** This builder, as its own type. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Where every chain starts (hamiltorch's {@code params_init}). One of {@code paramsInit},
     * {@link #paramsInitPerChain} and {@link #randomInit} is required for a log density; the last one
     * given applies. A run on a {@link Target} ({@link Hamiltorch#sample(Target)}) without any of them
     * starts as {@link #randomInit(int)} does, with the target's dimension.
     */
    public B paramsInit(Tensor params) {
        return paramsInit(Objects.requireNonNull(params, "paramsInit").toArray());
    }

    /** Where every chain starts; see {@link #paramsInit(Tensor)}. */
    public B paramsInit(double... params) {
        this.paramsInit = Objects.requireNonNull(params, "paramsInit").clone();
        this.initialValues = null;
        return self();
    }

    /**
     * Where each chain starts: chain c at {@code positions.get(c)}, one position per chain; see
     * {@link #paramsInit(Tensor)}.
     */
    public B paramsInitPerChain(List<double[]> positions) {
        Objects.requireNonNull(positions, "paramsInitPerChain");
        this.initialValues = InitialValues.perChain(positions);
        this.paramsInit = positions.get(0).clone();
        return self();
    }

    /**
     * Starts each chain, as Stan does by default, at a point drawn uniformly from (−2, 2)ᵈ from the
     * chain's own random stream, drawing again (at most 100 times) until the log density and its gradient
     * are finite there; see {@link #paramsInit(Tensor)}.
     */
    public B randomInit(int dimension) {
        return randomInit(dimension, InitialValues.DEFAULT_RADIUS, InitialValues.DEFAULT_ATTEMPTS);
    }

    /**
     * Starts each chain at a point drawn uniformly from (−radius, radius)ᵈ from its own random stream,
     * at most {@code attempts} times; see {@link #randomInit(int)}.
     *
     * @throws IllegalArgumentException naming the bad argument
     */
    public B randomInit(int dimension, double radius, int attempts) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension = " + dimension + ": must be at least 1");
        }
        this.initialValues = InitialValues.uniform(radius, attempts);
        this.paramsInit = null;
        this.randomInitDimension = dimension;
        return self();
    }

    /** Iterations per chain, burn-in included; default 10. */
    public B numSamples(int numSamples) {
        this.numSamples = numSamples;
        return self();
    }

    /**
     * Leading iterations to discard; default 0. They are the warm-up: a sampler that adapts (NUTS,
     * {@link Sampler#HMC_ADAPT_STEP}, or any sampler given {@link #adaptMetric} or
     * {@link #adaptStepSize}) tunes its step size and mass matrix during them (see docs/adaptation.md).
     */
    public B burn(int burn) {
        this.burn = burn;
        return self();
    }

    /**
     * Integrator step size ε; default 0.1. When warm-up adapts the step size this is only where its
     * heuristic starts, so it need not be given.
     */
    public B stepSize(double stepSize) {
        this.stepSize = stepSize;
        return self();
    }

    /** Integration steps per trajectory L; default 10. */
    public B numStepsPerSample(int steps) {
        this.numStepsPerSample = steps;
        return self();
    }

    /** A diagonal inverse mass matrix (hamiltorch's 1-D {@code inv_mass}). */
    public B invMass(double... diagonal) {
        this.inverseMass = InverseMass.diagonal(Objects.requireNonNull(diagonal, "invMass"));
        return self();
    }

    /** A dense inverse mass matrix (hamiltorch's 2-D {@code inv_mass}). */
    public B invMass(double[][] matrix) {
        this.inverseMass = InverseMass.dense(Objects.requireNonNull(matrix, "invMass"));
        return self();
    }

    /** Any inverse mass matrix, including block-diagonal ones. */
    public B invMass(InverseMass inverseMass) {
        this.inverseMass = Objects.requireNonNull(inverseMass, "inverseMass");
        return self();
    }

    /** The sampler by name, e.g. {@link Sampler#HMC}; default HMC. */
    public B sampler(String name) {
        this.sampler = Objects.requireNonNull(name, "sampler");
        return self();
    }

    /** The integrator by name, e.g. {@link Integrator#LEAPFROG}; default: the sampler's choice. */
    public B integrator(String name) {
        this.integrator = Objects.requireNonNull(name, "integrator");
        return self();
    }

    /** The metric by name, e.g. {@link Metric#SOFTABS}; default: the sampler's choice. */
    public B metric(String name) {
        this.metric = Objects.requireNonNull(name, "metric");
        return self();
    }

    /**
     * The registry that names given to {@link #sampler(String)}, {@link #integrator(String)} and
     * {@link #metric(String)} (and the sampler's default metric and integrator) are looked up in;
     * default {@link Hamiltorch#plugins()}. For example {@code PluginRegistry.discover(loader)} over
     * plugin jars, {@code PluginRegistry.discover(layer)} for a {@link ModuleLayer}, or
     * {@code PluginRegistry.of(...)} over instances. Roles given as instances do not use it.
     */
    public B plugins(PluginRegistry registry) {
        this.plugins = Objects.requireNonNull(registry, "plugins");
        return self();
    }

    /**
     * The sampler itself, used as is: it wins over {@link #sampler(String)}, whichever was called
     * last, and is not looked up in the registry. Its default metric and integrator are, unless given too.
     */
    public B sampler(Sampler sampler) {
        this.samplerInstance = Objects.requireNonNull(sampler, "sampler");
        return self();
    }

    /**
     * The integrator itself, used as is: it wins over {@link #integrator(String)}, whichever was
     * called last, and over the sampler's default integrator, and is not looked up in the registry.
     */
    public B integrator(Integrator integrator) {
        this.integratorInstance = Objects.requireNonNull(integrator, "integrator");
        return self();
    }

    /**
     * The metric itself, used as is: it wins over {@link #metric(String)}, whichever was called last,
     * and over the sampler's default metric, and is not looked up in the registry.
     */
    public B metric(Metric metric) {
        this.metricInstance = Objects.requireNonNull(metric, "metric");
        return self();
    }

    /**
     * Option {@code jitter} of the Riemannian metrics: the scale of the diagonal jitter drawn per
     * trajectory; default 0.
     */
    public B jitter(double jitter) {
        pluginOptions.put(JITTER, jitter);
        return self();
    }

    /** Option {@code jitterMaxTries} of the Riemannian metrics: attempts to make G positive-definite; default 10. */
    public B jitterMaxTries(int tries) {
        pluginOptions.put(JITTER_MAX_TRIES, tries);
        return self();
    }

    /** Option {@code softabsConst} of the SoftAbs metric: its α; default 1e6. */
    public B softabsConst(double alpha) {
        pluginOptions.put(SOFTABS_CONST, alpha);
        return self();
    }

    /** Option {@code explicitBindingConst} of the explicit integrator: its binding ω; default 100. */
    public B explicitBindingConst(double omega) {
        pluginOptions.put(EXPLICIT_BINDING_CONST, omega);
        return self();
    }

    /** Option {@code fixedPointThreshold} of the implicit integrator: its fixed points' tolerance; default 1e-5. */
    public B fixedPointThreshold(double threshold) {
        pluginOptions.put(FIXED_POINT_THRESHOLD, threshold);
        return self();
    }

    /** Option {@code fixedPointMaxIterations} of the implicit integrator: its fixed points' cap; default 1000. */
    public B fixedPointMaxIterations(int iterations) {
        pluginOptions.put(FIXED_POINT_MAX_ITERATIONS, iterations);
        return self();
    }

    /** Option {@code maxTreeDepth} of NUTS: the largest tree depth of a transition; default 10. */
    public B maxTreeDepth(int depth) {
        pluginOptions.put(MAX_TREE_DEPTH, depth);
        return self();
    }

    /**
     * Option {@code reversibilityTolerance} of the implicit integrator: how far integrating back from a
     * proposal may miss the start before it rejects the proposal (its reversibility check, which keeps
     * RMHMC's detailed balance when fixed points fail to converge on one way only); default
     * min(1, 1000 √fixedPointThreshold); {@link Double#POSITIVE_INFINITY} turns the check off.
     */
    public B reversibilityTolerance(double tolerance) {
        pluginOptions.put(REVERSIBILITY_TOLERANCE, tolerance);
        return self();
    }

    /**
     * How warm-up (the {@link #burn} iterations) adapts the inverse mass: {@code diag}, {@code dense},
     * {@code fisher-diag} or {@code none}; default the sampler's ({@code diag} for NUTS, {@code none}
     * for HMC). Adapting the mass adapts the step size too unless {@link #adaptStepSize(boolean)} says no.
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public B adaptMetric(String adaptation) {
        return adaptMetric(MetricAdaptation.of(adaptation));
    }

    /** How warm-up adapts the inverse mass; see {@link #adaptMetric(String)}. */
    public B adaptMetric(MetricAdaptation adaptation) {
        this.adaptation = this.adaptation.withMetric(Objects.requireNonNull(adaptation, "adaptMetric"));
        return self();
    }

    /**
     * Whether warm-up adapts the step size by dual averaging; default the sampler's (NUTS and
     * {@link Sampler#HMC_ADAPT_STEP} do, HMC does not unless the mass is adapted).
     */
    public B adaptStepSize(boolean adapt) {
        this.adaptation = this.adaptation.withStepSize(adapt);
        return self();
    }

    /**
     * The acceptance statistic warm-up's dual averaging aims at (hamiltorch's {@code desired_accept_rate},
     * Stan's δ); default 0.8.
     *
     * @throws IllegalArgumentException naming {@code desiredAcceptRate} if it is not in (0, 1)
     */
    public B desiredAcceptRate(double rate) {
        this.adaptation = this.adaptation.withTargetAcceptance(rate);
        return self();
    }

    /**
     * An option a selected plugin declares ({@link dev.hamiltorch.api.spi.Named#options()}), as text (a
     * third-party plugin's, or one the runner passes through); {@code run()} refuses an option no selected
     * plugin declares, naming the plugins and their options, and a value that does not parse or breaks
     * its rule, naming the option and the value. The last value given for a name applies.
     */
    public B option(String key, String value) {
        pluginOptions.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * A preset for an option, as text: applied, and checked, where a selected plugin declares it, and left
     * out where none does; {@link #option(String, String)} and hamiltorch's typed setters win over it. For
     * settings that go with a workload rather than with the user's choice of plugins (the runner's
     * {@code quartic} presets the implicit integrator's {@code fixedPointThreshold}, which a run with
     * {@code --integrator explicit} does not use).
     */
    public B optionDefault(String key, String value) {
        pluginOptionDefaults.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /** Seed of the run: one seed gives bit-identical chains; default 0. */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Number of independent chains, run in parallel; default 1. */
    public B chains(int chains) {
        this.chains = chains;
        return self();
    }

    /** Threads for the chains: 0 for min(chains, processors), 1 for one after another; default 0. */
    public B threads(int threads) {
        this.threads = threads;
        return self();
    }

    /** Whether to show hamiltorch's progress table; default true. */
    public B verbose(boolean verbose) {
        this.verbose = verbose;
        return self();
    }

    /**
     * Whether the log density's recorded graph is replayed at each new θ instead of running its code
     * again; default true. Replay gives the same values in a half to a third of the time on small models, and
     * falls back to running the code by itself when the code reads values that depend on θ (see
     * {@link AutodiffTarget}); each term of a split density ({@link Hamiltorch#sampleSplit}) decides on its
     * own. Turn it off for a density whose code has effects or reads state that changes during the run,
     * which replay would run or read only once.
     */
    public B replay(boolean replay) {
        this.replay = replay;
        return self();
    }

    /**
     * A listener told of the run and of every transition of every chain as it happens (e.g. to stream
     * draws to a file); called from the chains' threads. Default none.
     */
    public B listener(TransitionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * Names for the parameters, one per coordinate of θ, used by summaries and outputs; default
     * {@code theta[0]}, {@code theta[1]}, …
     */
    public B parameterNames(String... names) {
        for (String name : Objects.requireNonNull(names, "parameterNames")) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("parameterNames = " + Arrays.toString(names)
                        + ": every name must be non-blank");
            }
        }
        if (java.util.Set.of(names).size() != names.length) {
            throw new IllegalArgumentException("parameterNames = " + Arrays.toString(names) + ": names must differ");
        }
        this.parameterNames = List.of(names);
        return self();
    }

    /** Where the progress table goes; default standard output. */
    public B progressTo(PrintStream out) {
        this.progressOut = Objects.requireNonNull(out, "out");
        return self();
    }

    /**
     * Where the kept draws go besides memory: streamed, as they are made, to {@code file} (a
     * {@link DrawsFile}, float64) and read back memory-mapped by {@code Hamiltorch.predictModel}; the draws
     * then stay off the heap unless {@link #keepEvery(int)} keeps some. The file is created before the
     * first draw: one that cannot be written fails the run before sampling, naming it; a write that fails
     * mid-run (a full disk) stops the run at that draw, and the draws written before it stay readable.
     */
    public B draws(Path file) {
        return draws(file, DrawsFile.Precision.FLOAT64);
    }

    /** {@link #draws(Path)} with the file's precision: float32 halves its size, float64 keeps draws bit for bit. */
    public B draws(Path file, DrawsFile.Precision precision) {
        this.drawsFile = Objects.requireNonNull(file, "draws");
        this.drawsPrecision = Objects.requireNonNull(precision, "precision");
        return self();
    }

    /**
     * Keep every k-th kept draw in memory ({@link Samples#draws()}); 0 keeps none. Default: all (1), or none
     * when the draws go to a file ({@link #draws(Path)}).
     */
    public B keepEvery(int k) {
        this.keepEvery = k;
        return self();
    }

    /** The options' shared paramsInit, or the first chain's start (null if not given, or random starts). */
    double[] paramsInit() {
        return paramsInit;
    }

    /** Whether no start was given: neither paramsInit, nor paramsInitPerChain, nor randomInit. */
    boolean noInitialValues() {
        return paramsInit == null && initialValues == null;
    }

    /** The number of parameters the starts have (randomInit's dimension), or 0 if no start was given. */
    int initialDimension() {
        return initialValues != null && initialValues.isRandom() ? randomInitDimension
                : paramsInit == null ? 0 : paramsInit.length;
    }

    /**
     * Replaces paramsInit (a builder that completes it, e.g. with a sampled τ_out's start).
     *
     * @throws IllegalArgumentException when starts per chain or random ones were given: only a shared
     *         paramsInit can be completed
     */
    void paramsInit(double[] values, boolean owned) {
        if (initialValues != null) {
            throw new IllegalArgumentException("paramsInitPerChain / randomInit: starts of " + initialDimension()
                    + " parameters need completing (e.g. with log τ_out); give a shared paramsInit, or starts of"
                    + " every parameter");
        }
        this.paramsInit = owned ? values : values.clone();
    }

    /** The options' replay setting. */
    boolean replay() {
        return replay;
    }

    /**
     * Checks every argument, then samples {@code t}, writing the draws file's header with {@code blocks}
     * (empty: one block {@code theta}).
     */
    Samples sample(Target t, List<ParameterBlock> blocks) {
        boolean random = initialValues != null && initialValues.isRandom();
        if (paramsInit == null && !random) {
            throw new IllegalArgumentException("paramsInit = null: the initial parameters are required (or"
                    + " paramsInitPerChain, or randomInit with the number of parameters)");
        }
        int dimension;
        if (random) {
            if (randomInitDimension != t.dimension()) {
                throw new IllegalArgumentException("randomInit dimension = " + randomInitDimension
                        + ": the target has dimension " + t.dimension());
            }
            dimension = randomInitDimension;
        } else {
            if (initialValues != null) {
                initialValues.check(paramsInit.length, chains); // one position per chain, all of one length
            }
            if (paramsInit.length != t.dimension() || paramsInit.length == 0) {
                throw new IllegalArgumentException("paramsInit = " + describe(paramsInit) + ": has length "
                        + paramsInit.length + ", the target has dimension " + t.dimension());
            }
            for (double v : paramsInit) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("paramsInit = " + describe(paramsInit)
                            + ": must be finite");
                }
            }
            dimension = paramsInit.length;
        }
        if (!parameterNames.isEmpty() && parameterNames.size() != dimension) {
            throw new IllegalArgumentException("parameterNames = " + parameterNames + ": needs " + dimension
                    + " names, one per coordinate of paramsInit");
        }
        if (chains < 1) {
            throw new IllegalArgumentException("chains = " + chains + ": must be at least 1");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + ": must be 0 (automatic) or positive");
        }
        RunOptions runOptions = new RunOptions(numSamples, burn, seed, chains, threads, listener, parameterNames,
                adaptation, new DrawStorage(drawsFile, drawsPrecision,
                        keepEvery != null ? keepEvery : drawsFile == null ? 1 : 0, blocks));
        StepParameters tuning = tuning();
        // an instance wins over a name; a name (given or the sampler's default) is looked up only when needed
        Sampler samplerPlugin = samplerInstance != null ? samplerInstance : registry().sampler(sampler);
        Integrator integratorPlugin = integratorInstance != null ? integratorInstance
                : registry().integrator(integrator != null ? integrator : samplerPlugin.defaultIntegrator());
        Metric metricPlugin = metricInstance != null ? metricInstance
                : registry().metric(metric != null ? metric : samplerPlugin.defaultMetric());
        List<Named> selected = List.of(samplerPlugin, metricPlugin, integratorPlugin);
        Map<String, Object> given = new LinkedHashMap<>();
        pluginOptionDefaults.forEach((name, value) -> {
            if (PluginOptions.isDeclared(name, selected)) {
                given.put(name, value);
            }
        });
        given.putAll(pluginOptions);
        PluginOptions options = PluginOptions.of(given, selected,
                pluginOptions.isEmpty() ? List.of() : availablePlugins(selected));
        metricPlugin.checkSupports(t); // before evaluating anything: a first-order target with the Hessian metric
        // random starts are checked as they are drawn; given ones here, with the density's reads at the first
        InitialValues starts = initialValues != null ? initialValues : InitialValues.shared(paramsInit);
        if (!starts.isRandom()) {
            for (int c = 0; c < chains; c++) {
                checkInitialDensity(t, starts.given(c));
            }
            if (t instanceof AutodiffTarget autodiff) {
                checkEveryParameterIsRead(autodiff.unreadParameters(paramsInit.clone()));
            } else if (t instanceof AutodiffSplitTarget split) {
                checkEveryParameterIsRead(split.unreadParameters(paramsInit.clone()));
            }
        }
        // builds the Hamiltonian once up front so a bad invMass, or an integrator that cannot integrate it,
        // fails here, before the progress table's header and any sampling
        Hamiltonian hamiltonian = metricPlugin.hamiltonian(t, options);
        if (hamiltonian.inverseMass() != null) {
            hamiltonian = hamiltonian.withInverseMass(tuning.inverseMass());
        }
        integratorPlugin.checkSupports(hamiltonian);
        Adaptation resolved = adaptation.resolve(samplerPlugin, hamiltonian.inverseMass() != null);
        if (burn > 0 && resolved.metric() != MetricAdaptation.NONE && hamiltonian.inverseMass() == null) {
            throw new IllegalArgumentException("adaptMetric = " + resolved.metric().key() + ": metric '"
                    + metricPlugin.name() + "' has no constant mass matrix to adapt; use adaptMetric(\"none\")");
        }

        ProgressTable table = null;
        TransitionListener listener = this.listener;
        if (verbose) {
            table = ProgressTable.on(progressOut, chains, numSamples, burn);
            table.start("Sampling (Sampler." + enumName(samplerPlugin.name()) + "; Integrator."
                    + enumName(integratorPlugin.name()) + ")");
            ProgressTable shown = table;
            runOptions = runOptions.withListener(listener.andThen((chain, iteration, state, info) ->
                    shown.step(chain, iteration, info.divergent())));
        }
        Samples samples = new ChainRunner(samplerPlugin, metricPlugin, integratorPlugin, options)
                .run(t, starts, tuning, runOptions);
        if (table != null) {
            table.finish(samples.acceptanceRate());
        }
        return samples;
    }

    /**
     * The first transition's tuning: {@code stepSize}, {@code numStepsPerSample} and {@code invMass}.
     *
     * @throws IllegalArgumentException naming the bad one (by hamiltorch's name) and its value
     */
    private StepParameters tuning() {
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("stepSize = " + stepSize + ": must be positive and finite");
        }
        if (numStepsPerSample <= 0) {
            throw new IllegalArgumentException("numStepsPerSample = " + numStepsPerSample + ": must be positive");
        }
        return StepParameters.of(stepSize, numStepsPerSample, inverseMass);
    }

    /** Every plugin of the registry but the {@code selected}, to name the one an option belongs to; none if there is no registry. */
    private List<Named> availablePlugins(List<Named> selected) {
        List<Named> all;
        try {
            all = new java.util.ArrayList<>(registry().samplersMetricsAndIntegrators());
        } catch (RuntimeException e) {
            return List.of(); // only for a message: a registry that cannot list its plugins names none
        }
        all.removeAll(selected);
        return all;
    }

    /** The registry given to {@link #plugins}, or the default one, found only when a role is named. */
    PluginRegistry registry() {
        return plugins != null ? plugins : Hamiltorch.plugins();
    }

    private void checkInitialDensity(Target t, double[] paramsInit) {
        double[] gradient = new double[t.dimension()];
        double logProb;
        try {
            logProb = t.logDensityAndGradient(paramsInit.clone(), gradient);
        } catch (DomainException e) {
            // the density is undefined at this point (a covariance not positive-definite): the argument is bad
            throw new IllegalArgumentException("paramsInit = " + describe(paramsInit)
                    + ": the log density cannot be evaluated there: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // any other exception is the density's code failing, whatever its type: report it as the user's
            throw SamplingException.atParamsInit(paramsInit, chains, numSamples, burn, e);
        }
        if (!Double.isFinite(logProb)) {
            throw new IllegalArgumentException("paramsInit = " + describe(paramsInit)
                    + ": the log density there is " + logProb + ", it must be finite");
        }
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                throw new IllegalArgumentException("paramsInit = " + describe(paramsInit)
                        + ": the gradient of the log density there is " + describe(gradient)
                        + ", it must be finite");
            }
        }
    }

    /**
     * Refuses a {@code paramsInit} with coordinates the density never reads (longer than the model, or a
     * density that ignores θ): each would drift without bound. Where the density's code depends on θ
     * outside its graph, the reads seen at paramsInit may not be all, so it only warns.
     */
    private void checkEveryParameterIsRead(AutodiffTarget.UnreadParameters unread) {
        int[] indices = unread.indices();
        if (indices.length == 0) {
            return;
        }
        String what = indices.length == paramsInit.length
                ? "the log density does not depend on θ at all"
                : "the log density never reads θ" + Arrays.toString(indices) + " (paramsInit has " + paramsInit.length
                        + " coordinates; is it longer than the model?)";
        String message = "paramsInit = " + describe(paramsInit) + ": " + what
                + "; a coordinate the density does not read has no posterior and drifts without bound";
        if (unread.certain()) {
            throw new IllegalArgumentException(message);
        }
        LOG.warn("{} (seen at paramsInit; the density's code depends on θ outside its graph, so other points may"
                + " read it)", message);
    }

    /** A vector for a message ({@link SamplingException#describe}). */
    static String describe(double[] values) {
        return SamplingException.describe(values);
    }

    /** hamiltorch's enum spelling of a plugin name: {@code jacobian-diag} → {@code JACOBIAN_DIAG}. */
    static String enumName(String name) {
        // a plugin given as an instance was never checked for a name
        return String.valueOf(name).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
