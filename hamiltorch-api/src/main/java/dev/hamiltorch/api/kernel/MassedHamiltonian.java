package dev.hamiltorch.api.kernel;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import java.util.Objects;

/**
 * A kernel's Hamiltonian for the inverse mass of each call's {@link StepParameters}: the one it was
 * built with, or that Hamiltonian {@linkplain Hamiltonian#withInverseMass re-massed}. The last one made
 * is kept, so a mass that changes only at the end of an adaptation window is factorised once per window,
 * and the results never depend on what is kept. Safe to share between threads (the kept pair is one
 * immutable object).
 */
public final class MassedHamiltonian {

    private record Entry(InverseMass inverseMass, Hamiltonian hamiltonian) {
    }

    private final Hamiltonian base;
    private Entry last;

    /** Re-masses {@code base}, which is used as it is for its own inverse mass. */
    public MassedHamiltonian(Hamiltonian base) {
        this.base = Objects.requireNonNull(base, "base");
        this.last = new Entry(base.inverseMass(), base);
    }

    /** The Hamiltonian the kernel was built with. */
    public Hamiltonian base() {
        return base;
    }

    /**
     * The Hamiltonian for {@code inverseMass}: the base one where its metric has no constant mass
     * ({@link Hamiltonian#inverseMass()} is null), else the base one with this inverse mass.
     *
     * @throws IllegalArgumentException if the metric refuses the inverse mass (a wrong shape, not positive-definite)
     */
    public Hamiltonian forMass(InverseMass inverseMass) {
        if (base.inverseMass() == null) {
            return base;
        }
        Entry e = last;
        if (e.inverseMass() == inverseMass || e.inverseMass().equals(inverseMass)) {
            return e.hamiltonian();
        }
        Hamiltonian h = base.withInverseMass(inverseMass);
        last = new Entry(inverseMass, h);
        return h;
    }
}
