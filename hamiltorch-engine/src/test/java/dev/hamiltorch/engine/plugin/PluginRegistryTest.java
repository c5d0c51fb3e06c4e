package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Named;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selecting plugins by the names users type. */
class PluginRegistryTest {

    /** A metric that only knows its name; selection never calls it. */
    private record NamedMetric(String name) implements Metric {
        @Override
        public Hamiltonian hamiltonian(Target target, PluginOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    /** An integrator that only knows its name. */
    private record NamedIntegrator(String name) implements Integrator {
        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Metric SOFTABS = new NamedMetric(Metric.SOFTABS);
    private static final Metric JACOBIAN_DIAG = new NamedMetric(Metric.JACOBIAN_DIAG);
    private static final Integrator SPLITTING_RAND = new NamedIntegrator(Integrator.SPLITTING_RAND);
    private static final Integrator LEAPFROG = new NamedIntegrator(Integrator.LEAPFROG);

    private final PluginRegistry registry = new PluginRegistry(
            Map.of(SOFTABS.name(), SOFTABS, JACOBIAN_DIAG.name(), JACOBIAN_DIAG),
            Map.of(SPLITTING_RAND.name(), SPLITTING_RAND, LEAPFROG.name(), LEAPFROG),
            Map.of(), Map.of());

    @Test
    void selectsByExactName() {
        assertSame(SOFTABS, registry.metric("softabs"));
        assertSame(JACOBIAN_DIAG, registry.metric(Metric.JACOBIAN_DIAG));
        assertSame(SPLITTING_RAND, registry.integrator(Integrator.SPLITTING_RAND));
    }

    @Test
    void acceptsHamiltorchEnumSpellingsAndAnyCase() {
        assertSame(JACOBIAN_DIAG, registry.metric("JACOBIAN_DIAG"));
        assertSame(SPLITTING_RAND, registry.integrator("SPLITTING_RAND"));
        assertSame(SOFTABS, registry.metric("SoftAbs"));
        assertSame(LEAPFROG, registry.integrator(" Leapfrog "));
        assertSame(JACOBIAN_DIAG, registry.metric("jacobian_diag"));
    }

    @Test
    void anUnknownNameIsRejectedWithTheArgumentTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.metric("hessain"));
        assertEquals("metric = hessain: no such metric; available: jacobian-diag, softabs", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> registry.integrator("verlet"));
        assertEquals("integrator = verlet: no such integrator; available: leapfrog, splitting-rand", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> registry.metric(null));
        assertTrue(e.getMessage().startsWith("metric = null: "), e.getMessage());
    }

    @Test
    void saysSoWhenNoPluginOfAKindIsInstalled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.sampler("hmc"));
        assertEquals("sampler = hmc: no such sampler; available: none (no sampler plugin is on the class path or"
                + " module path)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry.likelihood("regression"));
    }

    @Test
    void listsNamesSortedAndReadOnly() {
        assertEquals(List.of("jacobian-diag", "softabs"), List.copyOf(registry.metricNames()));
        assertEquals(List.of("leapfrog", "splitting-rand"), List.copyOf(registry.integratorNames()));
        assertTrue(registry.samplerNames().isEmpty());
        assertTrue(registry.likelihoodNames().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> registry.metricNames().add("x"));
    }

    @Test
    void refusesNamesThatWouldSelectTheSamePlugin() {
        Metric shouting = new NamedMetric("SOFTABS");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PluginRegistry(
                new java.util.TreeMap<>(Map.of("softabs", SOFTABS, "SOFTABS", shouting)), Map.of(), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("two metric plugins"), e.getMessage());
        assertTrue(e.getMessage().contains("\"SOFTABS\" and \"softabs\""), e.getMessage());
        assertTrue(e.getMessage().contains(NamedMetric.class.getName()), e.getMessage());
    }

    @Test
    void refusesABlankName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PluginRegistry(Map.of(" ", SOFTABS), Map.of(), Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("metric = \" \""), e.getMessage());
    }

    /** Both a metric and an integrator, as one class may be. */
    private record MetricAndIntegrator(String name) implements Metric, Integrator {
        @Override
        public Hamiltonian hamiltonian(Target target, PluginOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void ofRegistersEachInstanceUnderEveryKindItIs() {
        MetricAndIntegrator both = new MetricAndIntegrator("both");
        PluginRegistry of = PluginRegistry.of(SOFTABS, both, LEAPFROG);
        assertSame(SOFTABS, of.metric("SOFTABS"));
        assertSame(both, of.metric("both"));
        assertSame(both, of.integrator("Both"));
        assertSame(LEAPFROG, of.integrator(Integrator.LEAPFROG));
        assertEquals(List.of("both", "softabs"), List.copyOf(of.metricNames()));
        assertEquals(List.of("both", "leapfrog"), List.copyOf(of.integratorNames()));
        assertTrue(of.samplerNames().isEmpty());
        assertEquals(List.of(), of.problems());
    }

    @Test
    void ofRefusesWhatIsNoPluginKindAndNamesThatCollide() {
        Named neither = () -> "neither";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginRegistry.of(neither));
        assertEquals("plugin = " + PluginNames.describe(neither) + ": is not a Metric, Integrator, Sampler or Likelihood",
                e.getMessage());

        Metric again = new NamedMetric("softabs");
        e = assertThrows(IllegalArgumentException.class, () -> PluginRegistry.of(SOFTABS, again));
        assertEquals("two metric plugins are named \"softabs\": " + PluginNames.describe(SOFTABS) + " and "
                + PluginNames.describe(again) + "; remove one from the class path or rename it", e.getMessage());

        Metric shouting = new NamedMetric("SOFTABS");
        e = assertThrows(IllegalArgumentException.class, () -> PluginRegistry.of(SOFTABS, shouting));
        assertEquals("two metric plugins are named \"softabs\" and \"SOFTABS\", which select the same metric: "
                + PluginNames.describe(SOFTABS) + " and " + PluginNames.describe(shouting)
                + "; remove one from the class path or rename it", e.getMessage());
    }
}
