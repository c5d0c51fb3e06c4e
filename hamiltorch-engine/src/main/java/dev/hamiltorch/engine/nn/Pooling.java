package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/** A reduction over each channel's windows: N × C × H × W to N × C × outH × outW. */
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
        return pool(x);
    }

    /** The pooling of the N × C × H × W {@code x}. */
    abstract Tensor pool(Tensor x);

    String settings() {
        return "kernel=" + window.kernelHeight() + "×" + window.kernelWidth() + ", stride=" + window.strideHeight()
                + "×" + window.strideWidth() + ", padding=" + window.paddingHeight() + "×" + window.paddingWidth();
    }
}
