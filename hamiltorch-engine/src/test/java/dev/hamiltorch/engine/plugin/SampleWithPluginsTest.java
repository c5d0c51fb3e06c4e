package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.sampling.Samples;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries and plugin instances given to the builder, and broken or conflicting providers, seen
 * through {@code Hamiltorch.sample(...).run()}: what users call, not only the registry.
 */
class SampleWithPluginsTest {

    private static final int NUM_SAMPLES = 12;

    @TempDir
    Path work;

    /** Plain HMC on a 2-D standard normal, quiet; every run of it with the same plugins gives the same draws. */
    private static SampleBuilder plainHmc() {
        return Hamiltorch.sample(ThirdPartyPluginTest.STANDARD_NORMAL).paramsInit(1, -1).numSamples(NUM_SAMPLES)
                .stepSize(0.3).numStepsPerSample(5).seed(7).verbose(false);
    }

    @Test
    void aRegistryDiscoveredFromAPluginJarSelectsItsPluginsByName() throws Exception {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            Metric metric = registry.metric("third-party-metric");
            assertSame(loader, metric.getClass().getClassLoader());

            // the default registry does not see the jar
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> plainHmc().metric("third-party-metric").run());
            assertEquals("metric = third-party-metric: no such metric; available: "
                    + String.join(", ", Hamiltorch.plugins().metricNames()), e.getMessage());

            Samples byName = plainHmc().plugins(registry).metric("third-party-metric").option("third-party.mass", "2").run();
            Samples byInstance = plainHmc().metric(metric).option("third-party.mass", "2").run();
            assertEquals(NUM_SAMPLES, byName.draws().size());
            assertArrayEquals(byInstance.draws().toArray(), byName.draws().toArray());
            // mass 2 is not the identity metric: the plugin, not the default, made these draws
            assertFalse(Arrays.deepEquals(plainHmc().run().draws().toArray(), byName.draws().toArray()));

