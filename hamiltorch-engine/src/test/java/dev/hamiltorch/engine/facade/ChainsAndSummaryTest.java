package dev.hamiltorch.engine.facade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.diagnostics.Summary;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several chains through the facade: starts (random, per chain), pool sizes, and {@code summary()}. */
class ChainsAndSummaryTest {

    private static final LogDensity GAUSSIAN_3D =
            x -> Normal.of(Tensor.of(1, 2, 3), Tensor.of(.5, .5, .5)).logProb(x).sum();

    /** ε 0.2 × L 4 turns the phase of this Gaussian (sd 0.5, ω = 2) by 1.6 rad per trajectory: good mixing. */
    private static SampleBuilder fourChains() {
        return Hamiltorch.sample(GAUSSIAN_3D).randomInit(3).chains(4).numSamples(1100).burn(100).stepSize(0.2)
                .numStepsPerSample(4).seed(1).verbose(false);
    }

    /**
     * ε 0.3 × L 5 turns it by 3 rad, near π: each trajectory nearly reflects the state, the energy
     * hardly changes between iterations and the chains mix badly. The summary must say so.
     */
    @Test
    void aNearlyPeriodicTrajectoryIsFlaggedByRhatTailEssAndEbfmi() {
        Summary summary = fourChains().stepSize(0.3).numStepsPerSample(5).run().summary();
        List<String> w = summary.warnings();
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("R-hat is above 1.01 for 3 of 3 parameters"), w.get(0));
        assertTrue(w.get(1).startsWith("tail ESS is below 100 per chain (400)"), w.get(1));
        assertTrue(w.get(2).startsWith("E-BFMI is below 0.3 in "), w.get(2));
        assertTrue(summary.toText().contains("Warning: R-hat is above 1.01"), summary.toText());
    }

    @Test
    void fourChainsFromRandomStartsGiveACleanSummaryWhateverThePoolSize() {
        Samples s = fourChains().threads(4).run();
        Samples sequential = fourChains().threads(1).run();
        for (int c = 0; c < 4; c++) {
            assertArrayEquals(sequential.chain(c).draws().toArray(), s.chain(c).draws().toArray(), "chain " + c);
            assertArrayEquals(sequential.chain(c).logDensity(), s.chain(c).logDensity(), "chain " + c);
        }
        Summary summary = s.summary();
        assertEquals(List.of(), summary.warnings(), summary.toText());
        assertEquals(4, summary.chains());
        assertEquals(1000, summary.drawsPerChain());
        assertEquals(List.of("theta[0]", "theta[1]", "theta[2]"),
                summary.parameterRows().stream().map(r -> r.name()).toList());
        assertEquals(List.of("lp__", "accept_stat__", "n_leapfrog__", "divergent__", "energy__"),
                summary.samplerRows().stream().map(r -> r.name()).toList());
        for (int i = 0; i < 3; i++) {
            var row = summary.parameterRows().get(i);
            assertEquals(s.diagnostics(i), row.diagnostics());
            // the mean within 4.5 MCSE of the truth, its MCSE that of posterior's estimator
            assertTrue(Math.abs(row.mean() - (i + 1)) < 4.5 * row.mcse(), row.toString());
        }
        // the first iteration of each chain starts at its own random point
        assertFalse(s.chain(0).logDensity()[0] == s.chain(1).logDensity()[0]);
    }

    @Test
    void oneStartPerChainAndRandomStartsAreChecked() {
        Samples s = Hamiltorch.sample(GAUSSIAN_3D).paramsInitPerChain(List.of(new double[] {1, 2, 3},
                new double[] {0, 0, 0})).chains(2).numSamples(1).stepSize(1e-4).numStepsPerSample(1).verbose(false)
                .run();
        assertArrayEquals(new double[] {1, 2, 3}, s.chain(0).draw(0), 1e-2);
        assertArrayEquals(new double[] {0, 0, 0}, s.chain(1).draw(0), 1e-2);
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> Hamiltorch
                .sample(GAUSSIAN_3D).paramsInitPerChain(List.of(new double[3], new double[3])).chains(3).verbose(false)
                .run());
        assertTrue(count.getMessage().contains("2 given for 3 chains"), count.getMessage());
        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class, () -> Hamiltorch
                .sample(GAUSSIAN_3D).randomInit(0).run());
        assertTrue(dimension.getMessage().startsWith("dimension = 0"), dimension.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Hamiltorch
                .sample(GAUSSIAN_3D).verbose(false).run());
        assertTrue(none.getMessage().contains("randomInit"), none.getMessage());
    }

    /** A target knows its dimension: without paramsInit its chains start at Stan's random points. */
    @Test
    void aTargetWithoutInitialValuesStartsAtRandomPointsInTheBox() {
        dev.hamiltorch.api.Target normal = dev.hamiltorch.engine.testsupport.GaussianTarget.independent(
                new double[] {0, 0}, 1, 1);
        Samples s = Hamiltorch.sample(normal).chains(3).numSamples(1).stepSize(1e-6).numStepsPerSample(1).seed(4)
                .verbose(false).run();
        for (int c = 0; c < 3; c++) {
            double[] start = s.chain(c).draw(0); // one step of 1e-6 from the start
            assertTrue(Math.abs(start[0]) < 2 && Math.abs(start[1]) < 2, java.util.Arrays.toString(start));
            if (c > 0) {
                assertFalse(start[0] == s.chain(0).draw(0)[0]);
            }
        }
    }
}
