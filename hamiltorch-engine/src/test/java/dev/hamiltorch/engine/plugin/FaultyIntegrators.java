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

    /** Named "twin". */
    public static final class First implements Integrator {
        @Override
        public String name() {
            return "twin";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }

    /** Also named "twin". */
    public static final class Second implements Integrator {
        @Override
        public String name() {
            return "twin";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }

    /** Named "TWIN", which selects the same integrator as "twin". */
    public static final class Shouting implements Integrator {
        @Override
        public String name() {
            return "TWIN";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }

    /** Has no name. */
    public static final class Nameless implements Integrator {
        @Override
        public String name() {
            return null;
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }

    /** Throws from its constructor, as a plugin missing its configuration would. */
    public static final class Unconstructible implements Integrator {
        /** The message of the exception the constructor throws. */
        static final String WHY = "no licence key in the environment";

        public Unconstructible() {
            throw new IllegalStateException(WHY);
        }

        @Override
        public String name() {
            return "unconstructible";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }

    /** Throws from {@code name()}, so its name cannot be known. */
    public static final class NameThrows implements Integrator {
        @Override
        public String name() {
            throw new UnsupportedOperationException("named by configuration, and there is none");
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            return new IntegrationResult(start, null, 0, 0);
        }
    }
}
