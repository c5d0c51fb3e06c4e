package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dev.hamiltorch.api.SamplerSettings;
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
            public Hamiltonian hamiltonian(Target target, SamplerSettings settings) {
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
    void twoPluginsWithOneNameAreAnErrorNamingBothClasses() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class,
                FaultyIntegrators.First.class.getName(), FaultyIntegrators.Second.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginRegistry.discover(loader));
            assertTrue(e.getMessage().startsWith("two integrator plugins are named \"twin\": "), e.getMessage());
            assertTrue(e.getMessage().contains(FaultyIntegrators.First.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains(FaultyIntegrators.Second.class.getName()), e.getMessage());

            // installed by hand, the module reports the same problem through Guice
            CreationException guice = assertThrows(CreationException.class,
                    () -> Guice.createInjector(new PluginModule(loader)));
            assertTrue(guice.getMessage().contains("two integrator plugins are named \"twin\""), guice.getMessage());
        }
    }

    @Test
    void namesDifferingOnlyInCaseCollide() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class,
                FaultyIntegrators.First.class.getName(), FaultyIntegrators.Shouting.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginRegistry.discover(loader));
            assertTrue(e.getMessage().contains("named \"twin\" and \"TWIN\", which select the same integrator"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(FaultyIntegrators.Shouting.class.getName()), e.getMessage());
        }
    }

    @Test
    void aPluginWithoutANameIsAnError() throws IOException {
        PluginJar.serviceDirectory(services, Integrator.class, FaultyIntegrators.Nameless.class.getName());
        try (URLClassLoader loader = loaderOver(services)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginRegistry.discover(loader));
            assertTrue(e.getMessage().contains("integrator plugin " + FaultyIntegrators.Nameless.class.getName()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("has no name"), e.getMessage());
        }
    }

    @Test
    void aProviderThatCannotBeLoadedIsAnErrorNamingIt() throws IOException {
        PluginJar.serviceDirectory(services, Metric.class, "com.example.MissingMetric");
        try (URLClassLoader loader = loaderOver(services)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PluginRegistry.discover(loader));
            assertTrue(e.getMessage().contains("could not load a metric plugin"), e.getMessage());
            assertTrue(e.getMessage().contains("com.example.MissingMetric"), e.getMessage());
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
