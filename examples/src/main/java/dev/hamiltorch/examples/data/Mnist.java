package dev.hamiltorch.examples.data;

import dev.hamiltorch.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MNIST digits as tensors: images N × 1 × 28 × 28 with pixels scaled to [0, 1] (as hamiltorch's example
 * loads them with {@code ToTensor}), labels 0–9. The 10,000 digits shipped in the examples jar
 * ({@code mnist-10k/}, see its PROVENANCE.md) are in a fixed shuffled order: the first 100 are the
 * training set of the BNN example, the next 1000 its validation set. A folder of the standard MNIST files
 * ({@code train-images-idx3-ubyte[.gz]} and {@code train-labels-idx1-ubyte[.gz]}) can be read instead.
 *
 * @param images the images, N × 1 × 28 × 28 values in [0, 1], row-major
 * @param labels the labels, N
 * @param rows image height
 * @param columns image width
 */
public record Mnist(double[] images, double[] labels, int rows, int columns) {

    /** The 10,000 digits shipped with the examples. */
    public static Mnist shipped() throws IOException {
        return of(IdxFile.resource("/mnist-10k/images-idx3-ubyte.gz"), IdxFile.resource("/mnist-10k/labels-idx1-ubyte.gz"),
                "mnist-10k");
    }

    /**
     * The digits in {@code folder}: {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}
     * (or {@code images-idx3-ubyte} and {@code labels-idx1-ubyte}), each plain or {@code .gz}.
     *
     * @throws IOException naming what is missing or wrong
     */
    public static Mnist folder(Path folder) throws IOException {
        Path images = find(folder, "train-images-idx3-ubyte", "images-idx3-ubyte");
        Path labels = find(folder, "train-labels-idx1-ubyte", "labels-idx1-ubyte");
        return of(IdxFile.read(images), IdxFile.read(labels), folder.toString());
    }

    private static Path find(Path folder, String... names) throws IOException {
        for (String name : names) {
            for (String suffix : new String[] {"", ".gz"}) {
                Path p = folder.resolve(name + suffix);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new IOException(folder + ": holds none of " + Arrays.toString(names) + " (plain or .gz)");
    }

    private static Mnist of(IdxFile images, IdxFile labels, String name) throws IOException {
        int[] s = images.shape();
        if (s.length != 3) {
            throw new IOException(name + ": images have shape " + Arrays.toString(s) + ", not N × rows × columns");
        }
        if (labels.shape().length != 1 || labels.shape()[0] != s[0]) {
            throw new IOException(name + ": " + s[0] + " images but labels of shape " + Arrays.toString(labels.shape()));
        }
        double[] pixels = images.values();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] /= 255.0;
        }
        return new Mnist(pixels, labels.values(), s[1], s[2]);
    }

    /** torchvision's MNIST normalisation: the mean and sd of the training set's pixels in [0, 1]. */
    public static final double PIXEL_MEAN = 0.1307;
    /** See {@link #PIXEL_MEAN}. */
    public static final double PIXEL_SD = 0.3081;

    /**
     * These digits with standardised pixels, (p − 0.1307) / 0.3081, as PyTorch's MNIST examples load them
     * ({@code transforms.Normalize((0.1307,), (0.3081,))}).
     */
    public Mnist standardised() {
        double[] z = new double[images.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (images[i] - PIXEL_MEAN) / PIXEL_SD;
        }
        return new Mnist(z, labels, rows, columns);
    }

    /** Number of digits. */
    public int size() {
        return labels.length;
    }

    /** Digits {@code from} (inclusive) to {@code to} (exclusive) as an n × 1 × rows × columns tensor. */
    public Tensor images(int from, int to) {
        check(from, to);
        int pixels = rows * columns;
        return Tensor.of(Arrays.copyOfRange(images, from * pixels, to * pixels), to - from, 1, rows, columns);
    }

    /** Labels of digits {@code from} to {@code to} as a vector. */
    public Tensor labels(int from, int to) {
        check(from, to);
        return Tensor.of(Arrays.copyOfRange(labels, from, to));
    }

    private void check(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("digits " + from + " to " + to + " of " + size());
        }
    }
}
