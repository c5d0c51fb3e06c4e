package dev.hamiltorch.engine.bnn;

import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nd4j.FloatInference;
import dev.hamiltorch.engine.nn.ForwardPlan;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One draw's prediction by the float32 inference pass ({@link FloatInference}): the network's outputs with θ
 * read in place from the draws file, then the log posterior from those outputs with the run's own prior and
 * likelihood (in double, on the N × O outputs only). Loaded only when ND4J is in use, so a run without ND4J
 * never touches its classes.
 */
final class FloatPass {

    private final ModelPosterior posterior;
    private final FloatInference inference;
    private final INDArray inputs;
    private final Tensor x;
    private final Tensor y;
    private final int[] outputShape;
    private final int outputs;

    private FloatPass(ModelPosterior posterior, ForwardPlan plan, int rowsPerChunk, Tensor x, Tensor y,
                      int[] outputShape) {
        this.posterior = posterior;
        this.inference = FloatInference.of(plan, rowsPerChunk);
        this.inputs = FloatInference.inputs(x);
        this.x = x;
        this.y = y;
        this.outputShape = outputShape.clone();
        this.outputs = Math.toIntExact(Arrays.stream(outputShape).asLongStream().reduce(1, (a, b) -> a * b));
    }

    static FloatPass of(ModelPosterior posterior, ForwardPlan plan, int rowsPerChunk, Tensor x, Tensor y,
                        int[] outputShape) {
        return new FloatPass(posterior, plan, rowsPerChunk, x, y, outputShape);
    }

    /** ND4J's kernels on one thread each until closed ({@link FloatInference#oneThreadPerKernel()}). */
    AutoCloseable oneThreadPerKernel() {
        return FloatInference.oneThreadPerKernel();
    }

    /** OpenMP on the calling thread alone. */
    void oneOpenMpThread() {
        FloatInference.oneOpenMpThread();
    }

    /**
     * Writes the outputs under one draw into {@code out} from {@code at} and returns its log posterior.
     *
     * @param floats the draw's float32 values in place, or null to round {@code theta}
     * @param theta the draw
     * @param thetaTensor the draw as a tensor (for the prior and the likelihood)
     */
    double predict(ByteBuffer floats, double[] theta, Tensor thetaTensor, float[] out, int at) {
        int p = inference.plan().parameterCount();
        DataBuffer weights = floats != null ? FloatInference.parameters(floats, p)
                : FloatInference.parameters(theta.length == p ? theta : Arrays.copyOf(theta, p));
        inference.forward(weights, inputs, out, at);
        double[] o = new double[outputs];
        for (int i = 0; i < outputs; i++) {
            o[i] = out[at + i];
        }
        Tensor output = Tensor.of(o, outputShape);
        return posterior.logPrior(thetaTensor).add(posterior.logLikelihood(thetaTensor, x, y, output)).item();
    }
}
