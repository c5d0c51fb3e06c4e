package dev.hamiltorch.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stansummary-like {@link Summary}: rows, per-chain sampler diagnostics, warnings, text. */
class SummaryTest {

    /** The first {@code n} draws of each chain of a committed draw set. */
    private static double[][] first(String set, int n) {
        double[][] x = PosteriorReferenceTest.read(set + ".csv");
        double[][] cut = new double[x.length][];
        for (int c = 0; c < x.length; c++) {
            cut[c] = Arrays.copyOf(x[c], n);
        }
        return cut;
    }

    @Test
    void wellMixedChainsGiveNoWarnings() {
        double[][] normal = first("normal", 200);
        Summary s = Summary.of(List.of("mu"), List.<double[][]>of(normal), Map.of(), 0);
        assertEquals(List.of(), s.warnings());
        assertEquals(4, s.chains());
        assertEquals(200, s.drawsPerChain());
        assertEquals(SummaryRow.of("mu", normal), s.row("mu"));
        for (ChainDiagnostics c : s.chainDiagnostics()) {
            assertEquals(0, c.divergences());
            assertTrue(Double.isNaN(c.ebfmi()), "no energy column: E-BFMI undefined");
            assertEquals(-1, c.treeDepthHits(), "no tree depth column");
        }
    }

    @Test
    void flagsRhatEssUndefinedDiagnosticsDivergencesEbfmiAndTreeDepth() {
        double[][] shifted = first("shifted", 100);
        double[][] normal = first("normal", 100);
        double[][] constant = {new double[100], new double[100], new double[100], new double[100]};
        double[][] divergent = new double[4][100];
        divergent[1][10] = 1;
        divergent[1][50] = 1;
        double[][] energy = first("normal", 100);
        for (int i = 0; i < 100; i++) {
            energy[2][i] = Math.sin(i / 10.0); // a slow drift: E-BFMI about 0.01
        }
        double[][] treeDepth = new double[4][100];
        for (double[] chain : treeDepth) {
            Arrays.fill(chain, 2);
        }
        treeDepth[3][0] = 3;
        treeDepth[3][1] = 3;
        treeDepth[0][7] = 3;
        Map<String, double[][]> sampler = new LinkedHashMap<>();
        sampler.put(Summary.DIVERGENT, divergent);
        sampler.put(Summary.TREE_DEPTH, treeDepth);
        sampler.put(Summary.ENERGY, energy);
        Summary s = Summary.of(List.of("good", "stuck", "flat"), List.of(normal, shifted, constant), sampler, 3);

        double ebfmi2 = ConvergenceDiagnostics.ebfmi(energy[2]);
        assertTrue(ebfmi2 < Summary.EBFMI_LIMIT, "the drifting energies' E-BFMI " + ebfmi2);
        assertEquals(List.of(new ChainDiagnostics(0, 100, 0, ConvergenceDiagnostics.ebfmi(energy[0]), 1),
                new ChainDiagnostics(1, 100, 2, ConvergenceDiagnostics.ebfmi(energy[1]), 0),
                new ChainDiagnostics(2, 100, 0, ebfmi2, 0),
                new ChainDiagnostics(3, 100, 0, ConvergenceDiagnostics.ebfmi(energy[3]), 2)), s.chainDiagnostics());
        assertEquals(2, s.divergences());
        assertEquals(List.of(Summary.DIVERGENT, Summary.TREE_DEPTH, Summary.ENERGY),
                s.samplerRows().stream().map(SummaryRow::name).toList());

        List<String> w = s.warnings();
        assertEquals(7, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("R-hat or ESS is undefined for 1 of 3 parameters (flat)"), w.get(0));
        String rhat = Summary.significant(s.row("stuck").rhat());
        assertTrue(w.get(1).startsWith("R-hat is above 1.01 for 1 of 3 parameters (stuck " + rhat + ")"), w.get(1));
        // 400 iid draws have a bulk ESS near 400, so "good" (394 here) is flagged as well
        assertTrue(w.get(2).startsWith("bulk ESS is below 100 per chain (400) for 2 of 3 parameters (good "
                + Summary.significant(s.row("good").essBulk()) + ", stuck "
                + Summary.significant(s.row("stuck").essBulk()) + ")"), w.get(2));
        assertTrue(w.get(3).startsWith("tail ESS is below 100 per chain (400) for "), w.get(3));
        assertTrue(w.get(4).startsWith("2 of 400 kept transitions diverged (chain 1: 0, chain 2: 2, chain 3: 0,"
                + " chain 4: 0)"), w.get(4));
        assertTrue(w.get(5).startsWith("E-BFMI is below 0.3 in 1 of 4 chains (chain 3: "), w.get(5));
        assertTrue(w.get(6).startsWith("3 of 400 kept transitions hit the maximum tree depth 3 (chain 1: 1,"
                + " chain 2: 0, chain 3: 0, chain 4: 2)"), w.get(6));
        assertTrue(s.toText().contains("Warning: " + w.get(6)), s.toText());
        // without the run's maximum depth nothing is counted against a guessed one
        Summary unknownDepth = Summary.of(List.of("good"), List.<double[][]>of(normal), sampler, 0);
        assertTrue(unknownDepth.chainDiagnostics().stream().allMatch(c -> c.treeDepthHits() == -1));
    }

