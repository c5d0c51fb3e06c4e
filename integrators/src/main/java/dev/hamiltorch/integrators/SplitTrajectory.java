package dev.hamiltorch.integrators;

import dev.hamiltorch.api.SplitTarget;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.PhasePoint;

/**
 * The moving state of a split integrator: kicks by one term of a {@link SplitTarget} at a time and
 * drifts by the Hamiltonian's velocity. The gradient of the last term evaluated is kept until the
 * next drift, so a kick by the same term at the same position costs nothing.
 */
final class SplitTrajectory {

    private final Hamiltonian hamiltonian;
    private final SplitTarget target;
    final double[] theta;
    final double[] p;
    private final double[] termGradient;
    private final double[] velocity;
    private int cachedTerm = -1;
    private double cachedValue;
    /** Calls of {@link SplitTarget#termLogDensityAndGradient} so far. */
    int evaluations;

    SplitTrajectory(Hamiltonian hamiltonian, SplitTarget target, PhasePoint start) {
        this.hamiltonian = hamiltonian;
        this.target = target;
        theta = start.position().clone();
        p = start.momentum().clone();
        termGradient = new double[theta.length];
        velocity = new double[theta.length];
    }

    /**
     * The split target of {@code hamiltonian}.
     *
     * @throws IllegalArgumentException if the Hamiltonian is not separable, its target is not a
     *         {@link SplitTarget}, or it has fewer than {@code minTerms} terms
     */
    static SplitTarget splitTarget(Hamiltonian hamiltonian, String integrator, int minTerms) {
        if (!(hamiltonian.target() instanceof SplitTarget split)) {
            throw new IllegalArgumentException("the " + integrator + " integrator needs a log density given as a"
                    + " list of terms: the Hamiltonian's target must be a " + SplitTarget.class.getName()
                    + ", but it is " + hamiltonian.target().getClass().getName());
        }
        if (!hamiltonian.isSeparable()) {
            throw new IllegalArgumentException("the " + integrator + " integrator needs a separable Hamiltonian"
                    + " (K depending on p only), but " + hamiltonian.getClass().getName() + " is not separable");
        }
        if (split.terms() < minTerms) {
            throw new IllegalArgumentException("the " + integrator + " integrator needs at least " + minTerms
                    + " terms, but the target has " + split.terms());
        }
        return split;
    }

    /** p ← p + δ ∇Lₘ(θ); false when Lₘ or its gradient at θ is not finite. */
    boolean kick(int term, double delta) {
        if (term != cachedTerm) {
            cachedValue = target.termLogDensityAndGradient(term, theta, termGradient);
            evaluations++;
            cachedTerm = term;
        }
        if (!Double.isFinite(cachedValue) || !Vectors.allFinite(termGradient)) {
            return false;
        }
        Vectors.axpy(delta, termGradient, p);
        return true;
    }

    /** θ ← θ + δ ∂K/∂p(p); false when θ stops being finite. */
    boolean drift(double delta) {
        hamiltonian.velocity(theta, p, velocity);
        Vectors.axpy(delta, velocity, theta);
        cachedTerm = -1;
        return Vectors.allFinite(theta);
    }

    /**
     * The phase point reached, with log π(θ) = Σₘ Lₘ(θ) and its gradient summed term by term (the
     * kept term is not evaluated again), or null when they are not finite.
     */
    PhasePoint end() {
        double[] gradient = new double[theta.length];
        double logDensity = 0;
        if (cachedTerm >= 0) {
            logDensity += cachedValue;
            Vectors.axpy(1.0, termGradient, gradient);
        }
        for (int m = 0; m < target.terms(); m++) {
            if (m != cachedTerm) {
                logDensity += target.termLogDensityAndGradient(m, theta, termGradient);
                evaluations++;
                Vectors.axpy(1.0, termGradient, gradient);
            }
        }
        cachedTerm = -1; // termGradient was overwritten
        if (!Double.isFinite(logDensity) || !Vectors.allFinite(gradient)) {
            return null;
        }
        return new PhasePoint(theta.clone(), p.clone(), logDensity, gradient);
    }
}
