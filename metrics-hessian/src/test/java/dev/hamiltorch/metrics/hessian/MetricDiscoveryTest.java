package dev.hamiltorch.metrics.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.testkit.ModulePathPlugins;
import java.util.Map;
import java.util.ServiceLoader;
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
        String module = "dev.hamiltorch.metrics.hessian";
        assertEquals(Map.of(Metric.HESSIAN, module, Metric.JACOBIAN_DIAG, module),
                ModulePathPlugins.provided(Metric.class, module, HessianMetric.class));
    }
}
