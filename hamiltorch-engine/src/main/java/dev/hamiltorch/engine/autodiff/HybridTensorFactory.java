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

    /** Whether large tensors run on ND4J in this process: backend {@code hybrid} chosen and ND4J on the class path. */
    public static boolean nd4jInUse() {
        return StoragePolicy.hybrid();
    }

    /** Whether the ND4J storage holds float32 values ({@code hamiltorch.nd4j.dtype=float}), else float64. */
    public static boolean nd4jFloat32() {
        return StoragePolicy.float32();
    }

    /** {@code hybrid}. */
    @Override
    public String name() {
        return StoragePolicy.HYBRID;
    }
}
