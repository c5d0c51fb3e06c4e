package dev.hamiltorch.benchmarks;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.engine.autodiff.AutodiffTarget;

/**
 * One log density and gradient per call by a replayed {@link AutodiffTarget}, at a new θ each call (the
 * first coordinate nudged by ±10⁻⁹), as in a trajectory, so that nothing can be reused from the last.
 */
final class ReplayedGradient {

    private final AutodiffTarget target;
    private final double[] theta;
    private final double[] gradient;
    private long calls;

    /** Records the graph at {@code theta} (kept, and nudged by later calls); later calls replay it. */
    ReplayedGradient(LogDensity logDensity, double[] theta) {
        this.target = new AutodiffTarget(logDensity, theta.length);
        this.theta = theta;
        this.gradient = new double[theta.length];
        target.logDensityAndGradient(theta, gradient);
    }

    /** The log density at the next θ, plus a coordinate of its gradient so that neither is dead code. */
    double next() {
        theta[0] += (++calls & 1) == 0 ? 1e-9 : -1e-9;
        return target.logDensityAndGradient(theta, gradient) + gradient[0];
    }
}
