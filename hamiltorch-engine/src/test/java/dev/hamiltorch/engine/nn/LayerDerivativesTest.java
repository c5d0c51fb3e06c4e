package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer's first, second and third derivatives with respect to its parameters and its input
 * together, against central finite differences in double precision (see {@link Derivatives}): what
 * RMHMC needs of a network on JVM storage.
 */
class LayerDerivativesTest {

    static List<Arguments> layers() {
        return List.of(
                Arguments.of("Linear(3, 2)", Linear.of(3, 2), new int[] {4, 3}),
                Arguments.of("Linear(3, 2) without bias on a rank-3 input", Linear.of(3, 2, false), new int[] {2, 2, 3}),
                Arguments.of("Conv2d(2, 3, 3, stride 2, padding 1)", Conv2d.of(2, 3, 3, 2, 1), new int[] {2, 2, 5, 4}),
                Arguments.of("Conv2d(1, 2) 2×3 kernel, stride 1×2, padding 1×0, no bias",
                        Conv2d.of(1, 2, new SlidingWindow(2, 3, 1, 2, 1, 0), false), new int[] {1, 1, 4, 5}),
                Arguments.of("MaxPool2d(2)", MaxPool2d.of(2), new int[] {2, 2, 4, 4}),
                Arguments.of("MaxPool2d(3, stride 2, padding 1)", MaxPool2d.of(3, 2, 1), new int[] {1, 2, 5, 5}),
                Arguments.of("AvgPool2d(2)", AvgPool2d.of(2), new int[] {2, 2, 4, 4}),
                Arguments.of("AvgPool2d(3, stride 2, padding 1)", AvgPool2d.of(3, 2, 1), new int[] {1, 2, 5, 5}),
                Arguments.of("ReLU", ReLU.of(), new int[] {3, 4}),
                Arguments.of("Tanh", Tanh.of(), new int[] {3, 4}),
                Arguments.of("Sigmoid", Sigmoid.of(), new int[] {3, 4}),
                Arguments.of("Softplus", Softplus.of(), new int[] {3, 4}),
                Arguments.of("LogSoftmax (last axis)", LogSoftmax.of(), new int[] {3, 4}),
                Arguments.of("LogSoftmax(0)", LogSoftmax.of(0), new int[] {3, 4}),
                Arguments.of("Flatten", Flatten.of(), new int[] {2, 2, 2, 3}),
                Arguments.of("a small CNN: Conv2d, MaxPool2d, ReLU, Flatten, Linear, LogSoftmax",
                        Sequential.of(Conv2d.of(1, 2, 3), MaxPool2d.of(2), ReLU.of(), Flatten.of(), Linear.of(8, 3),
                                LogSoftmax.of()), new int[] {2, 1, 6, 6}),
                Arguments.of("an MLP: Linear, Tanh, Linear, Sigmoid, Linear, Softplus",
                        Sequential.of(Linear.of(3, 4), Tanh.of(), Linear.of(4, 3), Sigmoid.of(), Linear.of(3, 2),
                                Softplus.of()), new int[] {2, 3}),
                Arguments.of("a recurrent cell written by hand, then Linear",
                        Sequential.of(new ElmanCell(2, 3), Linear.of(3, 2)), new int[] {2, 4, 2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void derivativesUpToThirdOrderMatchFiniteDifferences(String name, Module module, int[] inputShape) {
        int d = module.parameterCount();
        int n = Tensor.zeros(inputShape).size();
        // parameters at twice their initial scale, inputs on [−2, 2): well inside every nonlinearity
        double[] theta = module.initialParameters(11).mul(2.0).toArray();
        double[] x = Derivatives.uniform(12, n, -2, 2);
        double[] z = new double[d + n];
        System.arraycopy(theta, 0, z, 0, d);
        System.arraycopy(x, 0, z, d, n);
        Function<Tensor, Tensor> f = v -> Derivatives.probe(
                module.forward(v.slice(0, 0, d), v.slice(0, d, d + n).reshape(inputShape)));
        Derivatives.check(name, f, z);
    }
}
