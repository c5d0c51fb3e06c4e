package dev.hamiltorch.api;

import java.util.Map;
import java.util.Objects;

/**
 * The numeric settings of a sampling run, in hamiltorch's vocabulary and with its defaults.
 * Immutable; build with {@link #builder()}. Plugins read what they need; third-party plugins declare
 * typed options ({@link dev.hamiltorch.api.spi.Named#options()}) and read them with {@link #option}.
 * The run's own settings (samples, burn) sit here for hamiltorch's vocabulary; the per-transition
 * tuning a kernel uses is {@link dev.hamiltorch.api.kernel.StepParameters}, which warm-up may adapt.
 *
 * @param numSamples iterations per chain, burn-in included (hamiltorch's {@code num_samples}); default 10
 * @param burn leading iterations discarded; default 0
 * @param stepSize integrator step size ε; default 0.1
 * @param numStepsPerSample integration steps per trajectory L; default 10
 * @param inverseMass M⁻¹ for Euclidean metrics; default identity
 * @param jitter scale of the uniform diagonal jitter added to Riemannian metrics; default 0
 * @param jitterMaxTries attempts to make a metric positive-definite; default 10
 * @param softabsConst α of the SoftAbs metric; default 1e6
 * @param explicitBindingConst ω of the explicit integrator; default 100
 * @param fixedPointThreshold convergence threshold of implicit fixed points; default 1e-5
 * @param fixedPointMaxIterations iteration cap of implicit fixed points; default 1000
 * @param reversibilityTolerance how far integrating back from a proposal may miss the start before the
 *        implicit integrator rejects the proposal (its reversibility check); default {@link Double#NaN},
 *        which stands for {@link #defaultReversibilityTolerance(double)} of the threshold;
 *        {@link Double#POSITIVE_INFINITY} turns the check off
 * @param options free-form options for plugins
 */
