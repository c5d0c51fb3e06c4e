package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.engine.Hamiltorch;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's default registry, discovered on a class path with a bad service entry and two plugins
 * of one name: plain HMC keeps working, call after call, and the bad names fail when selected. The
 * engine is loaded afresh in a class loader of its own, so the real class path of the other tests
 * stays clean and the facade is discovered there for the first time.
 */
class DefaultRegistryTest {

    @TempDir
    Path services;

    @Test
    void aBrokenClassPathBreaksOnlyTheBadNames() throws Exception {
        PluginJar.serviceDirectory(services, Integrator.class, FaultyIntegrators.First.class.getName(),
                "com.example.MissingIntegrator", FaultyIntegrators.Second.class.getName());
        List<Object> expected = new ArrayList<>(DefaultRegistryProbe.report().subList(0, 2));

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader fresh = new URLClassLoader(classPathWith(services), ClassLoader.getPlatformClassLoader())) {
            // as in an application, the context loader is the one that loaded the engine
            thread.setContextClassLoader(fresh);
            @SuppressWarnings("unchecked")
            List<Object> report = (List<Object>) fresh.loadClass(DefaultRegistryProbe.class.getName())
                    .getMethod("report").invoke(null);

            assertSame(fresh, report.get(4));
            assertNotSame(Hamiltorch.class.getClassLoader(), report.get(4));
            assertEquals(expected, report.subList(0, 2));
            assertEquals("integrator = twin: two integrator plugins are named \"twin\": "
                    + FaultyIntegrators.First.class.getName() + " (from " + testClasses() + ") and "
                    + FaultyIntegrators.Second.class.getName() + " (from " + testClasses() + ")"
                    + "; remove one from the class path or rename it", report.get(2));
            assertEquals("integrator = verlet: no such integrator; available: "
                    + String.join(", ", Hamiltorch.plugins().integratorNames())
                    + "; unavailable, claimed by two or more plugins: twin; providers that failed to load: "
                    + "com.example.MissingIntegrator: Provider com.example.MissingIntegrator not found", report.get(3));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Where this module's test classes are, as a plugin description gives it. */
    private static URL testClasses() {
        return FaultyIntegrators.First.class.getProtectionDomain().getCodeSource().getLocation();
    }

    /** The class path of this test run, and {@code extra}. */
    private static URL[] classPathWith(Path extra) throws IOException {
        // surefire's own class path may be a manifest-only jar; it names the real one in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        urls.add(extra.toUri().toURL());
        return urls.toArray(URL[]::new);
    }
}
