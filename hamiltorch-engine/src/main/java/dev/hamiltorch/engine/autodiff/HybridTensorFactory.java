package dev.hamiltorch.engine.autodiff;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.tensor.TensorFactory;

/**
 * The {@link TensorFactory} of backend {@code hybrid}, the default: small tensors on JVM arrays, large
 * ones on ND4J's CPU kernels (see {@link StoragePolicy} and docs/engine.md). Users never convert: an
 * operation's result goes to ND4J when its kernel ran there and it is large.
 */
@AutoService(TensorFactory.class)
public final class HybridTensorFactory extends JvmTensorFactory {

    /** The factory of backend {@code hybrid} (ServiceLoader's constructor). */
    public HybridTensorFactory() {
    }

    /** {@code hybrid}. */
    @Override
    public String name() {
        return StoragePolicy.HYBRID;
    }
}
