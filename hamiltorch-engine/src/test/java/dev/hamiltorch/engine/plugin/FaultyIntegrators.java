package dev.hamiltorch.engine.plugin;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;

/**
 * Integrators whose names collide or are missing, or that cannot be constructed; registered only
 * through service files written by the tests, so that ordinary discovery in this module never sees them.
 */
final class FaultyIntegrators {

    private FaultyIntegrators() {
    }

    /** An integrator with the given name that never moves: only its name and construction matter here. */
    abstract static class StandingStill implements Integrator {
        private final String name;

        StandingStill(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }

    /** Named "twin". */
    public static final class First extends StandingStill {
        public First() {
            super("twin");
        }
    }

    /** Also named "twin". */
    public static final class Second extends StandingStill {
        public Second() {
            super("twin");
        }
    }

    /** Named "TWIN", which selects the same integrator as "twin". */
    public static final class Shouting extends StandingStill {
        public Shouting() {
            super("TWIN");
        }
    }

    /** Has no name. */
    public static final class Nameless extends StandingStill {
        public Nameless() {
            super(null);
        }
    }

    /** Throws from its constructor, as a plugin missing its configuration would. */
    public static final class Unconstructible extends StandingStill {
        /** The message of the exception the constructor throws. */
        static final String WHY = "no licence key in the environment";

        public Unconstructible() {
            super("unconstructible");
            throw new IllegalStateException(WHY);
        }
    }

    /** Throws from {@code name()}, so its name cannot be known. */
    public static final class NameThrows extends StandingStill {
        public NameThrows() {
            super("never read");
        }

        @Override
        public String name() {
            throw new UnsupportedOperationException("named by configuration, and there is none");
        }
    }
}
