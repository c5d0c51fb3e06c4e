package dev.hamiltorch.metrics.hessian;

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
import org.junit.jupiter.api.Test;

/**
 * Both ways a plugin is found (docs/architecture.md, "Plugin discovery"): META-INF/services on the
 * class path, written by {@code @AutoService}, and the {@code provides} clause on the module path, in
 * a module layer built from this module's classes and the api's.
 */
class MetricDiscoveryTest {

    @Test
    void serviceLoaderFindsBothMetricsByNameOnTheClassPath() {
        Map<String, Class<?>> byName = ServiceLoader.load(Metric.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(Metric::name, Object::getClass, (a, b) -> a, TreeMap::new));
        assertEquals(HessianMetric.class, byName.get(Metric.HESSIAN));
        assertEquals(DiagonalFisherMetric.class, byName.get(Metric.JACOBIAN_DIAG));
    }

    /** ∂H/∂θ of G = −∇² log π needs ∂G, the third derivatives; of G = diag(g∘g) the Hessian only. */
    @Test
    void eachMetricDeclaresTheDerivativesItsHamiltonianEvaluates() {
        assertEquals(DerivativeOrder.THIRD, new HessianMetric().requiredDerivatives());
        assertEquals(DerivativeOrder.HESSIAN, new DiagonalFisherMetric().requiredDerivatives());
    }

    @Test
    void theModuleDescriptorProvidesBothMetricsOnTheModulePath() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(Metric.class), location(HessianMetric.class));
        String module = "dev.hamiltorch.metrics.hessian";
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
        assertEquals(Map.of(Metric.HESSIAN, module, Metric.JACOBIAN_DIAG, module), found);
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