public record SamplerSettings(int numSamples, int burn, double stepSize, int numStepsPerSample,
                              InverseMass inverseMass, double jitter, int jitterMaxTries, double softabsConst,
                              double explicitBindingConst, double fixedPointThreshold,
                              int fixedPointMaxIterations, double reversibilityTolerance,
                              Map<String, String> options) {

    /** The {@link #reversibilityTolerance()} that stands for the default, {@link #defaultReversibilityTolerance(double)}. */
    public static final double DEFAULT_REVERSIBILITY_TOLERANCE = Double.NaN;

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the first bad argument and its value
     */
    public SamplerSettings {
        Objects.requireNonNull(inverseMass, "inverseMass");
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
        if (numSamples <= 0) {
            throw bad("numSamples", numSamples, "must be positive");
        }
        if (burn < 0 || burn >= numSamples) {
            throw bad("burn", burn, "must be in [0, numSamples) with numSamples = " + numSamples);
        }
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw bad("stepSize", stepSize, "must be positive and finite");
        }
        if (numStepsPerSample <= 0) {
            throw bad("numStepsPerSample", numStepsPerSample, "must be positive");
        }
        if (!(jitter >= 0) || Double.isInfinite(jitter)) {
            throw bad("jitter", jitter, "must be finite and non-negative");
        }
        if (jitterMaxTries <= 0) {
            throw bad("jitterMaxTries", jitterMaxTries, "must be positive");
        }
        if (!(softabsConst > 0) || Double.isInfinite(softabsConst)) {
            throw bad("softabsConst", softabsConst, "must be positive and finite");
        }
        if (!(explicitBindingConst > 0) || Double.isInfinite(explicitBindingConst)) {
            throw bad("explicitBindingConst", explicitBindingConst, "must be positive and finite");
        }
        if (!(fixedPointThreshold > 0) || Double.isInfinite(fixedPointThreshold)) {
            throw bad("fixedPointThreshold", fixedPointThreshold, "must be positive and finite");
        }
        if (fixedPointMaxIterations <= 0) {
            throw bad("fixedPointMaxIterations", fixedPointMaxIterations, "must be positive");
        }
        if (!(reversibilityTolerance > 0) && !Double.isNaN(reversibilityTolerance)) {
            throw bad("reversibilityTolerance", reversibilityTolerance,
                    "must be positive (Infinity turns the check off, NaN stands for the default)");
        }
    }

    /**
     * The reversibility tolerance for a fixed-point threshold when none is given: min(1, 1000 √threshold),
     * a thousand times the largest change a converged fixed point may still make (1e-3 at a threshold of
     * 1e-12, 1 at hamiltorch's 1e-5). The way back then misses the start by its fixed points' residuals
     * alone, which are far smaller, when it retraces the way there; it misses by far more, or fails, when
     * it does not.
     */
    public static double defaultReversibilityTolerance(double fixedPointThreshold) {
        return Math.min(1, 1000 * Math.sqrt(fixedPointThreshold));
    }

    /** The reversibility tolerance in force: {@link #reversibilityTolerance()}, or its default when that is NaN. */
    public double effectiveReversibilityTolerance() {
        return Double.isNaN(reversibilityTolerance) ? defaultReversibilityTolerance(fixedPointThreshold)
                : reversibilityTolerance;
    }

    /**
     * The settings of the form without {@code reversibilityTolerance}, which takes its default.
     *
     * @throws IllegalArgumentException naming the first bad argument and its value
     */
    public SamplerSettings(int numSamples, int burn, double stepSize, int numStepsPerSample, InverseMass inverseMass,
                           double jitter, int jitterMaxTries, double softabsConst, double explicitBindingConst,
                           double fixedPointThreshold, int fixedPointMaxIterations, Map<String, String> options) {
        this(numSamples, burn, stepSize, numStepsPerSample, inverseMass, jitter, jitterMaxTries, softabsConst,
                explicitBindingConst, fixedPointThreshold, fixedPointMaxIterations, DEFAULT_REVERSIBILITY_TOLERANCE,
                options);
    }

    private static IllegalArgumentException bad(String name, Object value, String rule) {
        return new IllegalArgumentException(name + " = " + value + ": " + rule);
    }

    /**
     * The typed value of a plugin's option: the user's value parsed and checked, or its default when the
     * user gave none.
     *
     * @throws IllegalArgumentException naming the option and the value when it does not parse or breaks its rule
     */
    public <T> T option(dev.hamiltorch.api.spi.PluginOption<T> option) {
        String given = options.get(option.name());
        return given == null ? option.defaultValue() : option.parse(given);
    }

    /** These settings with another inverse mass. */
    public SamplerSettings withInverseMass(InverseMass inverseMass) {
        return toBuilder().inverseMass(inverseMass).build();
    }

    /** Iterations kept after burn-in. */
    public int keptSamples() {
        return numSamples - burn;
    }

    /** A builder holding hamiltorch's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.numSamples = numSamples;
        b.burn = burn;
        b.stepSize = stepSize;
        b.numStepsPerSample = numStepsPerSample;
        b.inverseMass = inverseMass;
        b.jitter = jitter;
        b.jitterMaxTries = jitterMaxTries;
        b.softabsConst = softabsConst;
        b.explicitBindingConst = explicitBindingConst;
        b.fixedPointThreshold = fixedPointThreshold;
        b.fixedPointMaxIterations = fixedPointMaxIterations;
        b.reversibilityTolerance = reversibilityTolerance;
        b.options = options;
        return b;
    }

    /** Fluent builder with hamiltorch's defaults; {@link #build()} validates. */
    public static final class Builder {
        private int numSamples = 10;
        private int burn = 0;
        private double stepSize = 0.1;
        private int numStepsPerSample = 10;
        private InverseMass inverseMass = InverseMass.identity();
        private double jitter = 0.0;
        private int jitterMaxTries = 10;
        private double softabsConst = 1e6;
        private double explicitBindingConst = 100;
        private double fixedPointThreshold = 1e-5;
        private int fixedPointMaxIterations = 1000;
        private double reversibilityTolerance = DEFAULT_REVERSIBILITY_TOLERANCE;
        private Map<String, String> options = Map.of();

        private Builder() {
        }

        public Builder numSamples(int v) {
            numSamples = v;
            return this;
        }

        public Builder burn(int v) {
            burn = v;
            return this;
        }

        public Builder stepSize(double v) {
            stepSize = v;
            return this;
        }

        public Builder numStepsPerSample(int v) {
            numStepsPerSample = v;
            return this;
        }

        public Builder inverseMass(InverseMass v) {
            inverseMass = Objects.requireNonNull(v, "inverseMass");
            return this;
        }

        public Builder jitter(double v) {
            jitter = v;
            return this;
        }

        public Builder jitterMaxTries(int v) {
            jitterMaxTries = v;
            return this;
        }

        public Builder softabsConst(double v) {
            softabsConst = v;
            return this;
        }

        public Builder explicitBindingConst(double v) {
            explicitBindingConst = v;
            return this;
        }

        public Builder fixedPointThreshold(double v) {
            fixedPointThreshold = v;
            return this;
        }

        public Builder fixedPointMaxIterations(int v) {
            fixedPointMaxIterations = v;
            return this;
        }

        public Builder reversibilityTolerance(double v) {
            reversibilityTolerance = v;
            return this;
        }

        public Builder options(Map<String, String> v) {
            options = Objects.requireNonNull(v, "options");
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad argument and its value */
        public SamplerSettings build() {
            return new SamplerSettings(numSamples, burn, stepSize, numStepsPerSample, inverseMass, jitter,
                    jitterMaxTries, softabsConst, explicitBindingConst, fixedPointThreshold,
                    fixedPointMaxIterations, reversibilityTolerance, options);
        }
    }
}
