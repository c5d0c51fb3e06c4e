package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery with ServiceLoader and the Guice bindings it makes. */
class PluginModuleTest {

    @TempDir
    Path services;

    @Test
    void autoServiceRegistersPluginsInTestSourcesToo() throws IOException {
        List<URL> files = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/" + Likelihood.class.getName()));
        boolean listed = false;
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                listed |= new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(TestOnlyLikelihood.class.getName());
            }
        }
        assertTrue(listed, "the processor wrote no service entry for TestOnlyLikelihood: " + files);

        PluginRegistry registry = PluginRegistry.discover();
        assertInstanceOf(TestOnlyLikelihood.class, registry.likelihood(TestOnlyLikelihood.NAME));
        assertInstanceOf(TestOnlyLikelihood.class, registry.likelihood("TEST_ONLY_LIKELIHOOD"));
    }

    @Test
    void bindsEveryKindIntoAMapKeyedByName() {
        Injector injector = Guice.createInjector(new PluginModule());
        Map<String, Likelihood> likelihoods = injector.getInstance(Key.get(new TypeLiteral<Map<String, Likelihood>>() { }));
        assertInstanceOf(TestOnlyLikelihood.class, likelihoods.get(TestOnlyLikelihood.NAME));
        // the other kinds are bound even when no plugin of that kind is installed
        injector.getInstance(Key.get(new TypeLiteral<Map<String, Metric>>() { }));
        injector.getInstance(Key.get(new TypeLiteral<Map<String, Integrator>>() { }));
        assertSame(injector.getInstance(PluginRegistry.class), injector.getInstance(PluginRegistry.class));
    }

    @Test
    void otherModulesMayAddPluginsToTheSameMaps() {
        Metric mine = new Metric() {
            @Override
            public String name() {
                return "my-metric";
            }

            @Override
            public Hamiltonian hamiltonian(Target target, PluginOptions options) {
                throw new UnsupportedOperationException();
            }
        };
        PluginRegistry registry = Guice.createInjector(new PluginModule(), new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, Metric.class).addBinding(mine.name()).toInstance(mine);
            }
        }).getInstance(PluginRegistry.class);
        assertSame(mine, registry.metric("MY_METRIC"));
        assertInstanceOf(TestOnlyLikelihood.class, registry.likelihood(TestOnlyLikelihood.NAME));
    }

    @Test
    void twoPluginsWithOneNameMakeThatNameFailNamingBothClasses() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class,
                FaultyIntegrators.First.class.getName(), FaultyIntegrators.Second.class.getName());
        String conflict = "two integrator plugins are named \"twin\": "
                + PluginNames.describe(new FaultyIntegrators.First()) + " and "
                + PluginNames.describe(new FaultyIntegrators.Second())
                + "; remove one from the class path or rename it";
        try (URLClassLoader loader = loaderOver(services)) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.integrator("twin"));
            assertEquals("integrator = twin: " + conflict, e.getMessage());
            assertEquals(List.of(conflict), registry.problems());
            assertFalse(registry.integratorNames().contains("twin"));
            // the rest of the registry is whole
            assertEquals(Integrator.LEAPFROG, registry.integrator(Integrator.LEAPFROG).name());

            // installed by hand, the module gives a registry with the same report
            PluginRegistry injected = Guice.createInjector(new PluginModule(loader)).getInstance(PluginRegistry.class);
            e = assertThrows(IllegalArgumentException.class, () -> injected.integrator("TWIN"));
            assertEquals("integrator = TWIN: " + conflict, e.getMessage());
        }
    }

    @Test
    void namesDifferingOnlyInCaseCollide() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class,
                FaultyIntegrators.First.class.getName(), FaultyIntegrators.Shouting.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.integrator("Twin"));
            assertEquals("integrator = Twin: two integrator plugins are named \"twin\" and \"TWIN\", which select the"
                    + " same integrator: " + PluginNames.describe(new FaultyIntegrators.First()) + " and "
                    + PluginNames.describe(new FaultyIntegrators.Shouting())
                    + "; remove one from the class path or rename it", e.getMessage());
        }
    }

    @Test
    void threePluginsWithOneNameAreAllNamed() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class, FaultyIntegrators.First.class.getName(),
                FaultyIntegrators.Second.class.getName(), FaultyIntegrators.Shouting.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            assertEquals(List.of("three integrator plugins are named \"twin\" and \"TWIN\", which select the same"
                    + " integrator: " + PluginNames.describe(new FaultyIntegrators.First()) + ", "
                    + PluginNames.describe(new FaultyIntegrators.Second()) + " and "
                    + PluginNames.describe(new FaultyIntegrators.Shouting())
                    + "; remove all but one from the class path or rename them"),
                    PluginRegistry.discover(loader).problems());
        }
    }

    @Test
    void aPluginWithoutANameIsLeftOutAndReported() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class, FaultyIntegrators.Nameless.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            String failure = FaultyIntegrators.Nameless.class.getName() + ": has no name (name() returned null)";
            assertEquals(List.of("integrator provider " + failure), registry.problems());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.integrator("x"));
            assertEquals("integrator = x: no such integrator; available: " + builtInIntegrators()
                    + "; providers that failed to load: " + failure, e.getMessage());
        }
    }

    @Test
    void providersThatCannotBeLoadedAreLeftOutAndReportedByClass() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class, "com.example.MissingIntegrator",
                // a likelihood listed as an integrator
                FaultyIntegrators.Unconstructible.class.getName(), TestOnlyLikelihood.class.getName(),
                FaultyIntegrators.NameThrows.class.getName(), FaultyIntegrators.First.class.getName());
        PluginJar.serviceDirectory(services, Metric.class, "com.example.MissingMetric");
        try (URLClassLoader loader = loaderOver(services)) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            String unconstructible = FaultyIntegrators.Unconstructible.class.getName();
            List<String> integratorFailures = List.of(
                    "com.example.MissingIntegrator: Provider com.example.MissingIntegrator not found",
                    unconstructible + ": Provider " + unconstructible + " could not be instantiated: "
                            + "java.lang.IllegalStateException: " + FaultyIntegrators.Unconstructible.WHY,
                    TestOnlyLikelihood.class.getName() + ": " + TestOnlyLikelihood.class.getName() + " not a subtype",
                    FaultyIntegrators.NameThrows.class.getName() + ": name() threw java.lang.UnsupportedOperationException:"
                            + " named by configuration, and there is none");
            // metrics before integrators, each in the order of its services file
            assertEquals(List.of(
                    "metric provider com.example.MissingMetric: Provider com.example.MissingMetric not found",
                    "integrator provider " + integratorFailures.get(0),
                    "integrator provider " + integratorFailures.get(1),
                    "integrator provider " + integratorFailures.get(2),
                    "integrator provider " + integratorFailures.get(3)),
                    registry.problems());

            // the provider listed after the broken ones is there
            assertInstanceOf(FaultyIntegrators.First.class, registry.integrator("twin"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> registry.integrator("unconstructible"));
            assertEquals("integrator = unconstructible: no such integrator; available: "
                    + String.join(", ", registry.integratorNames()) + "; providers that failed to load: "
                    + String.join("; ", integratorFailures), e.getMessage());
        }
    }

    @Test
    void theDefaultLooksThroughTheContextClassLoader() throws Exception {
        PluginJar.serviceDirectory(services, Integrator.class, FaultyIntegrators.First.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            PluginRegistry registry = withContextClassLoader(loader, PluginRegistry::discover);
            assertInstanceOf(FaultyIntegrators.First.class, registry.integrator("twin"));
            // the engine's own loader sees TestOnlyLikelihood as well: found twice, bound once
            assertInstanceOf(TestOnlyLikelihood.class, registry.likelihood(TestOnlyLikelihood.NAME));
        }
        assertTrue(!PluginRegistry.discover().integratorNames().contains("twin"), "the context loader was restored");
    }

    @Test
    void aModuleLayerWithoutProvidersGivesAnEmptyRegistry() {
        // these tests run on the class path, so no named module in the boot layer provides a plugin
        PluginRegistry registry = PluginRegistry.discover(ModuleLayer.boot());
        assertTrue(registry.metricNames().isEmpty());
        assertTrue(registry.likelihoodNames().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.metric("softabs"));
        assertTrue(e.getMessage().contains("available: none"), e.getMessage());
    }

    @Test
    void eachPluginIsInstantiatedOnce() {
        PluginRegistry registry = PluginRegistry.discover();
        assertSame(registry.likelihood(TestOnlyLikelihood.NAME), registry.likelihood("Test-Only-Likelihood"));
        assertEquals(List.of(TestOnlyLikelihood.NAME), List.copyOf(registry.likelihoodNames()));
    }

    /** The integrators of the test class path, as an unknown-name message lists them. */
    private static String builtInIntegrators() {
        return String.join(", ", PluginRegistry.discover().integratorNames());
    }

    private URLClassLoader loaderOver(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    private static <T> T withContextClassLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
