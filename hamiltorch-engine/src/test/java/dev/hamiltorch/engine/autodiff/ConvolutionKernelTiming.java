package dev.hamiltorch.engine.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * libnd4j's convolution and pooling ops at the MNIST CNN's two layers (100 digits, float32), one by one:
 * conv2d, conv2d_bp (both gradients), deconv2d (the input gradient alone), the weight gradient as a conv2d
 * of x's channels by g's planes, maxpool2d, maxpool2d_bp. A program, not a test: run it with and without
 * {@code -Dorg.bytedeco.javacpp.platform.extension=} to compare ND4J's default natives with oneDNN's.
 * Prints the median of 11 calls after 3 warm-ups, ms.
 */
public final class ConvolutionKernelTiming {

    private ConvolutionKernelTiming() {
    }

    public static void main(String[] args) {
        dev.hamiltorch.engine.nd4j.Nd4jNatives.select();
        DataType type = DataType.FLOAT;
        for (int[] layer : new int[][] {{100, 1, 28, 20}, {100, 20, 12, 50}}) {
            int n = layer[0];
            int c = layer[1];
            int h = layer[2];
            int o = layer[3];
            int k = 5;
            int oh = h - k + 1;
            INDArray x = Nd4j.rand(type, n, c, h, h);
            INDArray w = Nd4j.rand(type, o, c, k, k).subi(0.5);
            INDArray g = Nd4j.rand(type, n, o, oh, oh);
            INDArray y = Nd4j.create(type, n, o, oh, oh);
            INDArray dx = Nd4j.create(type, n, c, h, h);
            INDArray dw = Nd4j.create(type, o, c, k, k);
            INDArray pooled = Nd4j.create(type, n, o, oh / 2, oh / 2);
            INDArray gp = Nd4j.rand(type, n, o, oh / 2, oh / 2);
            int[] conv = {k, k, 1, 1, 0, 0, 1, 1, 0, 0, 1};
            int[] pool = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0};
            System.out.printf("layer %d → %d channels: conv2d %.2f, conv2d_bp %.2f, deconv2d %.2f, weight gradient as"
                    + " conv2d %.2f, maxpool2d %.2f, maxpool2d_bp %.2f ms%n", c, o,
                    time(() -> exec("conv2d", conv, new INDArray[] {x, w}, y)),
                    time(() -> exec("conv2d_bp", conv, new INDArray[] {x, w, g}, dx, dw)),
                    time(() -> exec("deconv2d", conv, new INDArray[] {g, w}, dx)),
                    time(() -> exec("conv2d", new int[] {oh, oh, 1, 1, 0, 0, 1, 1, 0, 0, 1},
                            new INDArray[] {x.permute(1, 0, 2, 3).dup('c'), g.permute(1, 0, 2, 3).dup('c')},
                            Nd4j.create(type, c, o, k, k))),
                    time(() -> exec("maxpool2d", pool, new INDArray[] {y}, pooled)),
                    time(() -> exec("maxpool2d_bp", pool, new INDArray[] {y, gp}, Nd4j.create(type, n, o, oh, oh))));
        }
    }

    private static void exec(String op, int[] arguments, INDArray[] inputs, INDArray... outputs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(outputs).addIntegerArguments(arguments)
                .build());
    }

    private static double time(Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double[] ms = new double[11];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
