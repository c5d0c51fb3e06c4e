package dev.hamiltorch.metrics.hessian;

import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.LazyGeometry;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.spi.RiemannianMetric;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = −log π(θ) + ½ log|G| + ½ pᵀG⁻¹p with the diagonal G = diag(g∘g) + diag(jitter),
 * g = ∇ log π(θ). With h = ∇² log π, ∂ᵢGⱼⱼ = 2gⱼhⱼᵢ and uⱼ = pⱼ/Gⱼⱼ:
 * <pre>  ∂H/∂θᵢ = −gᵢ + Σⱼ (1/Gⱼⱼ − uⱼ²) gⱼ hⱼᵢ.</pre>
 * Needs the Hessian for ∂H/∂θ only, and no third derivatives.
 */
final class DiagonalFisherHamiltonian extends CachedRiemannianHamiltonian {

    DiagonalFisherHamiltonian(Target target, Jitter jitterOptions, double[] jitter) {
        super(target, jitterOptions, jitter);
    }

    @Override
    protected CachedRiemannianHamiltonian withJitter(double[] jitter) {
        return new DiagonalFisherHamiltonian(target, jitterOptions, jitter);
    }

    @Override
    protected Geometry newGeometry(double[] theta) {
        return new FisherGeometry(theta);
    }

    /** The diagonal Fisher metric at one θ. */
    final class FisherGeometry extends LazyGeometry {

        /** The diagonal of G. */
        private double[] metric;
        private double halfLogDet;
        /** ∇² log π, symmetrised. */
        private double[][] hessian;
        /** ½ tr(G⁻¹ ∂ᵢG) = Σⱼ gⱼ hⱼᵢ / Gⱼⱼ. */
        private double[] halfTrace;
        private final double[] weights;

        FisherGeometry(double[] theta) {
            super(DiagonalFisherHamiltonian.this.target, theta);
            weights = new double[dimension];
        }

        @Override
        protected Event computeMetric() {
            double[] g = new double[dimension];
            double scale = 1.0;
            for (int attempt = 0; attempt < jitterOptions.maxTries(); attempt++) {
                boolean positive = true;
                for (int j = 0; j < dimension; j++) {
                    g[j] = gradient[j] * gradient[j] + scale * jitter[j];
                    positive &= g[j] > 0 && g[j] < Double.POSITIVE_INFINITY;
                }
                if (positive) {
                    metric = g;
                    double logDet = 0;
                    for (double gj : g) {
                        logDet += Math.log(gj);
                    }
                    halfLogDet = 0.5 * logDet;
                    return null;
                }
                if (!jittered) {
                    break;
                }
                // a deterministic function of this trajectory's jitter keeps H one function of θ
                scale *= RiemannianMetric.JITTER_GROWTH;
            }
            return Event.NON_SPD_METRIC;
        }

        @Override
        protected Event computeDerivatives() {
            double[][] h = target.hessian(theta);
            if (!allFinite(h)) {
                return Event.INVALID_LOG_PROB;
            }
            hessian = symmetricPart(h);
            halfTrace = new double[dimension];
            for (int j = 0; j < dimension; j++) {
                weights[j] = gradient[j] / metric[j];
            }
            for (int i = 0; i < dimension; i++) {
                halfTrace[i] = dot(hessian[i], weights);
            }
            return null;
        }

        @Override
        protected double kineticEnergyWithMetric(double[] momentum) {
            double quadratic = 0;
            for (int j = 0; j < dimension; j++) {
                quadratic += momentum[j] * momentum[j] / metric[j];
            }
            return halfLogDet + 0.5 * quadratic;
        }

        @Override
        protected void velocityWithMetric(double[] momentum, double[] out) {
            for (int j = 0; j < dimension; j++) {
                out[j] = momentum[j] / metric[j];
            }
        }

        @Override
        protected void positionGradientWithDerivatives(double[] momentum, double[] out) {
            for (int j = 0; j < dimension; j++) {
                double u = momentum[j] / metric[j];
                weights[j] = u * u * gradient[j];
            }
            for (int i = 0; i < dimension; i++) {
                out[i] = -gradient[i] + halfTrace[i] - dot(hessian[i], weights);
            }
        }

        @Override
        protected void sampleMomentumWithMetric(RandomGenerator rng, double[] out) {
            for (int j = 0; j < dimension; j++) {
                out[j] = Math.sqrt(metric[j]) * rng.nextGaussian();
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