    @Test
    void theTextIsAStansummaryTable() {
        double[][] normal = first("normal", 200);
        Summary s = Summary.of(List.of("mu"), List.<double[][]>of(normal), Map.of(Summary.LOG_DENSITY, normal), 0);
        List<String> lines = s.toText().lines().toList();
        assertEquals("4 chains, 200 kept draws each", lines.get(0));
        assertEquals(List.of("Mean", "MCSE", "StdDev", "5%", "50%", "95%", "ESS_bulk", "ESS_tail", "R_hat"),
                List.of(lines.get(2).trim().split(" +")));
        SummaryRow mu = s.row("mu");
        List<String> row = List.of(lines.get(5).split(" +"));
        assertEquals(List.of("mu", Summary.significant(mu.mean()), Summary.significant(mu.mcse()),
                Summary.significant(mu.sd()), Summary.significant(mu.q05()), Summary.significant(mu.q50()),
                Summary.significant(mu.q95()), String.valueOf(Math.round(mu.essBulk())),
                String.valueOf(Math.round(mu.essTail())), String.format(java.util.Locale.ROOT, "%.3f", mu.rhat())), row);
        assertTrue(lines.get(3).startsWith("lp__ "), lines.get(3));
        assertEquals(s.toText(), s.toString());
    }

    @Test
    void significantDigits() {
        assertEquals("1.23", Summary.significant(1.2345));
        assertEquals("-0.0123", Summary.significant(-0.012345));
        assertEquals("123", Summary.significant(123.45));
        assertEquals("1.23e+05", Summary.significant(123456));
        assertEquals("0", Summary.significant(0));
        assertEquals("nan", Summary.significant(Double.NaN));
        assertEquals("-inf", Summary.significant(Double.NEGATIVE_INFINITY));
    }

    @Test
    void refusesDrawsOfDifferentShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of("a", "b"),
                List.of(new double[2][5], new double[2][4]), Map.of(), 0));
        assertTrue(e.getMessage().startsWith("b: a chain of 4 draws, expected 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of("a"), List.of(), Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(List.of(), List.of(), Map.of(), 0));
    }

    /** R: sd(rep(0.2, 4000)) is 0 and mean(rep(0.2, 4000)) is 0.2, though a plain sum drifts by ulps. */
    @Test
    void equalDrawsHaveTheirValueAsMeanAndNoSpread() {
        double[][] constant = new double[4][1000];
        for (double[] chain : constant) {
            java.util.Arrays.fill(chain, 0.2);
        }
        SummaryRow row = SummaryRow.of("stepsize__", constant);
        assertEquals(0.2, row.mean());
        assertEquals(0.0, row.sd());
        assertEquals(0.2, row.q05());
    }
}
