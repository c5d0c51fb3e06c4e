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

    @Override
    double padValue() {
        return 0.0;
    }

    @Override
    Tensor reduce(Tensor windows) {
        return windows.mean(1);
    }

    @Override
    public String toString() {
        return "AvgPool2d(" + settings() + ")";
    }
}
