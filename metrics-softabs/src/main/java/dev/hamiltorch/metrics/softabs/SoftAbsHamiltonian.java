package dev.hamiltorch.metrics.softabs;

import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.LazyGeometry;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.linalg.Contraction;
import dev.hamiltorch.api.linalg.SymmetricEigenDecomposition;
import java.util.random.RandomGenerator;

/**
 * H(θ, p) = U(θ) + ½ log|G| + ½ pᵀG⁻¹p with U = −log π, ∇²U + diag(jitter) = QΛQᵀ and
 * G = Q diag(λ̃) Qᵀ, λ̃ = λ·coth(αλ). With ∂ᵢG = Q (J ∘ Qᵀ ∂ᵢ∇²U Q) Qᵀ (docs/architecture.md,
 * "Riemannian metrics"), w = Qᵀu = diag(1/λ̃) Qᵀp, R = Q diag(Jⱼⱼ/λ̃ⱼ) Qᵀ and
 * c(S)ᵢ = Σⱼₖ Sⱼₖ ∂ᵢ(∇²U)ⱼₖ = −Σⱼₖ Sⱼₖ Tᵢⱼₖ (T the third derivatives of log π):
 * <pre>  ∂H/∂θ = ∇U + ½ c(R − Q (J ∘ wwᵀ) Qᵀ).</pre>
 * No finite differences and no differentiation through the eigen-solver.
 */
final class SoftAbsHamiltonian extends CachedRiemannianHamiltonian {

    private final double alpha;

    SoftAbsHamiltonian(Target target, double alpha, Jitter jitterOptions, double[] jitter) {
        super(target, jitterOptions, jitter);
        this.alpha = alpha;
    }

    @Override
    protected CachedRiemannianHamiltonian withJitter(double[] jitter) {
        return new SoftAbsHamiltonian(target, alpha, jitterOptions, jitter);
    }

    @Override
    protected Geometry newGeometry(double[] theta) {
        return new SoftAbsGeometry(theta);
    }

    /** The SoftAbs metric at one θ. */
    final class SoftAbsGeometry extends LazyGeometry {

        /** Eigenvectors as columns: q[i][a] = Qᵢₐ. */
        private double[][] q;
        /** Eigenvalues λ of ∇²U + diag(jitter). */
        private double[] lambda;
        /** λ̃ = λ·coth(αλ). */
        private double[] soft;
        private double halfLogDet;
        /** Tᵢⱼₖ = ∂ᵢ∂ⱼ∂ₖ log π. */
        private double[][][] third;
        /** The divided differences of λ̃ over the eigenvalues. */
        private double[][] j;
        /** ½ c(R)ᵢ = −½ Σⱼₖ Rⱼₖ Tᵢⱼₖ. */
        private double[] halfTrace;
        private final double[] w;
        private final double[][] weighted;
        private final double[][] product;

        SoftAbsGeometry(double[] theta) {
            super(SoftAbsHamiltonian.this.target, theta);
            w = new double[dimension];
            weighted = new double[dimension][dimension];
            product = new double[dimension][dimension];
        }

        @Override
        protected Event computeMetric() {
            double[][] hessian = target.hessian(theta);
            if (!allFinite(hessian)) {
                return Event.INVALID_LOG_PROB;
            }
            // −∇²log π + diag(jitter), its lower triangle: the solver reads no more
            double[][] a = new double[dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                for (int k = 0; k < i; k++) {
                    a[i][k] = -0.5 * (hessian[i][k] + hessian[k][i]);
                }
                a[i][i] = -hessian[i][i] + jitter[i];
            }
            SymmetricEigenDecomposition eigen = SymmetricEigenDecomposition.tryDecompose(a);
            if (eigen == null) {
                return Event.NON_SPD_METRIC;
            }
            lambda = eigen.values();
            q = eigen.vectors();
            soft = new double[dimension];
            double logDet = 0;
            for (int b = 0; b < dimension; b++) {
                soft[b] = SoftAbs.value(lambda[b], alpha);
                logDet += Math.log(soft[b]);
            }
            if (!Double.isFinite(logDet)) {
                return Event.NON_SPD_METRIC;
            }
            halfLogDet = 0.5 * logDet;
            return null;
        }

