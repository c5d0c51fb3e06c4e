package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    private static ChainSamples chain(int index, int burn, double[][] kept, boolean[] accepted) {
        int n = accepted.length;
        EnumMap<Event, Long> events = new EnumMap<>(Event.class);
        for (Event e : Event.values()) {
            events.put(e, 0L);
        }
        events.put(Event.DIVERGENT, (long) index + 1);
        int d = kept[0].length;
        double[] flat = new double[kept.length * d];
        for (int k = 0; k < kept.length; k++) {
            System.arraycopy(kept[k], 0, flat, k * d, d);
        }
        double[][] statistics = new double[ChainSamples.COMMON_STATISTICS.size()][n];
        for (int i = 0; i < n; i++) {
            statistics[ChainSamples.COMMON_STATISTICS.indexOf(ChainSamples.ACCEPTED)][i] = accepted[i] ? 1 : 0;
        }
        return new ChainSamples(index, burn, Draws.of(d, flat, kept.length), ChainSamples.COMMON_STATISTICS,
                statistics, events, 10 * (index + 1), 0.5);
    }

    private static Provenance provenance(int d, int numSamples, int burn) {
        return new Provenance("hmc", "euclidean", "leapfrog", numSamples, burn, StepParameters.DEFAULTS,
                PluginOptions.defaults(), 1, 2, Provenance.defaultParameterNames(d), "test");
    }

    /** Chain 0 keeps θ₀ = 1..5, chain 1 keeps 6..10, so pooled θ₀ = 1..10 and θ₁ = −θ₀. */
    private static Samples twoChains() {
        double[][] a = new double[5][];
        double[][] b = new double[5][];
        for (int k = 0; k < 5; k++) {
            a[k] = new double[] {k + 1, -(k + 1)};
            b[k] = new double[] {k + 6, -(k + 6)};
        }
        ChainSamples c0 = chain(0, 2, a, new boolean[] {false, false, true, false, false, true, true});
        ChainSamples c1 = chain(1, 2, b, new boolean[] {true, true, true, true, true, true, false});
        return new Samples(List.of(c0, c1), 7, 2, provenance(2, 7, 2), 1.25);
    }

    @Test
    void poolsDrawsOverChainsInOrder() {
        Samples s = twoChains();
        assertEquals(10, s.keptCount());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, s.parameter(0));
        assertArrayEquals(new double[] {6, -6}, s.draws().row(5));
        assertEquals(-6.0, s.draws().get(5, 1), 0.0);
        assertArrayEquals(new double[] {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10}, s.draws().column(1));
        assertEquals(s.draws(), twoChains().draws());
        assertArrayEquals(new double[] {6, 7, 8, 9, 10}, s.chain(1).parameter(0));
        assertTrue(s.isComplete());
    }

    /** R: mean(1:10) = 5.5, sd(1:10) = 3.02765…, quantile(1:10, c(.05,.25,.5,.75,.95)) = 1.45 3.25 5.5 7.75 9.55. */
    @Test
    void summarisesEachParameterLikeR() {
        ParameterSummary p = twoChains().summary(0);
        assertEquals(5.5, p.mean(), 1e-15);
        assertEquals(Math.sqrt(82.5 / 9), p.sd(), 1e-15);
        assertEquals(1.45, p.q05(), 1e-12);
        assertEquals(3.25, p.q25(), 1e-12);
        assertEquals(5.5, p.q50(), 1e-12);
        assertEquals(7.75, p.q75(), 1e-12);
        assertEquals(9.55, p.q95(), 1e-12);
        ParameterSummary q = twoChains().parameterSummaries().get(1);
        assertEquals(-5.5, q.mean(), 1e-15);
        assertEquals(-9.55, q.q05(), 1e-12);
        assertEquals("theta[1]", q.name());
        assertTrue(Double.isNaN(ParameterSummary.of(0, "x", new double[0]).mean()));
        assertTrue(Double.isNaN(ParameterSummary.of(0, "x", new double[] {1.0}).sd()));
    }

    /**
     * posterior 1.4.0: x <- matrix(as.numeric(1:10), ncol = 2); rhat(x) and rhat(-x) = 2.9994207791566865
     * (sprintf("%.17g")); ess_bulk, ess_tail and mcse_mean are NA because split chains of 2 draws are too
     * short for ESS.
     */
    @Test
    void diagnosesTheChainsAsChains() {
        ParameterDiagnostics d = twoChains().diagnostics(0);
        assertEquals(2.9994207791566865, d.rhat(), 1e-12);
        assertTrue(Double.isNaN(d.essBulk()));
        assertTrue(Double.isNaN(d.essTail()));
        assertTrue(Double.isNaN(d.mcseMean()));
        assertEquals(2, twoChains().diagnostics().size());
        assertEquals(d.rhat(), twoChains().diagnostics().get(1).rhat(), 1e-12);
    }

    @Test
    void diagnosesChainsCutShortOnTheirCommonLength() {
        double[][] a = new double[8][];
        double[][] b = new double[6][];
        for (int k = 0; k < 8; k++) {
            a[k] = new double[] {Math.sin(k)};
            if (k < 6) {
                b[k] = new double[] {Math.cos(3 * k)};
            }
        }
        Samples s = new Samples(List.of(chain(0, 0, a, new boolean[8]), chain(1, 0, b, new boolean[6])), 8, 0,
                provenance(1, 8, 0), 1);
        double[][] common = {{Math.sin(0), Math.sin(1), Math.sin(2), Math.sin(3), Math.sin(4), Math.sin(5)},
            {Math.cos(0), Math.cos(3), Math.cos(6), Math.cos(9), Math.cos(12), Math.cos(15)}};
        assertEquals(ConvergenceDiagnostics.of(common), s.diagnostics(0));
    }

    @Test
    void addsUpEventsGradientsAndKeptAcceptance() {
        Samples s = twoChains();
        assertEquals(3L, s.eventCounts().get(Event.DIVERGENT));
        assertEquals(0L, s.eventCounts().get(Event.NON_SPD_METRIC));
        assertEquals(30, s.gradientEvaluations());
        // kept iterations 2..6 (burn-in ignored): chain 0 accepts 3 of 5, chain 1 4 of 5
        assertEquals(3.0 / 5, s.chain(0).acceptanceRate(), 1e-15);
        assertEquals(4.0 / 5, s.chain(1).acceptanceRate(), 1e-15);
        assertEquals(7.0 / 10, s.acceptanceRate(), 1e-15);
        assertEquals(1.25, s.wallTimeSeconds());
    }

    @Test
    void printsASmallTable() {
        String table = twoChains().toString();
        assertTrue(table.contains("2 chains × 7 iterations (burn 2), 10 kept draws, D = 2"), table);
        assertTrue(table.contains("Acceptance Rate 0.700"), table);
        assertTrue(table.contains("divergent 3"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("theta[0]") && l.contains("5.5") && l.contains("9.55")),
                table);
        assertEquals(6, table.lines().count(), table);
    }

    /**
     * summary(): the sampler columns in stansummary's order under Stan's names, from the kept iterations
     * only, and the tree depth counted against the sampler's maxTreeDepth option.
     */
    @Test
    void summaryTakesTheKeptIterationsOfEverySamplerColumnUnderStansNames() {
        int burn = 3;
        int n = 11;
        List<String> names = new java.util.ArrayList<>(ChainSamples.COMMON_STATISTICS);
        names.add("treedepth");
        names.add("custom");
        List<ChainSamples> chains = new java.util.ArrayList<>();
        double[][][] expectedEnergy = new double[2][][];
        for (int c = 0; c < 2; c++) {
            double[][] statistics = new double[names.size()][n];
            for (int i = 0; i < n; i++) {
                statistics[names.indexOf(ChainSamples.LOG_DENSITY)][i] = -i - c;
                statistics[names.indexOf(ChainSamples.ENERGY)][i] = Math.sin(i + 3 * c);
                statistics[names.indexOf(ChainSamples.DIVERGENT)][i] = i == 1 || i == 4 + c ? 1 : 0; // i = 1 is burn-in
                statistics[names.indexOf("treedepth")][i] = i % 4;
                statistics[names.indexOf("custom")][i] = i * i;
            }
            double[] flat = new double[n - burn];
            for (int k = 0; k < flat.length; k++) {
                flat[k] = Math.cos(k * (c + 1));
            }
            EnumMap<Event, Long> events = new EnumMap<>(Event.class);
            for (Event e : Event.values()) {
                events.put(e, 0L);
            }
            chains.add(new ChainSamples(c, burn, Draws.of(1, flat, flat.length), names, statistics, events, 0, 0));
        }
        // the run's tuning holds NUTS's maxTreeDepth (Nuts.initialParameters puts the option there)
        Provenance run = new Provenance("nuts", "euclidean", "leapfrog", n, burn,
                StepParameters.DEFAULTS.withMaxTreeDepth(3), PluginOptions.defaults(), 1, 2, List.of("mu"), "test");
        dev.hamiltorch.engine.diagnostics.Summary summary = new Samples(chains, n, burn, run, 1).summary();

        assertEquals(List.of("lp__", "accept_stat__", "treedepth__", "n_leapfrog__", "divergent__", "energy__",
                "custom__"), summary.samplerRows().stream().map(r -> r.name()).toList());
        double[][] energy = new double[2][];
        double[][] mu = new double[2][];
        for (int c = 0; c < 2; c++) {
            energy[c] = java.util.Arrays.copyOfRange(chains.get(c).energy(), burn, n);
            mu[c] = chains.get(c).parameter(0);
        }
        assertEquals(dev.hamiltorch.engine.diagnostics.SummaryRow.of("energy__", energy), summary.row("energy__"));
        assertEquals(dev.hamiltorch.engine.diagnostics.SummaryRow.of("mu", mu), summary.row("mu"));
        assertEquals(3, summary.maxTreeDepth());
        for (int c = 0; c < 2; c++) {
            var d = summary.chainDiagnostics().get(c);
            assertEquals(1, d.divergences(), "the burn-in divergence is not counted");
            assertEquals(ConvergenceDiagnostics.ebfmi(energy[c]), d.ebfmi());
            assertEquals(2, d.treeDepthHits(), "i = 3 and 7 of the kept 3..10 reach depth 3");
        }
    }
}
