package dev.hamiltorch.api.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One parameter tensor of a {@link Model}: its name (e.g. {@code "0.weight"}) and shape.
 *
 * @param name a name unique within the model
 * @param shape the tensor's shape; a scalar has shape {@code []}
 */
public record ParameterBlock(String name, int[] shape) {

    /** Validates and copies the shape. */
    public ParameterBlock {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        shape = shape.clone();
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape of " + name + " must be positive, got "
                        + Arrays.toString(shape));
            }
        }
    }

    /** The shape (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterBlock b && name.equals(b.name) && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
