package dev.hamiltorch.api.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Creates tensors; implemented by an engine's backends and found with {@link ServiceLoader}. The
 * static factories of {@link Tensor} and {@link Autograd} go through {@link #provider()}, the backend
 * named by the system property {@value #BACKEND_PROPERTY} (default {@value #DEFAULT_BACKEND}).
 */
public interface TensorFactory {

    Tensor vector(double[] values);

    Tensor matrix(double[][] rows);

    Tensor array(double[] data, int[] shape);

    Tensor scalar(double value);

    Tensor full(double value, int[] shape);

    Tensor concat(int axis, Tensor[] parts);

    Tensor stack(int axis, Tensor[] parts);

    Tensor where(Tensor condition, Tensor a, Tensor b);

    /** A tensor over {@code data} (a copy) that derivatives can be taken with respect to. */
    Tensor variable(double[] data, int[] shape);

    /**
     * ∂output/∂inputs for a scalar {@code output}, one tensor per input in its shape; with
     * {@code createGraph} the results are themselves differentiable (higher orders).
     */
    Tensor[] grad(Tensor output, Tensor[] inputs, boolean createGraph);

    /**
     * The name of this factory's backend, by which {@link #provider(String)} and the system property
     * {@value #BACKEND_PROPERTY} select it (e.g. {@code "hybrid"}, {@code "jvm"}).
     */
    String name();

    /** The system property that names the backend {@link #provider()} returns. */
    String BACKEND_PROPERTY = "hamiltorch.backend";

    /**
     * The backend used when {@value #BACKEND_PROPERTY} is not set: {@code "hybrid"}, the engine's
     * tensors on JVM arrays when small and on ND4J's CPU kernels when large.
     */
    String DEFAULT_BACKEND = "hybrid";

    /**
     * The factory of the backend named by the system property {@value #BACKEND_PROPERTY}, or of
     * {@value #DEFAULT_BACKEND} when it is not set; looked up once. The choice never depends on the
     * order of the class path.
     *
     * @throws IllegalStateException if no factory has that name (the message lists those found)
     */
    static TensorFactory provider() {
        return Holder.INSTANCE;
    }

    /**
     * The factory of the backend {@code name}.
     *
     * @throws IllegalArgumentException if no factory on the class or module path has that name (the
     *         message lists those found)
     */
    static TensorFactory provider(String name) {
        try {
            return select(Holder.found(), name);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The names of the backends found on the class or module path, sorted. */
    static List<String> available() {
        return Holder.found().stream().map(TensorFactory::name).sorted().toList();
    }

    /**
     * The factory named {@code name} among {@code found}.
     *
     * @throws IllegalStateException if there is none, or more than one (the message lists the names found)
     */
    static TensorFactory select(List<TensorFactory> found, String name) {
        Objects.requireNonNull(name, "backend name");
        List<TensorFactory> named = found.stream().filter(f -> name.equals(f.name())).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        List<String> names = found.stream().map(TensorFactory::name).sorted().toList();
        if (named.isEmpty()) {
            throw new IllegalStateException("no tensor backend named '" + name + "'"
                    + (names.isEmpty() ? ": none found, add dev.hamiltorch:hamiltorch-engine to the class or module path"
                            : "; available: " + String.join(", ", names))
                    + " (select one with -D" + BACKEND_PROPERTY + "=<name>)");
        }
        throw new IllegalStateException(named.size() + " tensor backends are named '" + name + "' ("
                + named.stream().map(f -> f.getClass().getName()).toList() + "); the class path holds two engines");
    }

    /** Lazy, thread-safe lookup (class initialisation runs once). */
    final class Holder {
        private Holder() {
        }

        /** Every factory on the class or module path, in no particular order. */
        static List<TensorFactory> found() {
            List<TensorFactory> found = new ArrayList<>();
            ServiceLoader.load(TensorFactory.class).forEach(found::add);
            return found;
        }

        static final TensorFactory INSTANCE = select(found(),
                System.getProperty(BACKEND_PROPERTY, DEFAULT_BACKEND));
    }
}
