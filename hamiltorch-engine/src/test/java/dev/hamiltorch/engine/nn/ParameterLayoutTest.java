package dev.hamiltorch.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** θ's layout: the blocks' names, shapes and order, and which tensor each position of θ lands in. */
class ParameterLayoutTest {

    /** The CNN of hamiltorch's MNIST introduction. */
    static Sequential mnistCnn() {
        return Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), ReLU.of(), Conv2d.of(20, 50, 5), MaxPool2d.of(2),
                ReLU.of(), Flatten.of(), Linear.of(800, 500), ReLU.of(), Linear.of(500, 10));
    }

    @Test
    void theMnistCnnHas431080ParametersInPyTorchsOrderAndNames() {
        Sequential net = mnistCnn();
        assertEquals(List.of(new ParameterBlock("0.weight", new int[] {20, 1, 5, 5}),
                new ParameterBlock("0.bias", new int[] {20}),
                new ParameterBlock("3.weight", new int[] {50, 20, 5, 5}),
                new ParameterBlock("3.bias", new int[] {50}),
                new ParameterBlock("7.weight", new int[] {500, 800}),
                new ParameterBlock("7.bias", new int[] {500}),
                new ParameterBlock("9.weight", new int[] {10, 500}),
                new ParameterBlock("9.bias", new int[] {10})), net.parameterBlocks());
        assertEquals(431_080, net.parameterCount());
        assertEquals(431_080, net.initialParameters(0).size());
    }

    @Test
    void nestedModulesPrefixTheirChildrensNames() {
        Module net = Sequential.of(Linear.of(2, 3), Sequential.of(Tanh.of(), Linear.of(3, 1, false)));
        assertEquals(List.of("0.weight", "0.bias", "1.1.weight"),
                net.parameterBlocks().stream().map(ParameterBlock::name).toList());
        assertEquals(6 + 3 + 3, net.parameterCount());
    }

    @Test
    void oneModulePlacedTwiceHasABlockSetAtEachPosition() {
        Linear shared = Linear.of(2, 2);
        Sequential net = Sequential.of(shared, Tanh.of(), shared);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                net.parameterBlocks().stream().map(ParameterBlock::name).toList());
        // θ = (W₀ = I, b₀ = 0, W₂ = 2I, b₂ = 1): the two positions use their own blocks
        Tensor y = net.forward(Tensor.of(1, 0, 0, 1, 0, 0, 2, 0, 0, 2, 1, 1), Tensor.of(new double[][] {{0.5, -1}}));
        assertArrayEquals(new double[] {2 * Math.tanh(0.5) + 1, 2 * Math.tanh(-1) + 1}, y.toArray(), 1e-15);
    }

    @Test
    void unflattenCutsThetaInBlockOrderEachRowMajor() {
        Module net = Sequential.of(Conv2d.of(2, 3, 2), ReLU.of(), Flatten.of(), Linear.of(3, 2));
        int d = net.parameterCount();
        double[] theta = new double[d];
        for (int i = 0; i < d; i++) {
            theta[i] = i;
        }
        List<Tensor> blocks = net.unflatten(Tensor.of(theta));
        assertEquals(4, blocks.size());
        assertArrayEquals(new int[] {3, 2, 2, 2}, blocks.get(0).shape());
        // weight[o, c, i, j] is θ[((o·2 + c)·2 + i)·2 + j]
        assertEquals(((2 * 2 + 1) * 2 + 0) * 2 + 1, blocks.get(0).get(2, 1, 0, 1), 0.0);
        assertArrayEquals(new double[] {24, 25, 26}, blocks.get(1).toArray(), 0.0);
        assertEquals(27 + 1 * 3 + 2, blocks.get(2).get(1, 2), 0.0);
        assertArrayEquals(new double[] {33, 34}, blocks.get(3).toArray(), 0.0);
        assertEquals(35, d);
    }

    @Test
    void aModuleFromAFunctionUsesItsBlocks() {
        // a scaled linear map y = a · (x Wᵀ)
        Module m = Module.of(List.of(new ParameterBlock("a", new int[0]), new ParameterBlock("w", new int[] {1, 2})),
                (p, x) -> x.matmul(p.get(1).transpose()).mul(p.get(0)));
        assertEquals(3, m.parameterCount());
        assertArrayEquals(new double[] {2 * (3 * 1 + 4 * 2)}, m.forward(Tensor.of(2, 3, 4),
                Tensor.of(new double[][] {{1, 2}})).toArray(), 0.0);
    }
}
