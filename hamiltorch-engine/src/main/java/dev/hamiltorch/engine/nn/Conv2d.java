package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A 2-D convolution (cross-correlation, as PyTorch's {@code nn.Conv2d} with dilation 1 and one group):
 * an N × C × H × W input gives N × O × outH × outW, with blocks {@code weight} (O × C × kh × kw) and,
 * unless left out, {@code bias} (O).
 *
 * <p>Computed by the engine's {@link Tensor#conv2d} operation, whose derivatives (the transposed
 * convolution and the weight gradient) are operations of their own, so every derivative order exists.
 */
public final class Conv2d extends WeightedLayer {

    final int inChannels;
    final int outChannels;
    final SlidingWindow window;

    private Conv2d(int inChannels, int outChannels, SlidingWindow window, boolean bias) {
        super(new String[] {"outChannels", "inChannels", "kernelHeight", "kernelWidth"},
                new int[] {outChannels, inChannels, window.kernelHeight(), window.kernelWidth()}, bias);
        this.window = window;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
    }

    /** A {@code kernel × kernel} convolution with stride 1, no padding and a bias. */
    public static Conv2d of(int inChannels, int outChannels, int kernel) {
        return of(inChannels, outChannels, kernel, 1, 0);
    }

    /** A {@code kernel × kernel} convolution with the given stride and zero padding, and a bias. */
    public static Conv2d of(int inChannels, int outChannels, int kernel, int stride, int padding) {
        return new Conv2d(inChannels, outChannels, SlidingWindow.of(kernel, stride, padding), true);
    }

    /** A convolution over {@code window} (zero padding), with a bias block if {@code bias}. */
    public static Conv2d of(int inChannels, int outChannels, SlidingWindow window, boolean bias) {
        return new Conv2d(inChannels, outChannels, java.util.Objects.requireNonNull(window, "window"), bias);
    }

    @Override
    public Tensor apply(List<Tensor> parameters, Tensor x) {
        int[] shape = x.shape();
        if (shape.length != 4 || shape[1] != inChannels) {
            throw new IllegalArgumentException(this + " needs an N×" + inChannels + "×H×W input, got shape "
                    + Arrays.toString(shape));
        }
        Tensor y = x.conv2d(parameters.get(0), window);
        if (hasBias()) {
            y = y.add(parameters.get(1).reshape(outChannels, 1, 1));
        }
        return y;
    }

    @Override
    public String toString() {
        return "Conv2d(" + inChannels + ", " + outChannels + ", kernel=" + window.kernelHeight() + "×"
                + window.kernelWidth() + ", stride=" + window.strideHeight() + "×" + window.strideWidth()
                + ", padding=" + window.paddingHeight() + "×" + window.paddingWidth()
                + closing();
    }
}
