package dev.hamiltorch.examples.riemannian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.nuts.NutsKernel;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.workloads.Quartic;
import org.junit.jupiter.api.Test;

/**
 * Riemannian NUTS (the stretch goal): the NUTS kernel with a position-dependent metric and the implicit
 * integrator, unchanged — the U-turn criterion uses the metric's velocity G(θ)⁻¹p and every state's
 * weight its full H. On the quartic log π = Σ −xᵢ⁴/4 − xᵢ²/2, whose Hessian changes with θ, E[xᵢ²] is
 * known exactly ({@link Quartic#EXACT_VARIANCE}); over three seeds with the Hessian and SoftAbs metrics
 * it must lie within 4 MCSE.
 */
class RiemannianNutsTest {

    @Test
    void quarticSecondMomentWithTheHessianAndSoftAbsMetrics() {
        Quartic quartic = new Quartic(2);
        for (String metric : new String[] {"hessian", "softabs"}) {
            for (long seed = 1; seed <= 3; seed++) {
                var run = Hamiltorch.sample(quartic.target()).paramsInit(quartic.initialPosition())
                        .sampler(Sampler.NUTS).metric(metric).integrator("implicit")
                        .fixedPointThreshold(1e-10).stepSize(0.3).adaptStepSize(false).numSamples(700).burn(100).chains(2)
                        .seed(seed)
                        .verbose(false);
                // α is SoftAbs's option only: the Hessian metric refuses it
                Samples s = (metric.equals("softabs") ? run.softabsConst(1) : run).run();
                assertEquals(0L, s.eventCounts().get(Event.NON_SPD_METRIC));
                for (int i = 0; i < 2; i++) {
                    double[][] squares = new double[2][];
                    for (int c = 0; c < 2; c++) {
                        squares[c] = s.chain(c).parameter(i).clone();
                        for (int k = 0; k < squares[c].length; k++) {
                            squares[c][k] *= squares[c][k];
                        }
                    }
                    double m = (mean(squares[0]) + mean(squares[1])) / 2;
                    double mcse = ConvergenceDiagnostics.mcseMean(squares);
                    assertTrue(Math.abs(m - Quartic.EXACT_VARIANCE) <= 4 * mcse, String.format(
                            "%s, seed %d, x%d: E[x²] %.4f vs %.4f, MCSE %.4f", metric, seed, i, m,
                            Quartic.EXACT_VARIANCE, mcse));
                }
                ChainSamples c = s.chain(0);
                assertTrue(c.statisticNames().contains(NutsKernel.TREE_DEPTH));
            }
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
