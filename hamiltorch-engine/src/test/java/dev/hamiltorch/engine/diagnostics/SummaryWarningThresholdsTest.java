package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The summary's warnings start exactly at issue 11's limits: R̂ &gt; 1.01, bulk or tail ESS &lt; 100 per chain,
 * E-BFMI &lt; 0.3. Each test sweeps a family of draw sets across its limit and checks, for every member, that
 * the warning is given exactly when the diagnostic the summary reports is past the limit; the sweep must put
 * members within a few per cent on both sides, so a limit moved by more than that fails.
 */
class SummaryWarningThresholdsTest {

    private static final int CHAINS = 4;
    private static final int DRAWS = 1000;

    /** 4 chains of an AR(1) series x_t = φ x_{t−1} + √(1 − φ²) z_t (unit variance) from one seed. */
    private static double[][] ar1(double phi, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[CHAINS][DRAWS];
        double scale = Math.sqrt(1 - phi * phi);
        for (double[] chain : x) {
            double v = rng.nextGaussian();
            for (int t = 0; t < DRAWS; t++) {
                v = phi * v + scale * rng.nextGaussian();
                chain[t] = v;
            }
        }
        return x;
    }

    /**
     * For each step of the sweep, the diagnostic {@code value} of the draw set and whether a warning starting
     * with {@code prefix} was given must agree with {@code past}; the values must come within {@code margin} of
     * the limit on both sides.
     */
    private static void assertWarnedExactlyPastTheLimit(double from, double to, int steps,
                                                        DoubleFunction<Summary> summaryAt,
                                                        java.util.function.ToDoubleFunction<Summary> value,
                                                        Predicate<Double> past, String prefix, double limit,
                                                        double margin) {
        boolean below = false;
        boolean above = false;
        List<Double> values = new java.util.ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            Summary s = summaryAt.apply(from + (to - from) * k / steps);
            double v = value.applyAsDouble(s);
            values.add(v);
            boolean warned = s.warnings().stream().anyMatch(w -> w.startsWith(prefix));
            assertEquals(past.test(v), warned, prefix + " at " + v + ": " + s.warnings());
            below |= v < limit && v > limit - margin;
            above |= v > limit && v < limit + margin;
        }
        assertTrue(below && above, "the sweep does not straddle " + limit + " within " + margin + ": " + values);
    }

    @Test
    void rhatIsFlaggedAboveOnePointZeroOne() {
        double[][] base = ar1(0, 1);
        assertWarnedExactlyPastTheLimit(0.25, 0.3, 20, shift -> {
            double[][] x = new double[CHAINS][];
            for (int c = 0; c < CHAINS; c++) {
                x[c] = base[c].clone();
            }
            for (int t = 0; t < DRAWS; t++) {
                x[0][t] += shift; // one chain off by `shift` sds
            }
            return Summary.of(List.of("theta"), List.<double[][]>of(x), Map.of(), 0);
        }, s -> s.row("theta").rhat(), v -> v > 1.01, "R-hat is above 1.01", 1.01, 0.002);
    }

    @Test
    void bulkAndTailEssAreFlaggedBelowOneHundredPerChain() {
        // the ESS of 4000 draws falls with φ through 400 = 100 × 4 chains: the bulk's near φ 0.82, the tail's
        // (of the 5 % and 95 % quantiles' indicators, less autocorrelated) near 0.9
        DoubleFunction<Summary> at = phi -> Summary.of(List.of("theta"), List.<double[][]>of(ar1(phi, 2)), Map.of(), 0);
        assertWarnedExactlyPastTheLimit(0.78, 0.86, 20, at, s -> s.row("theta").essBulk(), v -> v < 400,
                "bulk ESS is below 100 per chain (400)", 400, 15);
        assertWarnedExactlyPastTheLimit(0.87, 0.93, 20, at, s -> s.row("theta").essTail(), v -> v < 400,
                "tail ESS is below 100 per chain (400)", 400, 15);
    }

    @Test
    void ebfmiIsFlaggedBelowZeroPointThreeInAChain() {
        double[][] theta = ar1(0, 3);
        // E-BFMI of an AR(1) energy is about 2(1 − φ): φ from 0.83 to 0.87 goes through 0.3
        assertWarnedExactlyPastTheLimit(0.83, 0.87, 20, phi -> {
            double[][] energy = ar1(0, 4);
            energy[2] = ar1(phi, 5)[0];
            return Summary.of(List.of("theta"), List.<double[][]>of(theta), Map.of(Summary.ENERGY, energy), 0);
        }, s -> s.chainDiagnostics().stream().mapToDouble(ChainDiagnostics::ebfmi).min().orElseThrow(),
                v -> v < 0.3, "E-BFMI is below 0.3 in 1 of 4 chains (chain 3: ", 0.3, 0.01);
    }
}
