package dev.hamiltorch.integrators;

import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** Small targets and Hamiltonians with analytic derivatives for the integrator tests. */
final class TestHamiltonians {

    private TestHamiltonians() {
    }

    /** A Hamiltonian that declares itself non-separable. */
    static final class NonSeparable implements Hamiltonian {
        private final DiagonalMassHamiltonian delegate;

        NonSeparable(Target target) {
            delegate = new DiagonalMassHamiltonian(target, 1.0, 1.0);
        }

        @Override
        public Target target() {
            return delegate.target();
        }

        @Override
        public double kineticEnergy(double[] theta, double[] momentum) {
            return delegate.kineticEnergy(theta, momentum);
        }

        @Override
        public void velocity(double[] theta, double[] momentum, double[] out) {
            delegate.velocity(theta, momentum, out);
        }

        @Override
        public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
            delegate.sampleMomentum(rng, theta, out);
        }

        @Override
        public boolean isSeparable() {
            return false;
        }
    }

    /** N(μ, P⁻¹) in 2-D with a correlated precision P whose eigenvalues are about 20.5 and 0.54. */
    static final class AnisotropicGaussian implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        static final double[] MEAN = {1.0, -2.0};
        static final double[][] PRECISION = {{20.0, 3.0}, {3.0, 1.0}};

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[2]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            double r0 = theta[0] - MEAN[0];
            double r1 = theta[1] - MEAN[1];
            double g0 = -(PRECISION[0][0] * r0 + PRECISION[0][1] * r1);
            double g1 = -(PRECISION[1][0] * r0 + PRECISION[1][1] * r1);
            gradient[0] = g0;
            gradient[1] = g1;
            return 0.5 * (r0 * g0 + r1 * g1);
        }
    }

    /** A banana: log π(x, y) = −x⁴/4 − (y − x²)²/2, not Gaussian and with varying curvature. */
    static final class Banana implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[2]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            double x = theta[0];
            double r = theta[1] - x * x;
            gradient[0] = -x * x * x + 2 * x * r;
            gradient[1] = -r;
            return -0.25 * x * x * x * x - 0.5 * r * r;
        }
    }

    /** 1-D N(0, σ²). */
    static final class Gaussian1d implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final double variance;

        Gaussian1d(double variance) {
            this.variance = variance;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double logDensity(double[] theta) {
            return -0.5 * theta[0] * theta[0] / variance;
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            gradient[0] = -theta[0] / variance;
            return logDensity(theta);
        }
    }

    /** Counts the calls made to a target. */
    static final class Counting implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final Target delegate;
        int logDensityCalls;
        int gradientCalls;

        Counting(Target delegate) {
            this.delegate = delegate;
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }

        @Override
        public double logDensity(double[] theta) {
            logDensityCalls++;
            return delegate.logDensity(theta);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            gradientCalls++;
            return delegate.logDensityAndGradient(theta, gradient);
        }
    }

    /**
     * A 2-D Riemannian Hamiltonian with the position-dependent diagonal metric
     * G(θ) = diag(1 + a·θ₁², 1 + a·θ₀²) around a target: H = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p, so
     * with G₀ = 1 + aθ₁², G₁ = 1 + aθ₀² and g = ∇log π, in closed form
     * <pre>
     *   ∂H/∂θ₀ = −g₀ + aθ₀/G₁ − aθ₀p₁²/G₁²,   ∂H/∂θ₁ = −g₁ + aθ₁/G₀ − aθ₁p₀²/G₀²,   ∂H/∂p = (p₀/G₀, p₁/G₁).
     * </pre>
     * Counts the geometries it makes; positions where {@code fails} holds get a geometry whose failure
     * is {@code failure} and whose derivatives throw, so an integrator must not use them.
     */
    static final class DiagonalMetric implements RiemannianHamiltonian {
        private final Target target;
        private final double a;
        private final Predicate<double[]> fails;
        private final Event failure;
        int geometries;

        DiagonalMetric(Target target, double a) {
            this(target, a, theta -> false, null);
        }

        DiagonalMetric(Target target, double a, Predicate<double[]> fails, Event failure) {
            this.target = target;
            this.a = a;
            this.fails = fails;
            this.failure = failure;
        }

        @Override
        public Target target() {
            return target;
        }

        @Override
        public Geometry geometry(double[] theta) {
            geometries++;
            return new DiagonalGeometry(theta.clone());
        }

        @Override
        public RiemannianHamiltonian forTrajectory(RandomGenerator rng) {
            return this;
        }

        /** H(θ, p) computed directly. */
        double energy(double[] theta, double[] p) {
            double g0 = 1 + a * theta[1] * theta[1];
            double g1 = 1 + a * theta[0] * theta[0];
            return -target.logDensity(theta) + 0.5 * Math.log(g0 * g1) + 0.5 * (p[0] * p[0] / g0 + p[1] * p[1] / g1);
        }

        private final class DiagonalGeometry implements Geometry {
            private final double[] theta;
            private final double[] gradient = new double[2];
            private final double logDensity;
            private final boolean failed;
            private final double g0;
            private final double g1;

            DiagonalGeometry(double[] theta) {
                this.theta = theta;
                logDensity = target.logDensityAndGradient(theta, gradient);
                failed = fails.test(theta);
                g0 = 1 + a * theta[1] * theta[1];
                g1 = 1 + a * theta[0] * theta[0];
            }

            @Override
            public double[] position() {
                return theta;
            }

            @Override
            public double logDensity() {
                return logDensity;
            }

            @Override
            public double[] gradient() {
                return gradient;
            }

            @Override
            public Event failure() {
                return failed ? failure : null;
            }

            private void usable() {
                if (failed) {
                    throw new AssertionError("a failed geometry was used");
                }
            }

            @Override
            public double kineticEnergy(double[] p) {
                usable();
                return 0.5 * Math.log(g0 * g1) + 0.5 * (p[0] * p[0] / g0 + p[1] * p[1] / g1);
            }

            @Override
            public void velocity(double[] p, double[] out) {
                usable();
                out[0] = p[0] / g0;
                out[1] = p[1] / g1;
            }

            @Override
            public void positionGradient(double[] p, double[] out) {
                usable();
                out[0] = -gradient[0] + a * theta[0] / g1 - a * theta[0] * p[1] * p[1] / (g1 * g1);
                out[1] = -gradient[1] + a * theta[1] / g0 - a * theta[1] * p[0] * p[0] / (g0 * g0);
            }

            @Override
            public void sampleMomentum(RandomGenerator rng, double[] out) {
                usable();
                out[0] = Math.sqrt(g0) * rng.nextGaussian();
                out[1] = Math.sqrt(g1) * rng.nextGaussian();
            }
        }
    }

    /** N(0, diag(σ²)) in any dimension. */
    static final class DiagonalGaussian implements Target {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        private final double[] variance;

        DiagonalGaussian(double... variance) {
            this.variance = variance.clone();
        }

        @Override
        public int dimension() {
            return variance.length;
        }

        @Override
        public double logDensity(double[] theta) {
            return logDensityAndGradient(theta, new double[theta.length]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            double value = 0;
            for (int i = 0; i < theta.length; i++) {
                gradient[i] = -theta[i] / variance[i];
                value -= 0.5 * theta[i] * theta[i] / variance[i];
            }
            return value;
        }
    }

    /**
     * The banana of {@link Banana} plus a weak Gaussian, as three terms: L₀ = −x⁴/4,
     * L₁ = −(y − x²)²/2, L₂ = −(x² + y²)/20. Counts the term evaluations.
     */
    static final class SplitBanana implements SplitTarget {
        @Override
        public SplitTarget copy() {
            return this; // stateless: one instance serves every thread
        }

        int termCalls;

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int terms() {
            return 3;
        }

        @Override
        public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
            termCalls++;
            double x = theta[0];
            double y = theta[1];
            switch (term) {
                case 0 -> {
                    gradient[0] = -x * x * x;
                    gradient[1] = 0;
                    return -0.25 * x * x * x * x;
                }
                case 1 -> {
                    double r = y - x * x;
                    gradient[0] = 2 * x * r;
                    gradient[1] = -r;
                    return -0.5 * r * r;
                }
                case 2 -> {
                    gradient[0] = -0.1 * x;
                    gradient[1] = -0.1 * y;
                    return -0.05 * (x * x + y * y);
                }
                default -> throw new IllegalArgumentException("term " + term);
            }
        }
    }

    /** 1-D terms Lₘ(θ) = −λₘθ²/2; finite for |θ| ≤ {@code edge}, NaN beyond (in term {@code nanTerm}). */
    static final class QuadraticTerms implements SplitTarget {
        @Override
        public SplitTarget copy() {
            return this; // stateless: one instance serves every thread
        }

        private final double[] precision;
        private final double edge;
        private final int nanTerm;

        QuadraticTerms(double... precision) {
            this(Double.POSITIVE_INFINITY, -1, precision);
        }

        QuadraticTerms(double edge, int nanTerm, double... precision) {
            this.precision = precision.clone();
            this.edge = edge;
            this.nanTerm = nanTerm;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public int terms() {
            return precision.length;
        }

        @Override
        public double termLogDensityAndGradient(int term, double[] theta, double[] gradient) {
            gradient[0] = -precision[term] * theta[0];
            return Math.abs(theta[0]) > edge && term == nanTerm ? Double.NaN
                    : -0.5 * precision[term] * theta[0] * theta[0];
        }
    }

    /**
     * 1-D N(0, 1) with the metric G(θ) = 1 + θ²: H = θ²/2 + ½ log G + p²/(2G), so
     * ∂H/∂θ = θ + θ/G − θp²/G² and ∂H/∂p = p/G.
     */
    static final class ScalarMetric extends GaussianPointHamiltonian {
        @Override
        public Geometry geometry(double[] position) {
            double[] theta = position.clone();
            double t = theta[0];
            double g = 1 + t * t;
            return new GaussianPointGeometry(theta) {
                @Override
                public double kineticEnergy(double[] p) {
                    return 0.5 * Math.log(g) + 0.5 * p[0] * p[0] / g;
                }

                @Override
                public void velocity(double[] p, double[] out) {
                    out[0] = p[0] / g;
                }

                @Override
                public void positionGradient(double[] p, double[] out) {
                    out[0] = t + t / g - t * p[0] * p[0] / (g * g);
                }

                @Override
                public void sampleMomentum(RandomGenerator rng, double[] out) {
                    out[0] = Math.sqrt(g) * rng.nextGaussian();
                }
            };
        }
    }

    /**
     * A stand-in for the fixed points of the generalized leapfrog, not a consistent Hamiltonian:
     * ∂H/∂θ = 0, so loop (a) settles at once, and ∂H/∂p = v(θ, p) is the given field, so loop (b)
     * iterates θ' ← θ + ε/2 [v(θ, p) + v(θ', p)] on it.
     */
    static final class VelocityField extends GaussianPointHamiltonian {
        private final java.util.function.DoubleBinaryOperator velocity;
        int geometries;

        VelocityField(java.util.function.DoubleBinaryOperator velocity) {
            this.velocity = velocity;
        }

        @Override
        public Geometry geometry(double[] position) {
            geometries++;
            return new GaussianPointGeometry(position.clone()) {
                @Override
                public double kineticEnergy(double[] p) {
                    return 0.5 * p[0] * p[0];
                }

                @Override
                public void velocity(double[] p, double[] out) {
                    out[0] = velocity.applyAsDouble(t, p[0]);
                }

                @Override
                public void positionGradient(double[] p, double[] out) {
                    out[0] = 0;
                }

                @Override
                public void sampleMomentum(RandomGenerator rng, double[] out) {
                    out[0] = rng.nextGaussian();
                }
            };
        }
    }

    /** A geometry of the 1-D N(0, 1) at θ: position, log density and gradient; the metric is the subclass's. */
    abstract static class GaussianPointGeometry implements RiemannianHamiltonian.Geometry {
        final double[] theta;
        final double t;

        GaussianPointGeometry(double[] theta) {
            this.theta = theta;
            this.t = theta[0];
        }

        @Override
        public double[] position() {
            return theta;
        }

        @Override
        public double logDensity() {
            return -0.5 * t * t;
        }

        @Override
        public double[] gradient() {
            return new double[] {-t};
        }

        @Override
        public Event failure() {
            return null;
        }
    }

    /** A Riemannian Hamiltonian on the 1-D N(0, 1), without jitter; the geometry is the subclass's. */
    abstract static class GaussianPointHamiltonian implements RiemannianHamiltonian {
        private final Target target = new Gaussian1d(1.0);

        @Override
        public Target target() {
            return target;
        }

        @Override
        public RiemannianHamiltonian forTrajectory(RandomGenerator rng) {
            return this;
        }
    }
}
