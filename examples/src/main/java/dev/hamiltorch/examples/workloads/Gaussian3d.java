package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.distributions.Normal;
import java.util.Map;

/** The independent Normal of the hamiltorch introduction: mean (1, 2, 3), sd 0.5. */
public final class Gaussian3d implements Workload {

    /** The mean of each coordinate. */
    static final double[] MEAN = {1, 2, 3};
    /** The standard deviation of every coordinate. */
    static final double SD = 0.5;

    @Override
    public String name() {
        return "gaussian3d";
    }

    @Override
    public LogDensity logDensity() {
        Normal normal = Normal.of(Tensor.of(MEAN), Tensor.of(SD, SD, SD)); // Tensor.of copies
        return x -> normal.logProb(x).sum();
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double[] initialPosition() {
        return new double[3];
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "400", "step-size", "0.3", "steps", "5");
    }
}
