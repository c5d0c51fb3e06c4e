package dev.hamiltorch.integrators;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import java.util.random.RandomGenerator;

/** Small targets and Hamiltonians with analytic derivatives for the integrator tests. */
final class TestHamiltonians {

    private TestHamiltonians() {
    }

    /** K(p) = ½ Σ mᵢ⁻¹ pᵢ² for a diagonal inverse mass. */
    static final class DiagonalKinetic implements Hamiltonian {
        private final Target target;
        private final double[] inverseMass;

        DiagonalKinetic(Target target, double... inverseMass) {
            this.target = target;
            this.inverseMass = inverseMass.clone();
        }

        @Override
        public Target target() {
            return target;
        }

        @Override
        public double kineticEnergy(double[] theta, double[] momentum) {
            double k = 0;
            for (int i = 0; i < momentum.length; i++) {
                k += inverseMass[i] * momentum[i] * momentum[i];
            }
            return 0.5 * k;
        }

        @Override
        public void velocity(double[] theta, double[] momentum, double[] out) {
            for (int i = 0; i < momentum.length; i++) {
                out[i] = inverseMass[i] * momentum[i];
            }
        }

        @Override
        public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = rng.nextGaussian() / Math.sqrt(inverseMass[i]);
            }
        }
    }

    /** A Hamiltonian that declares itself non-separable. */
    static final class NonSeparable implements Hamiltonian {
        private final DiagonalKinetic delegate;

        NonSeparable(Target target) {
            delegate = new DiagonalKinetic(target, 1.0, 1.0);
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
}
