package dev.hamiltorch.engine.autodiff;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.api.tensor.TensorFactory;
import java.util.Arrays;
import java.util.Objects;

/**
 * Creates the engine's tensors: the {@link TensorFactory} of backend {@code jvm}, every tensor on JVM
 * arrays. {@link HybridTensorFactory} is backend {@code hybrid}. Which storage operations give their
 * results is the process-wide {@link StoragePolicy}, read from the same system property
 * ({@value TensorFactory#BACKEND_PROPERTY}) that selects {@link TensorFactory#provider()}.
 */
@AutoService(TensorFactory.class)
public class JvmTensorFactory implements TensorFactory {

    /** The factory of backend {@code jvm} (ServiceLoader's constructor). */
    public JvmTensorFactory() {
    }

    /** {@code jvm}. */
    @Override
    public String name() {
        return StoragePolicy.JVM;
    }

    @Override
    public Tensor vector(double[] values) {
        return JvmTensor.constant(values, values.length);
    }

    @Override
    public Tensor matrix(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] data = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("rows[" + i + "] has length " + rows[i].length + ", expected " + n);
            }
            System.arraycopy(rows[i], 0, data, i * n, n);
        }
        return JvmTensor.wrap(data, new int[] {m, n});
    }

    @Override
    public Tensor array(double[] data, int[] shape) {
        return JvmTensor.constant(data, shape);
    }

    @Override
    public Tensor scalar(double value) {
        return JvmTensor.scalarConstant(value);
    }

    /** @throws IllegalArgumentException if a length is negative or the shape holds more elements than an array */
    @Override
    public Tensor full(double value, int[] shape) {
        double[] data = new double[elements(shape)];
        Arrays.fill(data, value);
        return JvmTensor.constant(data, shape);
    }

    /**
     * The number of elements of {@code shape}, checked before an array of that size is made (a negative
     * length would otherwise be a NegativeArraySizeException, an overflowing product a wrong size).
     */
    private static int elements(int[] shape) {
        Objects.requireNonNull(shape, "shape");
        long n = 1;
        for (int length : shape) {
            if (length < 0) {
                throw new IllegalArgumentException("shape = " + Arrays.toString(shape) + ": negative length");
            }
            n = Math.min(n * length, Integer.MAX_VALUE + 1L); // capped: a later 0 still makes it 0
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape = " + Arrays.toString(shape)
                    + ": more elements than an array holds");
        }
        return (int) n;
    }

    @Override
    public Tensor concat(int axis, Tensor[] parts) {
        return ShapeOps.concat(axis, engineTensors(parts));
    }

    @Override
    public Tensor stack(int axis, Tensor[] parts) {
        return ShapeOps.stack(axis, engineTensors(parts));
    }

    @Override
    public Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Elementwise.where(JvmTensor.of(condition), JvmTensor.of(a), JvmTensor.of(b));
    }

    private static JvmTensor[] engineTensors(Tensor[] parts) {
        if (parts == null) {
            throw new NullPointerException("parts");
        }
        JvmTensor[] out = new JvmTensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = JvmTensor.of(parts[i]);
        }
        return out;
    }

    @Override
    public Tensor variable(double[] data, int[] shape) {
        return JvmTensor.variable(data, shape);
    }

    @Override
    public Tensor[] grad(Tensor output, Tensor[] inputs, boolean createGraph) {
        return Autodiff.grad(output, inputs, createGraph);
    }
}
