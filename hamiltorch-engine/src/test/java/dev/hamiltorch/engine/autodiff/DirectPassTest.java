package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backward pass without a graph (arrays, {@link Backward#accumulate}) gives the same bits as the
 * recorded pass ({@link Backward#apply}) for every operation of the derivative tests, on first
 * derivatives and on the rows of Hessians (which run it over recorded backward graphs).
 */
class DirectPassTest {

    static Stream<Named<DerivativeCheck.Case>> cases() {
        return Stream.of(ElementwiseDerivativeTest.cases(), ReductionDerivativeTest.cases(),
                ShapeOpsDerivativeTest.cases(), LinearAlgebraDerivativeTest.cases(), FusedDensitiesTest.cases())
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void directPassMatchesRecordedPassBitForBit(DerivativeCheck.Case c) {
        Tensor[] in = variables(c);
        Tensor y = c.f().apply(in);
        Tensor[] direct = Autodiff.grad(y, in, false);
        Tensor[] recorded = Autodiff.grad(y, in, true);
        for (int p = 0; p < in.length; p++) {
            assertArrayEquals(recorded[p].toArray(), direct[p].toArray(), "gradient of input " + p);
            for (int i = 0; i < in[p].size(); i++) {
                double[] e = new double[in[p].size()];
                e[i] = 1.0;
                Tensor seed = Tensor.of(e, in[p].shape());
                Tensor[] rowDirect = Autodiff.grad(recorded[p], seed, in, false);
                Tensor[] rowRecorded = Autodiff.grad(recorded[p], seed, in, true);
                for (int q = 0; q < in.length; q++) {
                    assertArrayEquals(rowRecorded[q].toArray(), rowDirect[q].toArray(),
                            "Hessian row (" + p + ", " + i + "), input " + q);
                }
            }
        }
    }

    private static Tensor[] variables(DerivativeCheck.Case c) {
        Tensor[] in = new Tensor[c.shapes().length];
        for (int p = 0; p < in.length; p++) {
            in[p] = JvmTensor.variable(Arrays.copyOf(c.values()[p], c.values()[p].length), c.shapes()[p]);
        }
        return in;
    }
}
