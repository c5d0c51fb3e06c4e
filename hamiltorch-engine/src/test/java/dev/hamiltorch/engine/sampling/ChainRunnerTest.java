package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.testsupport.CountingTarget;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ChainRunnerTest {

    private static final ChainRunner RUNNER = new ChainRunner(new Hmc(), new EuclideanMetric(), new Leapfrog());
    private static final GaussianTarget GAUSSIAN = GaussianTarget.independent(new double[] {1, 2, 3}, 0.5, 0.5, 0.5);

    /** The 1-D target with the given log density and gradient. */
    private static Target oneDimensional(DoubleUnaryOperator logDensity, DoubleUnaryOperator gradient) {
        return new Target() {
            @Override
            public Target copy() {
                return this; // stateless: one instance serves every thread
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] theta) {
                return logDensity.applyAsDouble(theta[0]);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] g) {
                g[0] = gradient.applyAsDouble(theta[0]);
                return logDensity(theta);
            }
        };
    }

    /** The tuning of these tests' HMC: ε 0.3, L 5, unit mass. */
    static final StepParameters TUNING = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(5);

    static void assertSameChain(ChainSamples expected, ChainSamples actual) {
        assertArrayEquals(expected.draws().toArray(), actual.draws().toArray());
        assertArrayEquals(expected.logDensity(), actual.logDensity());
        assertArrayEquals(expected.energy(), actual.energy());
        assertArrayEquals(expected.proposalEnergy(), actual.proposalEnergy());
        assertArrayEquals(expected.acceptanceProbability(), actual.acceptanceProbability());
        assertArrayEquals(expected.accepted(), actual.accepted());
        assertEquals(expected.eventCounts(), actual.eventCounts());
    }

    @Test
    void keepsNumSamplesMinusBurnDrawsAndRecordsEveryIteration() {
        Samples s = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(1).withSamples(300, 50));
        assertEquals(1, s.numChains());
        assertEquals(250, s.keptCount());
        assertEquals(250, s.draws().toArray().length);
        assertEquals(3, s.draws().toArray()[0].length);
        assertTrue(s.isComplete());
        ChainSamples c = s.chain(0);
        assertEquals(300, c.iterations());
        assertEquals(300, c.logDensity().length);
        assertEquals(300, c.energy().length);
        assertEquals(300, c.proposalEnergy().length);
        assertEquals(300, c.acceptanceProbability().length);
        assertEquals(300, c.accepted().length);
        assertEquals(Set.of(Event.values()), s.eventCounts().keySet());
        assertTrue(s.wallTimeSeconds() > 0);
        // the kept draws are the states after iterations burn … numSamples − 1
        double[] lastLogDensity = c.logDensity();
        double[] lastDraw = s.draws().toArray()[249];
        assertEquals(GAUSSIAN.logDensity(lastDraw), lastLogDensity[299], 1e-12);
        assertEquals(GAUSSIAN.logDensity(s.draws().toArray()[0]), lastLogDensity[50], 1e-12);
    }

    @Test
    void acceptanceRateCountsKeptIterationsOnly() {
        // a large step makes rejections frequent, so burn-in and kept rates differ
        StepParameters rough = StepParameters.DEFAULTS.withStepSize(0.9).withNumSteps(3);
        Samples s = RUNNER.run(GAUSSIAN, new double[3], rough, RunOptions.seed(8).withSamples(400, 100));
        boolean[] accepted = s.chain(0).accepted();
        int kept = 0;
        for (int i = 100; i < 400; i++) {
            kept += accepted[i] ? 1 : 0;
        }
        assertEquals(kept / 300.0, s.acceptanceRate(), 1e-15);
        assertEquals(kept / 300.0, s.chain(0).acceptanceRate(), 1e-15);
        assertTrue(s.acceptanceRate() < 0.95 && s.acceptanceRate() > 0.05, "rate " + s.acceptanceRate());
    }

    /** Wraps a sampler's kernels to record the state each transition starts from and returns. */
    private static final class Spy implements Sampler {
        final List<ChainState> inputs = new ArrayList<>();
        final List<Transition> outputs = new ArrayList<>();
        ChainState initial;

        @Override
        public String name() {
            return "spy";
        }

        @Override
        public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
            Kernel hmc = new Hmc().kernel(hamiltonian, integrator, options);
            return new Kernel() {
                @Override
                public ChainState init(double[] position) {
                    initial = hmc.init(position);
                    return initial;
                }

                @Override
                public Transition step(RandomGenerator rng, ChainState state, StepParameters parameters) {
                    inputs.add(state);
                    Transition t = hmc.step(rng, state, parameters);
                    outputs.add(t);
                    return t;
                }
            };
        }
    }

    /**
     * hamiltorch sends a chain back to params_init after a rejection in burn-in; here every transition starts
     * from the state the previous one returned, rejected or not. A large step makes rejections frequent.
     */
    @Test
    void everyTransitionStartsWhereThePreviousOneEndedEvenAfterRejectionsInBurnIn() {
        Target normal = GaussianTarget.independent(new double[] {0.0}, 1.0);
        StepParameters rough = StepParameters.DEFAULTS.withStepSize(1.3).withNumSteps(3);
        Spy spy = new Spy();
        Samples s = new ChainRunner(spy, new EuclideanMetric(), new Leapfrog())
                .run(normal, new double[] {5.0}, rough, RunOptions.seed(3).withSamples(300, 150));

        assertEquals(300, spy.inputs.size());
        assertSame(spy.initial, spy.inputs.get(0));
        int burnInRejections = 0;
        for (int i = 1; i < 300; i++) {
            assertSame(spy.outputs.get(i - 1).state(), spy.inputs.get(i), "iteration " + i + " started elsewhere");
            if (i < 150 && !spy.outputs.get(i - 1).info().accepted()) {
                burnInRejections++;
            }
        }
        assertTrue(burnInRejections > 5, "only " + burnInRejections + " rejections in burn-in");
        for (int k = 0; k < 150; k++) {
            ChainState recorded = spy.outputs.get(150 + k).state();
            assertArrayEquals(recorded.position(), s.draws().toArray()[k], "kept draw " + k);
            assertEquals(recorded.logDensity(), s.chain(0).logDensity()[150 + k]);
        }
    }

    @Test
    void oneSeedGivesBitIdenticalDrawsAndAnotherSeedDoesNot() {
        Samples a = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(42).withSamples(500, 100));
        Samples b = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(42).withSamples(500, 100));
        Samples c = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(43).withSamples(500, 100));
        assertSameChain(a.chain(0), b.chain(0));
        assertFalse(Arrays.deepEquals(a.draws().toArray(), c.draws().toArray()));
    }

    @Test
    void parallelChainsAreBitIdenticalToSequentialOnesAndDifferFromEachOther() {
        RunOptions options = RunOptions.seed(7).withChains(2);
        Samples parallel = RUNNER.run(GAUSSIAN, new double[3], TUNING, options.withThreads(2).withSamples(2000, 100));
        Samples sequential = RUNNER.run(GAUSSIAN, new double[3], TUNING, options.withThreads(1).withSamples(2000, 100));
        Samples single = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(7).withSamples(2000, 100));
        assertEquals(2, parallel.numChains());
        assertSameChain(sequential.chain(0), parallel.chain(0));
        assertSameChain(sequential.chain(1), parallel.chain(1));
        assertSameChain(single.chain(0), parallel.chain(0)); // adding a chain does not change the first
        assertFalse(Arrays.deepEquals(parallel.chain(0).draws().toArray(), parallel.chain(1).draws().toArray()));
        assertEquals(3800, parallel.keptCount());
        assertArrayEquals(parallel.chain(1).draw(0), parallel.draws().toArray()[1900]);
    }

    @Test
    void everyChainGetsItsOwnCopyOfTheTarget() {
        Set<Target> copies = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Target recording = new Target() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double logDensity(double[] theta) {
                return -0.5 * theta[0] * theta[0];
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                gradient[0] = -theta[0];
                return logDensity(theta);
            }

            @Override
            public Target copy() {
                Target self = this;
                return new Target() {
                    @Override
                    public Target copy() {
                        return this; // stateless: one instance serves every thread
                    }

                    @Override
                    public int dimension() {
                        return 1;
                    }

                    @Override
                    public double logDensity(double[] theta) {
                        return self.logDensity(theta);
                    }

                    @Override
                    public double logDensityAndGradient(double[] theta, double[] gradient) {
                        copies.add(this);
                        threads.add(Thread.currentThread().getName());
                        return self.logDensityAndGradient(theta, gradient);
                    }
                };
            }
        };
        RUNNER.run(recording, new double[] {0}, TUNING, RunOptions.seed(1).withChains(3).withThreads(3).withSamples(200, 0));
        assertEquals(3, copies.size());
        assertTrue(threads.stream().anyMatch(t -> t.startsWith("hamiltorch-chain-")), threads.toString());
    }

    @Test
    void countsEveryGradientEvaluation() {
        CountingTarget counting = new CountingTarget(GAUSSIAN);
        Samples s = RUNNER.run(counting, new double[3], TUNING, RunOptions.seed(4).withChains(2).withSamples(300, 20));
        assertEquals(counting.gradientCalls(), s.gradientEvaluations());
        assertEquals(2 * (1 + 300 * 5), s.gradientEvaluations(), "L per iteration plus one per chain for the start");
        assertEquals(1 + 300 * 5, s.chain(1).gradientEvaluations());
        assertEquals(0, counting.logDensityCalls());
    }

    @Test
    void gradientEvaluationsFollowTrajectoriesCutShortByInvalidPoints() {
        Target cliff = oneDimensional(t -> t > 1 ? Double.NaN : -0.5 * t * t, t -> -t);
        CountingTarget counting = new CountingTarget(cliff);
        Samples s = RUNNER.run(counting, new double[] {0}, TUNING, RunOptions.seed(6).withSamples(500, 0));
        assertTrue(s.eventCounts().get(Event.INVALID_LOG_PROB) > 0);
        assertTrue(s.gradientEvaluations() < 1 + 500 * 5);
        assertEquals(counting.gradientCalls(), s.gradientEvaluations());
    }

    @Test
    void warnsWhenNoProposalIsAcceptedAndCountsEachEvent() {
        // finite at θ = 0 only: every proposal leaves it, so every one is rejected as invalid
        Target point = oneDimensional(t -> t == 0 ? 0.0 : Double.NaN, t -> 0.0);
        Samples s = RUNNER.run(point, new double[] {0}, TUNING, RunOptions.seed(3).withChains(2).withSamples(10, 2));
        assertEquals(List.of("no proposal was accepted in the 16 kept iterations: the step size is likely too large"
                        + " for this target and integrator",
                "20 of 20 iterations rejected their proposal for a NaN or infinite log density or Hamiltonian"
                        + " (invalid_log_prob)"), s.warnings());

        assertEquals(List.of(), RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(1).withSamples(50, 0)).warnings());
    }

    @Test
    void theListenerSeesTheRunThenEveryTransitionOfEveryChainAsTheResultRecordsIt() {
        List<Object[]> calls = new CopyOnWriteArrayList<>();
        Provenance[] started = new Provenance[1];
        TransitionListener listener = new TransitionListener() {
            @Override
            public void onStart(Provenance provenance, List<String> statisticNames) {
                started[0] = provenance;
                assertEquals(List.of(), statisticNames);
                assertTrue(calls.isEmpty());
            }

            @Override
            public void onTransition(int chain, int iteration, ChainState state, TransitionInfo info) {
                calls.add(new Object[] {chain, iteration, state.position().clone(), info});
            }
        };
        RunOptions options = RunOptions.seed(1).withChains(2).withThreads(2).withListener(listener);
        Samples s = RUNNER.run(GAUSSIAN, new double[3], TUNING, options.withSamples(150, 10));
        assertEquals(300, calls.size());
        assertEquals(s.provenance(), started[0]);
        for (Object[] call : calls) {
            int chain = (int) call[0];
            int iteration = (int) call[1];
            TransitionInfo info = (TransitionInfo) call[3];
            ChainSamples c = s.chain(chain);
            assertEquals(c.statistic(ChainSamples.ACCEPT_STAT)[iteration], info.acceptanceProbability(), 0.0);
            assertEquals(c.energy()[iteration], info.energyAfter(), 0.0);
            if (iteration >= 10) {
                assertArrayEquals(c.draw(iteration - 10), (double[]) call[2], 0.0);
            }
        }
    }

    @Test
    void andThenKeepsBothListenersInOrderAndNoneIsItsIdentity() {
        List<String> heard = new ArrayList<>();
        TransitionListener first = (chain, iteration, state, info) -> heard.add("first " + iteration);
        TransitionListener second = (chain, iteration, state, info) -> heard.add("second " + iteration);
        assertSame(first, TransitionListener.NONE.andThen(first));
        assertSame(first, first.andThen(TransitionListener.NONE));
        assertSame(TransitionListener.NONE, TransitionListener.NONE.andThen(TransitionListener.NONE));
        assertThrows(NullPointerException.class, () -> first.andThen(null));
        RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(1).withListener(first.andThen(second)).withSamples(2, 0));
        assertEquals(List.of("first 0", "second 0", "first 1", "second 1"), heard);
    }

    @Test
    void statisticsAreNamedColumnsWithStepsTakenAndStansEnergy() {
        Samples s = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(5).withSamples(200, 0));
        ChainSamples c = s.chain(0);
        assertEquals(ChainSamples.COMMON_STATISTICS, c.statisticNames());
        double[] accepted = c.statistic(ChainSamples.ACCEPTED);
        double[] start = c.startEnergy();
        double[] proposal = c.proposalEnergy();
        double[] energy = c.energy();
        for (int i = 0; i < 200; i++) {
            // energy__ is the Hamiltonian of the state the chain is in after the transition
            assertEquals(accepted[i] == 1 ? proposal[i] : start[i], energy[i], 0.0);
            assertEquals(5, c.statistic(ChainSamples.STEPS)[i], 0.0);
        }
        assertThrows(IllegalArgumentException.class, () -> c.statistic("treedepth"));
    }

    @Test
    void aRunnerMadeWithOptionsChecksThemAgainstItsPluginsAndRecordsThem() {
        ChainRunner jittered = ChainRunner.of(new Hmc(), new EuclideanMetric(), new Leapfrog(),
                java.util.Map.of("step-size-jitter", "0.2"));
        Samples s = jittered.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(1).withSamples(20, 0));
        assertEquals(java.util.Map.of("step-size-jitter", 0.2), s.provenance().options().given());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChainRunner.of(new Hmc(),
                new EuclideanMetric(), new Leapfrog(), java.util.Map.of("softabsConst", 1.0)));
        assertEquals("option softabsConst = 1.0: no plugin of this run declares it; known options: 'hmc'"
                + " [step-size-jitter], 'euclidean' [none], 'leapfrog' [none]", e.getMessage());
    }

    @Test
    void theResultSaysWhatProducedIt() {
        Samples s = RUNNER.run(GAUSSIAN, new double[3], TUNING,
                RunOptions.seed(77).withChains(2).withParameterNames(List.of("a", "b", "c")).withSamples(20, 5));
        Provenance p = s.provenance();
        assertEquals("hmc", p.sampler());
        assertEquals("euclidean", p.metric());
        assertEquals("leapfrog", p.integrator());
        assertEquals(20, p.numSamples());
        assertEquals(5, p.burn());
        assertEquals(TUNING, p.tuning());
        assertEquals(PluginOptions.defaults(), p.options());
        assertEquals(77, p.seed());
        assertEquals(2, p.chains());
        assertEquals(List.of("a", "b", "c"), s.parameterNames());
        assertEquals("b", s.summary(1).name());
        assertTrue(p.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"), p.libraryVersion());
        assertThrows(IllegalArgumentException.class, () -> RUNNER.run(GAUSSIAN, new double[3], TUNING,
                RunOptions.seed(1).withParameterNames(List.of("a")).withSamples(20, 5)));
    }

    @Test
    void aBadInverseMassIsRefusedBeforeSamplingStarts() {
        CountingTarget counting = new CountingTarget(GAUSSIAN);
        StepParameters wrongShape = TUNING.withInverseMass(InverseMass.dense(new double[][] {{1, 0}, {0, 1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run(counting, new double[3], wrongShape, RunOptions.seed(1).withSamples(100, 0)));
        assertTrue(e.getMessage().contains("invMass") && e.getMessage().contains("2×2"), e.getMessage());

        StepParameters notSpd = TUNING.withInverseMass(InverseMass.dense(new double[][] {{1, 0, 0}, {0, 1, 2}, {0, 2, 1}}));
        e = assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run(counting, new double[3], notSpd, RunOptions.seed(1).withSamples(100, 0)));
        assertTrue(e.getMessage().contains("invMass") && e.getMessage().contains("positive-definite"), e.getMessage());
        assertEquals(0, counting.gradientCalls());
    }

    @Test
    void aBadInitialPositionOrOptionIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run(GAUSSIAN, new double[2], TUNING, RunOptions.seed(1).withSamples(10, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run(GAUSSIAN, new double[] {0, Double.NaN, 0}, TUNING, RunOptions.seed(1).withSamples(10, 0)));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.seed(1).withChains(0));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.seed(1).withThreads(-1));
    }

    /**
     * A target whose copy number {@code failingCopy} (0-based, in the order the runner copies) throws on its
     * {@code failingCall}-th gradient evaluation.
     */
    private static Target throwingOn(int failingCopy, int failingCall) {
        AtomicInteger copies = new AtomicInteger();
        return new Target() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double logDensity(double[] theta) {
                return GAUSSIAN.logDensity(theta);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                return GAUSSIAN.logDensityAndGradient(theta, gradient);
            }

            @Override
            public Target copy() {
                int id = copies.getAndIncrement();
                AtomicInteger calls = new AtomicInteger();
                return new Target() {
                    @Override
                    public Target copy() {
                        return this; // stateless: one instance serves every thread
                    }

                    @Override
                    public int dimension() {
                        return 3;
                    }

                    @Override
                    public double logDensity(double[] theta) {
                        return GAUSSIAN.logDensity(theta);
                    }

                    @Override
                    public double logDensityAndGradient(double[] theta, double[] gradient) {
                        if (id == failingCopy && calls.incrementAndGet() == failingCall) {
                            throw new IllegalStateException("user model failed");
                        }
                        return GAUSSIAN.logDensityAndGradient(theta, gradient);
                    }
                };
            }
        };
    }

    @Test
    void anExceptionFromTheTargetReportsTheIterationAndKeepsThePartialDraws() {
        // call 1 is the start; iteration i makes calls 2 + 5(i − 1) … 1 + 5i, so call 1 + 5·37 + 3 is in iteration 38
        Target failing = throwingOn(0, 1 + 5 * 37 + 3);
        SamplingException e = assertThrows(SamplingException.class,
                () -> RUNNER.run(failing, new double[3], TUNING, RunOptions.seed(9).withSamples(100, 10)));
        assertTrue(e.getMessage().contains("iteration 38 of 100"), e.getMessage());
        assertTrue(e.getMessage().contains("user model failed"), e.getMessage());
        assertEquals(38, e.iteration());
        assertEquals(0, e.chain());
        assertInstanceOf(IllegalStateException.class, e.getCause());

        Samples partial = e.partialResult();
        assertFalse(partial.isComplete());
        assertEquals(37, partial.chain(0).iterations());
        assertEquals(27, partial.keptCount());
        // the partial draws are the real ones: the same as the first 27 of an undisturbed run
        Samples full = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(9).withSamples(100, 10));
        assertArrayEquals(Arrays.copyOf(full.draws().toArray(), 27), partial.draws().toArray());
        assertTrue(partial.toString().contains("partial"));
    }

    @Test
    void anExceptionInOneOfParallelChainsStopsTheRunAndNamesTheChain() {
        Target failing = throwingOn(1, 1 + 5 * 9 + 1); // chain 1, iteration 10
        SamplingException e = assertThrows(SamplingException.class, () -> RUNNER.run(failing, new double[3],
                TUNING, RunOptions.seed(9).withChains(2).withThreads(2).withSamples(100_000, 0)));
        assertEquals(1, e.chain());
        assertEquals(10, e.iteration());
        assertTrue(e.getMessage().startsWith("chain 1 failed at iteration 10 of 100000"), e.getMessage());
        assertEquals(9, e.partialResult().chain(1).iterations());
        assertTrue(e.partialResult().chain(0).iterations() < 100_000, "chain 0 was stopped too");
    }

    @Test
    void anExceptionAtTheInitialPositionIsReportedAsIterationZero() {
        SamplingException e = assertThrows(SamplingException.class,
                () -> RUNNER.run(throwingOn(0, 1), new double[3], TUNING, RunOptions.seed(1).withSamples(10, 0)));
        assertEquals(0, e.iteration());
        assertTrue(e.getMessage().contains("initial position"), e.getMessage());
        assertEquals(0, e.partialResult().keptCount());
    }

    @Test
    void samplesAreImmutable() {
        Samples s = RUNNER.run(GAUSSIAN, new double[3], TUNING, RunOptions.seed(1).withSamples(50, 0));
        double before = s.draws().toArray()[0][0];
        s.draws().toArray()[0][0] = 1e9;
        s.chain(0).logDensity()[0] = 1e9;
        s.chain(0).accepted()[0] = !s.chain(0).accepted()[0];
        assertEquals(before, s.draws().toArray()[0][0]);
        assertNotEquals(1e9, s.chain(0).logDensity()[0]);
        assertThrows(UnsupportedOperationException.class, () -> s.eventCounts().put(Event.DIVERGENT, 5L));
        assertThrows(UnsupportedOperationException.class, () -> s.chains().clear());
        assertSame(s.chain(0), s.chains().get(0));
    }

    /** An analytic Gaussian that computes through a scratch buffer: only a copy per chain keeps it correct. */
    private static final class ScratchGaussian implements Target {
        final double[] scratch = new double[3];

        @Override
        public Target copy() {
            return new ScratchGaussian(); // the buffer must not be shared between threads
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[3]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            double lp = 0;
            for (int i = 0; i < 3; i++) {
                scratch[i] = theta[i] - i;
                Thread.onSpinWait(); // widens the window another thread would write into
                gradient[i] = -scratch[i];
                lp -= 0.5 * scratch[i] * scratch[i];
            }
            return lp;
        }
    }

    @Test
    void aTargetWithScratchBuffersSamplesInParallelAsInSequenceThroughItsCopies() {
        RunOptions options = RunOptions.seed(9).withChains(8);
        Samples parallel = RUNNER.run(new ScratchGaussian(), new double[3], TUNING, options.withThreads(4).withSamples(400, 0));
        Samples sequential = RUNNER.run(new ScratchGaussian(), new double[3], TUNING, options.withThreads(1).withSamples(400, 0));
        assertEquals(sequential.draws(), parallel.draws());
    }
}
