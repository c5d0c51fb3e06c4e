package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;

/**
 * Max pooling, as PyTorch's {@code nn.MaxPool2d} (dilation 1, floor mode): the largest value of each
 * channel's window; the padding reads −∞, so it never wins. The gradient goes to the window's first
 * largest element; the second and higher derivatives of the pooling itself are 0.
 */
public final class MaxPool2d extends Pooling {

    private MaxPool2d(SlidingWindow window) {
        super(window);
    }

    /** {@code kernel × kernel} windows with stride {@code kernel} (no overlap), as PyTorch's default. */
    public static MaxPool2d of(int kernel) {
        return new MaxPool2d(square(kernel, kernel, 0));
    }

    /** {@code kernel × kernel} windows with the given stride and padding (at most kernel / 2). */
    public static MaxPool2d of(int kernel, int stride, int padding) {
        return new MaxPool2d(square(kernel, stride, padding));
    }

    /** Windows as given (padding at most half the kernel). */
    public static MaxPool2d of(SlidingWindow window) {
        return new MaxPool2d(window);
    }

    @Override
    Tensor pool(Tensor x) {
        return x.maxPool2d(window);
    }

    @Override
    public String toString() {
        return "MaxPool2d(" + settings() + ")";
    }
}
