package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.kernel.StepParameters;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one chain produced: its kept (post-burn-in) draws and, for every iteration including burn-in,
 * a row of statistics: the {@linkplain #COMMON_STATISTICS common ones} every sampler reports, then the
 * sampler's own ({@link dev.hamiltorch.api.kernel.Kernel#statisticNames()}). Immutable; accessors
 * return copies or read-only views. A chain cut short by a failure holds fewer iterations than were
 * asked for.
 */
public final class ChainSamples {

    /** log π of the state after the transition (Stan's {@code lp__}). */
    public static final String LOG_DENSITY = "lp";
    /** The acceptance statistic (Stan's {@code accept_stat__}): min(1, exp(H₀ − H₁)) for HMC. */
    public static final String ACCEPT_STAT = "accept_stat";
    /** 1 if the chain moved to the proposal, else 0. */
    public static final String ACCEPTED = "accepted";
    /** 1 if the energy error exceeded the divergence threshold, else 0 (Stan's {@code divergent__}). */
    public static final String DIVERGENT = "divergent";
    /** The Hamiltonian of the state after the transition (Stan's {@code energy__}). */
    public static final String ENERGY = "energy";
    /** H₀, the Hamiltonian at the start of the trajectory. */
    public static final String START_ENERGY = "energy_start";
    /** H₁, the Hamiltonian at the proposal (NaN when the trajectory failed). */
    public static final String PROPOSAL_ENERGY = "energy_proposal";
    /** Integration steps actually taken (Stan's {@code n_leapfrog__}). */
    public static final String STEPS = "n_steps";
    /** Evaluations of ∇ log π made by the transition. */
    public static final String GRADIENT_EVALUATIONS = "n_gradients";
    /** The statistics every sampler reports, in column order. */
    public static final List<String> COMMON_STATISTICS = List.of(LOG_DENSITY, ACCEPT_STAT, ACCEPTED, DIVERGENT, ENERGY,
            START_ENERGY, PROPOSAL_ENERGY, STEPS, GRADIENT_EVALUATIONS);

    private final int chain;
    private final int burn;
    private final Draws draws;
    private final List<String> statisticNames;
    /** One column per statistic, one entry per iteration. */
    private final double[][] statistics;
    private final Map<Event, Long> eventCounts;
    private final long gradientEvaluations;
    private final double wallTimeSeconds;
    /** The tuning of the kept draws (warm-up's result), or null when the chain never ran. */
    private final StepParameters stepParameters;

    /** Takes ownership of the arrays (the runner hands over fresh ones); no step parameters known. */
    ChainSamples(int chain, int burn, Draws draws, List<String> statisticNames, double[][] statistics,
                 EnumMap<Event, Long> eventCounts, long gradientEvaluations, double wallTimeSeconds) {
        this(chain, burn, draws, statisticNames, statistics, eventCounts, gradientEvaluations, wallTimeSeconds, null);
    }

    /** Takes ownership of the arrays (the runner hands over fresh ones). */
    ChainSamples(int chain, int burn, Draws draws, List<String> statisticNames, double[][] statistics,
                 EnumMap<Event, Long> eventCounts, long gradientEvaluations, double wallTimeSeconds,
                 StepParameters stepParameters) {
        this.stepParameters = stepParameters;
        this.chain = chain;
        this.burn = burn;
        this.draws = draws;
        this.statisticNames = List.copyOf(statisticNames);
        this.statistics = statistics;
        this.eventCounts = Collections.unmodifiableMap(new EnumMap<>(eventCounts));
        this.gradientEvaluations = gradientEvaluations;
        this.wallTimeSeconds = wallTimeSeconds;
    }

    /** This chain's index, from 0. */
    public int chain() {
        return chain;
    }

    /** Leading iterations discarded as burn-in. */
    public int burn() {
        return burn;
    }

    /** Number of parameters D. */
    public int dimension() {
        return draws.dimension();
    }

    /** Iterations completed, burn-in included. */
    public int iterations() {
        return statistics[0].length;
    }

    /** Number of kept draws. */
    public int keptCount() {
        return draws.size();
    }

    /** The kept draws, keptCount × D, as a read-only view (nothing is copied). */
    public Draws draws() {
        return draws;
    }

    /** Kept draw {@code k} (a copy). */
    public double[] draw(int k) {
        return draws.row(k);
    }

    /** The kept draws of parameter {@code parameter}, in order. */
    public double[] parameter(int parameter) {
        return draws.column(parameter);
    }

    /** The names of the per-iteration statistics: {@link #COMMON_STATISTICS}, then the sampler's own. */
    public List<String> statisticNames() {
        return statisticNames;
    }

    /**
     * Per iteration (burn-in included), the statistic {@code name} (a copy).
     *
     * @throws IllegalArgumentException if this chain has no such statistic
     */
    public double[] statistic(String name) {
        int column = statisticNames.indexOf(name);
        if (column < 0) {
            throw new IllegalArgumentException("statistic '" + name + "': not one of " + statisticNames);
        }
        return statistics[column].clone();
    }

    /** The value of statistic column {@code column} at iteration {@code iteration}, without copying. */
    double statistic(int column, int iteration) {
        return statistics[column][iteration];
    }

    /** Per iteration: log π of the state after the transition. */
    public double[] logDensity() {
        return statistic(LOG_DENSITY);
    }

    /** Per iteration: the Hamiltonian of the state after the transition (Stan's {@code energy__}). */
    public double[] energy() {
        return statistic(ENERGY);
    }

    /** Per iteration: H₀, the Hamiltonian at the start of the trajectory. */
    public double[] startEnergy() {
        return statistic(START_ENERGY);
    }

    /** Per iteration: H₁, the Hamiltonian at the proposal (NaN when the trajectory failed). */
    public double[] proposalEnergy() {
        return statistic(PROPOSAL_ENERGY);
    }

    /** Per iteration: the acceptance statistic (0 for an invalid proposal). */
    public double[] acceptanceProbability() {
        return statistic(ACCEPT_STAT);
    }

    /** Per iteration: whether the proposal was accepted. */
    public boolean[] accepted() {
        double[] column = statistics[COMMON_STATISTICS.indexOf(ACCEPTED)];
        boolean[] accepted = new boolean[column.length];
        for (int i = 0; i < column.length; i++) {
            accepted[i] = column[i] != 0;
        }
        return accepted;
    }

    /** How often each event happened, every event present (0 if never). */
    public Map<Event, Long> eventCounts() {
        return eventCounts;
    }

    /** Evaluations of ∇ log π, the initial position's included. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /**
     * The tuning the kept draws were made with: the settings' step size, inverse mass and trajectory
     * length, or what warm-up adapted them to; null for a chain that never started.
     */
    public StepParameters stepParameters() {
        return stepParameters;
    }

    /** The step size the kept draws were made with (adapted when warm-up adapted it); NaN if unknown. */
    public double stepSize() {
        return stepParameters == null ? Double.NaN : stepParameters.stepSize();
    }

    /** Wall time of this chain's iteration loop, warm-up included. */
    public double wallTimeSeconds() {
        return wallTimeSeconds;
    }

    /** Accepted proposals among kept iterations (NaN when none is kept). */
    public double acceptanceRate() {
        return keptIterations() == 0 ? Double.NaN : (double) keptAccepted() / keptIterations();
    }

    int keptIterations() {
        return Math.max(0, iterations() - burn);
    }

    int keptAccepted() {
        double[] accepted = statistics[COMMON_STATISTICS.indexOf(ACCEPTED)];
        int n = 0;
        for (int i = burn; i < accepted.length; i++) {
            if (accepted[i] != 0) {
                n++;
            }
        }
        return n;
    }

    /** The value of parameter {@code parameter} in kept draw {@code k}, without copying. */
    double value(int k, int parameter) {
        return draws.get(k, parameter);
    }

    @Override
    public String toString() {
        return "ChainSamples(chain " + chain + ", " + iterations() + " iterations, burn " + burn + ", " + keptCount()
                + " kept, statistics " + statisticNames + ", events " + eventCounts + ")";
    }

    /** Rows of statistics for the runner: a copy of every column cut to {@code n} iterations. */
    static double[][] cut(double[][] columns, int n) {
        double[][] cut = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cut[c] = Arrays.copyOf(columns[c], n);
        }
        return cut;
    }
}
