package dev.hamiltorch.api.tensor;

/**
 * The windows a convolution or pooling slides over the last two axes (height, width) of an image
 * tensor: a kernel of {@code kernelHeight × kernelWidth} positions moved by {@code strideHeight} rows and
 * {@code strideWidth} columns over the input padded with {@code paddingHeight} rows above and below and
 * {@code paddingWidth} columns left and right (dilation 1). See {@link Tensor#unfold(SlidingWindow)}.
 *
 * <p>An input of height H gives {@code (H + 2·paddingHeight − kernelHeight) / strideHeight + 1} window
 * rows (rounded down), as in PyTorch's {@code Conv2d}; the same for the width.
 *
 * @param kernelHeight the kernel's height, at least 1
 * @param kernelWidth the kernel's width, at least 1
 * @param strideHeight rows between windows, at least 1
 * @param strideWidth columns between windows, at least 1
 * @param paddingHeight rows added above and below, at least 0
 * @param paddingWidth columns added left and right, at least 0
 */
public record SlidingWindow(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
                            int paddingHeight, int paddingWidth) {

    /** Checks the lengths. */
    public SlidingWindow {
        positive("kernelHeight", kernelHeight);
        positive("kernelWidth", kernelWidth);
        positive("strideHeight", strideHeight);
        positive("strideWidth", strideWidth);
        if (paddingHeight < 0) {
            throw new IllegalArgumentException("paddingHeight = " + paddingHeight + ": must be at least 0");
        }
        if (paddingWidth < 0) {
            throw new IllegalArgumentException("paddingWidth = " + paddingWidth + ": must be at least 0");
        }
    }

    /** A square {@code kernel × kernel} window with one stride and padding in both directions. */
    public static SlidingWindow of(int kernel, int stride, int padding) {
        return new SlidingWindow(kernel, kernel, stride, stride, padding, padding);
    }

    /** The number of window rows over an input of height {@code height}, at least 1. */
    public int outputHeight(int height) {
        return count("height", height, kernelHeight, strideHeight, paddingHeight);
    }

    /** The number of window columns over an input of width {@code width}, at least 1. */
    public int outputWidth(int width) {
        return count("width", width, kernelWidth, strideWidth, paddingWidth);
    }

    /** The number of values in one window of {@code channels} channels: channels · kernelHeight · kernelWidth. */
    public int patchSize(int channels) {
        return Math.multiplyExact(channels, Math.multiplyExact(kernelHeight, kernelWidth));
    }

    private static int count(String axis, int length, int kernel, int stride, int padding) {
        int padded = length + 2 * padding;
        if (length < 1 || padded < kernel) {
            throw new IllegalArgumentException("input " + axis + " = " + length + " with padding " + padding
                    + " is smaller than the kernel's " + axis + ", " + kernel);
        }
        return (padded - kernel) / stride + 1;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " = " + value + ": must be at least 1");
        }
    }
}
