package dev.hamiltorch.integrators;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian.Geometry;
import dev.hamiltorch.api.kernel.Event;
import java.util.random.RandomGenerator;

/**
 * Where the Riemannian integrators get ∂H/∂θ and ∂H/∂p: the {@link Geometry} of a
 * {@link RiemannianHamiltonian}, or for a separable Hamiltonian one built from −∇log π and its
 * velocity, so that the implicit and explicit integrators also run on Euclidean metrics.
 */
interface GeometrySource {

    /**
     * The geometry at θ. The array is handed over: the geometry may keep it, so the caller never
     * modifies it afterwards.
     */
    Geometry at(double[] theta);

    /** The geometry at the start of a trajectory, reusing what the start point already knows. */
    Geometry atStart(PhasePoint start);

    /**
     * @throws IllegalArgumentException if {@code hamiltonian} is neither Riemannian nor separable, so
     *         that ∂H/∂θ is not available
     */
    static GeometrySource of(Hamiltonian hamiltonian, String integrator) {
        if (hamiltonian instanceof RiemannianHamiltonian riemannian) {
            return new GeometrySource() {
                @Override
                public Geometry at(double[] theta) {
                    return riemannian.geometry(theta);
                }

                @Override
                public Geometry atStart(PhasePoint start) {
                    return riemannian.geometry(start.position());
                }
            };
        }
        if (hamiltonian.isSeparable()) {
            return new GeometrySource() {
                @Override
                public Geometry at(double[] theta) {
                    double[] gradient = new double[theta.length];
                    double logDensity = hamiltonian.target().logDensityAndGradient(theta, gradient);
                    return new SeparableGeometry(hamiltonian, theta, logDensity, gradient);
                }

                @Override
                public Geometry atStart(PhasePoint start) {
                    return new SeparableGeometry(hamiltonian, start.position(), start.logDensity(), start.gradient());
                }
            };
        }
        throw new IllegalArgumentException("the " + integrator + " integrator needs ∂H/∂θ: a RiemannianHamiltonian"
                + " or a separable Hamiltonian, but " + hamiltonian.getClass().getName() + " is neither");
    }

    /** The geometry of H(θ, p) = −log π(θ) + K(p): ∂H/∂θ = −∇log π(θ), ∂H/∂p = the Hamiltonian's velocity. */
    final class SeparableGeometry implements Geometry {
        private final Hamiltonian hamiltonian;
        private final double[] theta;
        private final double logDensity;
        private final double[] gradient;

        SeparableGeometry(Hamiltonian hamiltonian, double[] theta, double logDensity, double[] gradient) {
            this.hamiltonian = hamiltonian;
            this.theta = theta;
            this.logDensity = logDensity;
            this.gradient = gradient;
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
            return Double.isFinite(logDensity) && Vectors.allFinite(gradient) ? null : Event.INVALID_LOG_PROB;
        }

        @Override
        public double kineticEnergy(double[] momentum) {
            return hamiltonian.kineticEnergy(theta, momentum);
        }

        @Override
        public void velocity(double[] momentum, double[] out) {
            hamiltonian.velocity(theta, momentum, out);
        }

        @Override
        public void positionGradient(double[] momentum, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -gradient[i];
            }
        }

        @Override
        public void sampleMomentum(RandomGenerator rng, double[] out) {
            hamiltonian.sampleMomentum(rng, theta, out);
        }
    }
}
