package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import java.util.Map;

/**
 * {@link Gaussian3d}'s target with hand-written derivatives instead of automatic differentiation:
 * what the sampler itself costs, for comparison with the same run through the engine. The values are
 * computed with the operations, in the order, of the engine's fused normal density and its backward
 * rule, so HMC chains are bit-identical to {@code gaussian3d}'s.
 */
public final class Gaussian3dAnalytic implements Workload {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final double[] MEAN = Gaussian3d.MEAN;
    private static final double SD = Gaussian3d.SD;
    private static final double LOG_SD = Math.log(SD);

    private final Gaussian3d autodiff = new Gaussian3d();

    @Override
    public String name() {
        return "gaussian3d-analytic";
    }

    /** The same density written in tensors, as {@code gaussian3d}'s. */
    @Override
    public LogDensity logDensity() {
        return autodiff.logDensity();
    }

    @Override
    public Target target() {
        return new AnalyticNormal();
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double[] initialPosition() {
        return autodiff.initialPosition();
    }

    @Override
    public Map<String, String> defaults() {
        return autodiff.defaults();
    }

    /** Σᵢ log N(θᵢ; μᵢ, σ²), its gradient −(θ − μ)/σ², Hessian −I/σ² and zero third derivatives. */
    static final class AnalyticNormal implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }


        /** Every derivative is written out below, so the Riemannian metrics can use it too. */
        @Override
        public DerivativeOrder derivativeOrder() {
            return DerivativeOrder.THIRD;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double logDensity(double[] theta) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                double z = (theta[i] - MEAN[i]) / SD;
                sum += ((z * z) * -0.5 - LOG_SD) + -HALF_LOG_TWO_PI;
            }
            return sum;
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            for (int i = 0; i < 3; i++) {
                gradient[i] = ((1.0 * -0.5) * (((theta[i] - MEAN[i]) / SD) * 2.0)) / SD;
            }
            return logDensity(theta);
        }

        @Override
        public double[][] hessian(double[] theta) {
            double[][] h = new double[3][3];
            for (int i = 0; i < 3; i++) {
                h[i][i] = -1 / (SD * SD);
            }
            return h;
        }

        @Override
        public double[] thirdOrderContraction(double[] theta, double[][] s) {
            return new double[3];
        }

        @Override
        public double[][][] thirdDerivatives(double[] theta) {
            return new double[3][3][3];
        }
    }
}
