package dev.hamiltorch.engine.autodiff;

import static dev.hamiltorch.engine.autodiff.DerivativeCheck.namedN;
import static dev.hamiltorch.engine.autodiff.DerivativeCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused normal log density: first and second derivatives in x, μ and σ against finite
 * differences, and values and gradients bit for bit those of the chain of operations it replaces.
 */
class FusedDensitiesTest {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    /** Shapes of (x, μ, σ): equal, scalar parameters, and broadcasting both ways. */
    private static final int[][][] SHAPES = {
        {{3}, {3}, {3}}, {{3}, {}, {}}, {{2, 3}, {3}, {}}, {{3}, {2, 1}, {3}}, {{}, {3}, {2, 1}}, {{2, 1}, {}, {1, 3}}};

    static Stream<Named<DerivativeCheck.Case>> cases() {
        List<Named<DerivativeCheck.Case>> cases = new ArrayList<>();
        long seed = 700;
        for (int[][] s : SHAPES) {
            double[] x = uniform(seed++, Broadcasting.size(s[0]), -2, 2);
            double[] loc = uniform(seed++, Broadcasting.size(s[1]), -1, 1);
            double[] scale = uniform(seed++, Broadcasting.size(s[2]), 0.5, 2);
            String name = Arrays.toString(s[0]) + ", " + Arrays.toString(s[1]) + ", " + Arrays.toString(s[2]);
            cases.add(namedN("normal(x, μ, σ) " + name, s, new double[][] {x, loc, scale},
                    in -> FusedDensities.normalLogProb(in[0], in[1], in[2], null)));
            Tensor constLoc = Tensor.of(loc, s[1]);
            Tensor constScale = Tensor.of(scale, s[2]);
            Tensor constLogScale = constScale.log();
            Tensor constX = Tensor.of(x, s[0]);
            cases.add(namedN("normal(x; constant μ, σ, precomputed log σ) " + name, new int[][] {s[0]},
                    new double[][] {x}, in -> FusedDensities.normalLogProb(in[0], constLoc, constScale, constLogScale)));
            cases.add(namedN("normal(constant x; μ, σ) " + name, new int[][] {s[1], s[2]},
                    new double[][] {loc, scale}, in -> FusedDensities.normalLogProb(constX, in[0], in[1], null)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientAndHessianMatchFiniteDifferences(DerivativeCheck.Case c) {
        DerivativeCheck.check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void valueAndGradientsAreThoseOfTheChainBitForBit(int[][] s) {
        double[] x = uniform(1, Broadcasting.size(s[0]), -2, 2);
        double[] loc = uniform(2, Broadcasting.size(s[1]), -1, 1);
        double[] scale = uniform(3, Broadcasting.size(s[2]), 0.5, 2);
        Tensor[] in = {JvmTensor.variable(x, s[0]), JvmTensor.variable(loc, s[1]), JvmTensor.variable(scale, s[2])};
        Tensor fused = DerivativeCheck.probe(FusedDensities.normalLogProb(in[0], in[1], in[2], null));
        Tensor chain = DerivativeCheck.probe(
                in[0].sub(in[1]).div(in[2]).square().mul(-0.5).sub(in[2].log()).sub(HALF_LOG_TWO_PI));
        assertEquals(Double.doubleToRawLongBits(chain.item()), Double.doubleToRawLongBits(fused.item()), "value");
        for (boolean createGraph : new boolean[] {false, true}) {
            Tensor[] gf = Autodiff.grad(fused, in, createGraph);
            Tensor[] gc = Autodiff.grad(chain, in, createGraph);
            for (int p = 0; p < 3; p++) {
                assertArrayEquals(gc[p].toArray(), gf[p].toArray(), "gradient " + p + ", createGraph " + createGraph);
            }
        }
    }

    static Stream<int[][]> shapes() {
        return Arrays.stream(SHAPES);
    }

    /** θ = (x₁, x₂, μ, log σ): third derivatives through the fused rule equal the chain's. */
    @Test
    void thirdDerivativesAreThoseOfTheChain() {
        LogDensity fused = t -> FusedDensities.normalLogProb(t.slice(0, 0, 2), t.index(2), t.index(3).exp(), null)
                .sum();
        LogDensity chain = t -> {
            Tensor scale = t.index(3).exp();
            return t.slice(0, 0, 2).sub(t.index(2)).div(scale).square().mul(-0.5).sub(scale.log())
                    .sub(HALF_LOG_TWO_PI).sum();
        };
        double[] theta = {0.7, -1.3, 0.2, -0.4};
        double[][][] tf = new AutodiffTarget(fused, 4).thirdDerivatives(theta);
        double[][][] tc = new AutodiffTarget(chain, 4).thirdDerivatives(theta);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                DerivativeCheck.assertClose("T[" + i + "][" + j + "]", tc[i][j], tf[i][j], 1e-12);
            }
        }
    }
}
