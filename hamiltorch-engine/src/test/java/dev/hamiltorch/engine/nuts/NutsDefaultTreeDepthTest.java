package dev.hamiltorch.engine.nuts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NUTS's maximum tree depth is 10 unless set, as Stan's and issue 11's: at most 1023 steps a transition. */
class NutsDefaultTreeDepthTest {

    @Test
    void withoutMaxTreeDepthEveryTreeStopsAtDepthTen() {
        // ε 10⁻³ on N(0, 1): a U-turn needs about π/ε ≈ 3000 steps, far past 2¹⁰ − 1
        Samples s = Hamiltorch.sample(GaussianTarget.independent(new double[] {0}, 1)).paramsInit(0.5)
                .sampler(Sampler.NUTS).stepSize(1e-3).adaptStepSize(false).adaptMetric("none").numSamples(4)
                .seed(1).verbose(false).run();
        ChainSamples c = s.chain(0);
        double[] ten = new double[4];
        Arrays.fill(ten, 10);
        assertArrayEquals(ten, c.statistic(NutsKernel.TREE_DEPTH));
        double[] steps = new double[4];
        Arrays.fill(steps, 1023);
        assertArrayEquals(steps, c.statistic(ChainSamples.STEPS));
        assertEquals(4, s.summary().chainDiagnostics().get(0).treeDepthHits(), "each hit the default maximum");
    }
}
