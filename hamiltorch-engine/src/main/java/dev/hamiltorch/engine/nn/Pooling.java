package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * A reduction over each channel's windows: the input's channels unfolded one by one (N·C × kh·kw × L),
 * reduced over axis 1 (the window), reshaped to N × C × outH × outW.
 */
abstract class Pooling extends ParameterFree {

    final SlidingWindow window;

    Pooling(SlidingWindow window) {
        this.window = java.util.Objects.requireNonNull(window, "window");
        // as PyTorch: every window must hold at least one input position
        if (2 * window.paddingHeight() > window.kernelHeight() || 2 * window.paddingWidth() > window.kernelWidth()) {
            throw new IllegalArgumentException("padding " + window.paddingHeight() + "×" + window.paddingWidth()
                    + " must be at most half the kernel " + window.kernelHeight() + "×" + window.kernelWidth());
        }
    }

    /** The window of a pooling over {@code kernel × kernel} with the given stride and padding. */
    static SlidingWindow square(int kernel, int stride, int padding) {
        return SlidingWindow.of(kernel, stride, padding);
    }

    @Override
    public final Tensor apply(Tensor x) {
        int[] shape = x.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException(this + " needs an N×C×H×W input, got shape " + Arrays.toString(shape));
        }
        int outHeight = window.outputHeight(shape[2]);
        int outWidth = window.outputWidth(shape[3]);
        Tensor windows = x.reshape(shape[0] * shape[1], 1, shape[2], shape[3]).unfold(window, padValue());
        return reduce(windows).reshape(shape[0], shape[1], outHeight, outWidth);
    }

    /** The value read in the padding. */
    abstract double padValue();

    /** The reduction over axis 1 of the windows. */
    abstract Tensor reduce(Tensor windows);

    String settings() {
        return "kernel=" + window.kernelHeight() + "×" + window.kernelWidth() + ", stride=" + window.strideHeight()
                + "×" + window.strideWidth() + ", padding=" + window.paddingHeight() + "×" + window.paddingWidth();
    }
}
