package dev.hamiltorch.metrics.softabs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.testkit.ModulePathPlugins;
import java.util.Map;
import java.util.ServiceLoader;
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
        String module = "dev.hamiltorch.metrics.softabs";
        assertEquals(Map.of(Metric.SOFTABS, module),
                ModulePathPlugins.provided(Metric.class, module, SoftAbsMetric.class, EigenDecomposition.class));
    }
}