            // the jar's sampler by name; its default metric and integrator come from the same registry
            Sampler sampler = registry.sampler("third-party-sampler");
            Samples walk = plainHmc().plugins(registry).sampler("THIRD_PARTY_SAMPLER").run();
            assertArrayEquals(plainHmc().sampler(sampler).run().draws().toArray(), walk.draws().toArray());
            assertFalse(Arrays.deepEquals(plainHmc().run().draws().toArray(), walk.draws().toArray()));
        }
    }

    @Test
    void aRegistryDiscoveredFromAModuleLayerSelectsItsPluginsByName() {
        Path jar = ThirdPartyPluginTest.thirdPartyJar(work);
        // the jar has no module-info: an automatic module, which reads the api on the class path
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of("third.party.plugin"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, getClass().getClassLoader());
        PluginRegistry registry = PluginRegistry.discover(layer);
        assertEquals(List.of("third-party-metric"), List.copyOf(registry.metricNames()));
        Metric metric = registry.metric("third-party-metric");
        assertSame(layer.findModule("third.party.plugin").orElseThrow(), metric.getClass().getModule());

        // the layer holds no HMC nor leapfrog: given as instances, they are not looked up in it
        PluginRegistry defaults = Hamiltorch.plugins();
        Samples byName = plainHmc().plugins(registry).metric("third-party-metric").option("third-party.mass", "2")
                .sampler(defaults.sampler(Sampler.HMC)).integrator(defaults.integrator(Integrator.LEAPFROG)).run();
        assertArrayEquals(plainHmc().metric(metric).option("third-party.mass", "2").run().draws().toArray(), byName.draws().toArray());
        assertFalse(Arrays.deepEquals(plainHmc().run().draws().toArray(), byName.draws().toArray()));
    }

    @Test
    void anIntegratorInstanceIsUsedAsIsWhateverNameWasGiven() {
        Integrator leapfrog = Hamiltorch.plugins().integrator(Integrator.LEAPFROG);
        AtomicInteger trajectories = new AtomicInteger();
        Integrator counting = new Integrator() {
            @Override
            public String name() {
                return "counting-leapfrog";
            }

            @Override
            public void checkSupports(Hamiltonian hamiltonian) {
                leapfrog.checkSupports(hamiltonian);
            }

            @Override
            public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
                trajectories.incrementAndGet();
                return leapfrog.integrate(hamiltonian, start, stepSize, steps);
            }
        };
        // "splitting" needs a split target and would be refused: the instance wins over the name, in either order
        Samples counted = plainHmc().integrator(Integrator.SPLITTING).integrator(counting).run();
        assertEquals(NUM_SAMPLES, trajectories.get());
        assertArrayEquals(plainHmc().run().draws().toArray(), counted.draws().toArray());

        plainHmc().integrator(counting).integrator(Integrator.SPLITTING).run();
        assertEquals(2 * NUM_SAMPLES, trajectories.get());
    }

    @Test
    void instancesNeedNoRegistryAndARegistryOfInstancesWorks() {
        PluginRegistry defaults = Hamiltorch.plugins();
        Sampler hmc = defaults.sampler(Sampler.HMC);
        Metric euclidean = defaults.metric(Metric.EUCLIDEAN);
        Integrator leapfrog = defaults.integrator(Integrator.LEAPFROG);
        double[][] expected = plainHmc().run().draws().toArray();

        // every role given as an instance: the empty registry is never asked
        assertArrayEquals(expected, plainHmc().plugins(PluginRegistry.of())
                .sampler(hmc).metric(euclidean).integrator(leapfrog).run().draws().toArray());
        // every role by name, from a registry of exactly these instances
        assertArrayEquals(expected, plainHmc().plugins(PluginRegistry.of(hmc, euclidean, leapfrog)).run().draws().toArray());

        // a role left to the sampler's default is looked up in the registry given, not in the default one
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plainHmc().plugins(PluginRegistry.of(hmc, leapfrog)).run());
        assertEquals("metric = euclidean: no such metric; available: none (no metric plugin is on the class path or"
                + " module path)", e.getMessage());
    }

    @Test
    void brokenAndConflictingProvidersFailOnlyWhenSelected() throws IOException {
        Path services = Files.createDirectories(work.resolve("services"));
        PluginJar.serviceDirectory(services, Integrator.class, FaultyIntegrators.First.class.getName(),
                "com.example.MissingIntegrator", FaultyIntegrators.Second.class.getName(),
                FaultyIntegrators.Unconstructible.class.getName());
        PluginJar.serviceDirectory(services, Metric.class, "com.example.MissingMetric");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.discover(loader);

            assertArrayEquals(plainHmc().run().draws().toArray(), plainHmc().plugins(registry).run().draws().toArray());

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> plainHmc().plugins(registry).integrator("twin").run());
            assertEquals("integrator = twin: two integrator plugins are named \"twin\": "
                    + PluginNames.describe(new FaultyIntegrators.First()) + " and "
                    + PluginNames.describe(new FaultyIntegrators.Second())
                    + "; remove one from the class path or rename it", e.getMessage());

            String unconstructible = FaultyIntegrators.Unconstructible.class.getName();
            e = assertThrows(IllegalArgumentException.class,
                    () -> plainHmc().plugins(registry).integrator("unconstructible").run());
            assertEquals("integrator = unconstructible: no such integrator; available: "
                    + String.join(", ", Hamiltorch.plugins().integratorNames())
                    + "; unavailable, claimed by two or more plugins: twin; providers that failed to load: "
                    + "com.example.MissingIntegrator: Provider com.example.MissingIntegrator not found; "
                    + unconstructible + ": Provider " + unconstructible + " could not be instantiated: "
                    + "java.lang.IllegalStateException: " + FaultyIntegrators.Unconstructible.WHY, e.getMessage());

            e = assertThrows(IllegalArgumentException.class,
                    () -> plainHmc().plugins(registry).metric("riemann").run());
            assertEquals("metric = riemann: no such metric; available: "
                    + String.join(", ", Hamiltorch.plugins().metricNames())
                    + "; providers that failed to load: com.example.MissingMetric: Provider com.example.MissingMetric"
                    + " not found", e.getMessage());
        }
    }
}
