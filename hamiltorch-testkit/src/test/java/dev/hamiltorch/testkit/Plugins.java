package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.DiagonalMassHamiltonian;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.spi.Integrator;
import java.util.random.RandomGenerator;

/** Small plugins for the kit's own tests: correct ones, and ones broken on purpose. */
final class Plugins {

    private Plugins() {
    }

    /** H = −log π(θ) + ½|p|². */
    static Hamiltonian unitMass(Target target) {
        return new DiagonalMassHamiltonian(target);
    }

    /** The step parameters of ε {@code stepSize} and L {@code steps}, unit mass. */
    static StepParameters parameters(double stepSize, int steps) {
        return StepParameters.DEFAULTS.withStepSize(stepSize).withNumSteps(steps);
    }

    /** {@code target} with its gradient's component {@code wrong} doubled. */
    static Target wrongGradient(Target target, int wrong) {
        return new Target() {
            @Override
            public int dimension() {
                return target.dimension();
            }

            @Override
            public double logDensity(double[] theta) {
                return target.logDensity(theta);
            }

            @Override
            public double logDensityAndGradient(double[] theta, double[] gradient) {
                double lp = target.logDensityAndGradient(theta, gradient);
                gradient[wrong] *= 2;
                return lp;
            }

            @Override
            public Target copy() {
                return this;
            }
        };
    }

    /** The kind of step an {@link #integrator} takes. */
    enum Step { LEAPFROG, SYMPLECTIC_EULER, EULER }

    /**
     * Integrators of a separable Hamiltonian with unit mass: the leapfrog (reversible, symplectic, order 2),
     * symplectic Euler (symplectic, neither reversible nor of order 2) and explicit Euler (none of these).
     */
    static Integrator integrator(Step kind) {
        return new Integrator() {
            @Override
            public String name() {
                return kind.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public IntegrationResult integrate(Hamiltonian h, PhasePoint start, double eps, int steps) {
                Target target = h.target();
                int d = target.dimension();
                double[] q = start.position().clone();
                double[] p = start.momentum().clone();
                double[] g = start.gradient().clone();
                double lp = start.logDensity();
                for (int s = 0; s < steps; s++) {
                    switch (kind) {
                        case LEAPFROG -> {
                            for (int i = 0; i < d; i++) {
                                p[i] += 0.5 * eps * g[i];
                                q[i] += eps * p[i];
                            }
                            lp = target.logDensityAndGradient(q, g);
                            for (int i = 0; i < d; i++) {
                                p[i] += 0.5 * eps * g[i];
                            }
                        }
                        case SYMPLECTIC_EULER -> {
                            for (int i = 0; i < d; i++) {
                                p[i] += eps * g[i];
                                q[i] += eps * p[i];
                            }
                            lp = target.logDensityAndGradient(q, g);
                        }
                        case EULER -> {
                            for (int i = 0; i < d; i++) {
                                q[i] += eps * p[i];
                                p[i] += eps * g[i];
                            }
                            lp = target.logDensityAndGradient(q, g);
                        }
                    }
                }
                return new IntegrationResult(new PhasePoint(q, p, lp, g), null, steps, steps);
            }
        };
    }

    /**
     * Random-walk Metropolis with proposal sd {@code scale} that accepts with probability
     * min(1, (π(y)/π(x))^{@code power}): exact at power 1, π^power (a wider target) below.
     */
    static Kernel randomWalk(Target target, double scale, double power) {
        return new Kernel() {
            @Override
            public ChainState init(double[] position) {
                double[] g = new double[position.length];
                return new ChainState(position.clone(), target.logDensityAndGradient(position, g), g);
            }

            @Override
            public Transition step(RandomGenerator rng, ChainState state, StepParameters ignored) {
                double[] y = state.position().clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] += scale * rng.nextGaussian();
                }
                double[] g = new double[y.length];
                double lp = target.logDensityAndGradient(y, g);
                double a = Math.min(1, Math.exp(power * (lp - state.logDensity())));
                boolean accepted = rng.nextDouble() < a;
                return new Transition(accepted ? new ChainState(y, lp, g) : state,
                        new TransitionInfo(a, accepted, false, 0, 0, 0, 1, null));
            }
        };
    }
}
