package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.sampling.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Bayesian neural network the runner samples with {@code Hamiltorch.sampleModel}: a model, its training
 * data, a likelihood, and what to report from predictions on held-out data.
 */
public interface ModelWorkload {

    /** The name on the command line. */
    String name();

    /** The network. */
    Model model();

    /** Where chains start (the network's initial parameters). */
    double[] initialParameters();

    /** Training inputs, first axis the batch. */
    Tensor xTrain();

    /** Training targets. */
    Tensor yTrain();

    /** The likelihood's name. */
    String likelihood();

    /** The settings of this workload as CLI option defaults (samples, step size, steps, τ_out). */
    Map<String, String> defaults();

    /**
     * Quality numbers for the JSON {@code quality} block, from predictions on held-out data; a workload
     * that draws plots writes them into {@code plots} when it is not null.
     */
    Map<String, Object> quality(Samples samples, Path plots) throws IOException;
}
