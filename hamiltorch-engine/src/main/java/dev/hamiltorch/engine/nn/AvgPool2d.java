package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;

/**
 * Average pooling, as PyTorch's {@code nn.AvgPool2d} with its defaults (floor mode, padding counted:
 * {@code count_include_pad=True}): the mean of each channel's window, padding positions reading 0 and
 * counting towards the kh·kw divisor.
 */
public final class AvgPool2d extends Pooling {

    private AvgPool2d(SlidingWindow window) {
        super(window);
    }

    /** {@code kernel × kernel} windows with stride {@code kernel} (no overlap), as PyTorch's default. */
    public static AvgPool2d of(int kernel) {
        return new AvgPool2d(square(kernel, kernel, 0));
    }

    /** {@code kernel × kernel} windows with the given stride and padding (at most kernel / 2). */
    public static AvgPool2d of(int kernel, int stride, int padding) {
        return new AvgPool2d(square(kernel, stride, padding));
    }

    /** Windows as given (padding at most half the kernel). */
    public static AvgPool2d of(SlidingWindow window) {
        return new AvgPool2d(window);
    }

    /** Each channel's windows unfolded one by one (N·C × kh·kw × L) and averaged over axis 1. */
    @Override
    Tensor pool(Tensor x) {
        int[] shape = x.shape();
        Tensor windows = x.reshape(shape[0] * shape[1], 1, shape[2], shape[3]).unfold(window, 0.0);
        return windows.mean(1).reshape(shape[0], shape[1], window.outputHeight(shape[2]), window.outputWidth(shape[3]));
    }

    @Override
    public String toString() {
        return "AvgPool2d(" + settings() + ")";
    }
}