        @Override
        protected Event computeDerivatives() {
            double[][][] t = target.thirdDerivatives(theta);
            if (!allFinite(t)) {
                return Event.INVALID_LOG_PROB;
            }
            third = t;
            j = new double[dimension][dimension];
            for (int b = 0; b < dimension; b++) {
                j[b][b] = SoftAbs.derivative(lambda[b], alpha);
                for (int c = 0; c < b; c++) {
                    double jbc = SoftAbs.dividedDifference(lambda[b], lambda[c], soft[b], soft[c], alpha);
                    j[b][c] = jbc;
                    j[c][b] = jbc;
                }
            }
            // R = Q diag(Jₐₐ/λ̃ₐ) Qᵀ
            double[][] r = new double[dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                for (int k = 0; k <= i; k++) {
                    double s = 0;
                    for (int b = 0; b < dimension; b++) {
                        s += q[i][b] * (j[b][b] / soft[b]) * q[k][b];
                    }
                    r[i][k] = s;
                    r[k][i] = s;
                }
            }
            halfTrace = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                halfTrace[i] = -0.5 * Contraction.frobenius(r, t[i]);
            }
            return null;
        }

        /** w = diag(1/λ̃) Qᵀp. */
        private void eigenVelocity(double[] momentum) {
            for (int b = 0; b < dimension; b++) {
                double s = 0;
                for (int i = 0; i < dimension; i++) {
                    s += q[i][b] * momentum[i];
                }
                w[b] = s / soft[b];
            }
        }

        @Override
        protected double kineticEnergyWithMetric(double[] momentum) {
            eigenVelocity(momentum);
            double quadratic = 0;
            for (int b = 0; b < dimension; b++) {
                // (Qᵀp)ₐ² / λ̃ₐ = wₐ² λ̃ₐ
                quadratic += w[b] * w[b] * soft[b];
            }
            return halfLogDet + 0.5 * quadratic;
        }

        @Override
        protected void velocityWithMetric(double[] momentum, double[] out) {
            eigenVelocity(momentum);
            multiplyQ(w, out);
        }

        @Override
        protected void positionGradientWithDerivatives(double[] momentum, double[] out) {
            eigenVelocity(momentum);
            // S = Q (J ∘ wwᵀ) Qᵀ, through product = Q (J ∘ wwᵀ)
            for (int b = 0; b < dimension; b++) {
                for (int c = 0; c < dimension; c++) {
                    weighted[b][c] = j[b][c] * w[b] * w[c];
                }
            }
            for (int i = 0; i < dimension; i++) {
                for (int c = 0; c < dimension; c++) {
                    double s = 0;
                    for (int b = 0; b < dimension; b++) {
                        s += q[i][b] * weighted[b][c];
                    }
                    product[i][c] = s;
                }
            }
            double[][] s = weighted;
            for (int i = 0; i < dimension; i++) {
                for (int k = 0; k <= i; k++) {
                    double v = 0;
                    for (int c = 0; c < dimension; c++) {
                        v += product[i][c] * q[k][c];
                    }
                    s[i][k] = v;
                    s[k][i] = v;
                }
            }
            // ∂H/∂θᵢ = −gᵢ + ½ c(R)ᵢ − ½ c(S)ᵢ, and −½ c(S)ᵢ = +½ Σⱼₖ Sⱼₖ Tᵢⱼₖ
            for (int i = 0; i < dimension; i++) {
                out[i] = -gradient[i] + halfTrace[i] + 0.5 * Contraction.frobenius(s, third[i]);
            }
        }

        @Override
        protected void sampleMomentumWithMetric(RandomGenerator rng, double[] out) {
            for (int b = 0; b < dimension; b++) {
                w[b] = Math.sqrt(soft[b]) * rng.nextGaussian();
            }
            multiplyQ(w, out);
        }

        private void multiplyQ(double[] v, double[] out) {
            for (int i = 0; i < dimension; i++) {
                double s = 0;
                for (int b = 0; b < dimension; b++) {
                    s += q[i][b] * v[b];
                }
                out[i] = s;
            }
        }

        /** The eigenvalues λ of ∇²U + diag(jitter), once G is computed (for tests). */
        double[] eigenvalues() {
            return lambda.clone();
        }

        /** The matrix J, once ∂H/∂θ has been asked for (for tests). */
        double[][] eigenDerivatives() {
            double[][] copy = new double[dimension][];
            for (int b = 0; b < dimension; b++) {
                copy[b] = j[b].clone();
            }
            return copy;
        }
    }
}
