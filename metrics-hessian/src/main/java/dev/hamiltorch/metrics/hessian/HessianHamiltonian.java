package dev.hamiltorch.metrics.hessian;

import dev.hamiltorch.api.linalg.Cholesky;
import dev.hamiltorch.api.linalg.Contraction;
import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.CholeskyGeometry;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;

/**
 * H(θ, p) = −log π(θ) + ½ log|G| + ½ pᵀG⁻¹p with G = −∇² log π(θ) + diag(jitter). With u = G⁻¹p and
 * ∂ᵢGⱼₖ = −Tᵢⱼₖ, T the third derivatives of log π:
 * <pre>  ∂H/∂θᵢ = −∂ᵢ log π − ½ Σⱼₖ (G⁻¹)ⱼₖ Tᵢⱼₖ + ½ Σⱼₖ uⱼuₖ Tᵢⱼₖ.</pre>
 */
final class HessianHamiltonian extends CachedRiemannianHamiltonian {

    HessianHamiltonian(Target target, Jitter jitterOptions, double[] jitter) {
        super(target, jitterOptions, jitter);
    }

    @Override
    protected CachedRiemannianHamiltonian withJitter(double[] jitter) {
        return new HessianHamiltonian(target, jitterOptions, jitter);
    }

    @Override
    protected Geometry newGeometry(double[] theta) {
        return new HessianGeometry(theta);
    }

    /** The Hessian metric at one θ. */
    final class HessianGeometry extends CholeskyGeometry {
        /** Tᵢⱼₖ = ∂ᵢ∂ⱼ∂ₖ log π. */
        private double[][][] third;
        /** ½ tr(G⁻¹ ∂ᵢG) = −½ Σⱼₖ (G⁻¹)ⱼₖ Tᵢⱼₖ. */
        private double[] halfTrace;
        private final double[] u;

        HessianGeometry(double[] theta) {
            super(HessianHamiltonian.this.target, theta);
            u = new double[dimension];
        }

        @Override
        protected Event computeMetric() {
            double[][] hessian = target.hessian(theta);
            if (!allFinite(hessian)) {
                return Event.INVALID_LOG_PROB;
            }
            double[][] g = new double[dimension][dimension];
            double scale = 1.0;
            for (int attempt = 0; attempt < jitterOptions.maxTries(); attempt++) {
                for (int i = 0; i < dimension; i++) {
                    for (int j = 0; j < i; j++) {
                        g[i][j] = -0.5 * (hessian[i][j] + hessian[j][i]);
                    }
                    g[i][i] = -hessian[i][i] + scale * jitter[i];
                }
                Cholesky factor = Cholesky.tryDecompose(g);
                if (factor != null) {
                    useFactor(factor);
                    return null;
                }
                if (!jittered) {
                    break;
                }
                // a deterministic function of this trajectory's jitter keeps H one function of θ
                scale *= HessianMetric.JITTER_GROWTH;
            }
            return Event.NON_SPD_METRIC;
        }

        @Override
        protected Event computeDerivatives() {
            double[][][] t = target.thirdDerivatives(theta);
            if (!allFinite(t)) {
                return Event.INVALID_LOG_PROB;
            }
            third = t;
            double[][] inverse = cholesky.inverse();
            halfTrace = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                halfTrace[i] = -0.5 * Contraction.frobenius(inverse, t[i]);
            }
            return null;
        }

        @Override
        protected void positionGradientWithDerivatives(double[] momentum, double[] out) {
            velocityWithMetric(momentum, u);
            for (int i = 0; i < dimension; i++) {
                out[i] = -gradient[i] + halfTrace[i] + 0.5 * Contraction.quadraticForm(third[i], u);
            }
        }

    }
}
