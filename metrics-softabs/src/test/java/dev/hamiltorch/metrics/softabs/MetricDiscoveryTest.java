package dev.hamiltorch.metrics.softabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.spi.Metric;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Both ways a plugin is found (docs/architecture.md, "Plugin discovery"): META-INF/services on the
 * class path, written by {@code @AutoService}, and the {@code provides} clause on the module path, in
 * a module layer built from this module's classes, the api's and commons-math3.
 */
class MetricDiscoveryTest {

    @Test
    void serviceLoaderFindsTheMetricByNameOnTheClassPath() {
        Map<String, Class<?>> byName = ServiceLoader.load(Metric.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(Metric::name, Object::getClass, (a, b) -> a, TreeMap::new));
        assertEquals(SoftAbsMetric.class, byName.get(Metric.SOFTABS));
    }

    /** SoftAbs is built from the Hessian, and ∂H/∂θ needs its derivatives: the third derivatives. */
    @Test
    void theMetricNeedsThirdDerivatives() {
        assertEquals(DerivativeOrder.THIRD, new SoftAbsMetric().requiredDerivatives());
    }

    @Test
    void theModuleDescriptorProvidesTheMetricOnTheModulePath() throws Exception {
        // commons-math3 is an automatic module named after its jar, commons.math3
        ModuleFinder finder = ModuleFinder.of(location(Metric.class), location(SoftAbsMetric.class),
                location(EigenDecomposition.class));
        String module = "dev.hamiltorch.metrics.softabs";
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of(module));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        // the layer's own Metric interface, not the one on this test's class path
        Class<?> metricType = layer.findLoader("dev.hamiltorch.api").loadClass(Metric.class.getName());
        Method name = metricType.getMethod("name");
        Map<String, String> found = new TreeMap<>();
        for (Object metric : ServiceLoader.load(layer, metricType)) {
            assertTrue(metric.getClass().getModule().isNamed());
            found.put((String) name.invoke(metric), metric.getClass().getModule().getName());
        }
        assertEquals(Map.of(Metric.SOFTABS, module), found);
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
