package dev.hamiltorch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.tensor.TensorFactory;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * hamiltorch-api is a real named module on the module path: these tests are patched into it by
 * Surefire, so they see the module as a plugin on the module path does.
 */
class ApiModuleTest {

    private static final String MODULE = "dev.hamiltorch.api";

    @Test
    void theApiIsANamedModuleInTheBootLayer() {
        Module api = Metric.class.getModule();
        assertTrue(api.isNamed(), "hamiltorch-api was loaded from the class path");
        assertEquals(MODULE, api.getName());
        assertSame(api, ModuleLayer.boot().findModule(MODULE).orElseThrow());
        // the test class itself runs inside the module, not in the unnamed module beside it
        assertSame(api, getClass().getModule());
    }

    @Test
    void theDescriptorExportsItsPackagesToEveryone() {
        ModuleDescriptor descriptor = Metric.class.getModule().getDescriptor();
        assertFalse(descriptor.isAutomatic());
        assertFalse(descriptor.isOpen());
        Set<String> exported = descriptor.exports().stream()
                .peek(e -> assertFalse(e.isQualified(), e + " is exported to some modules only"))
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertEquals(Set.of("dev.hamiltorch.api", "dev.hamiltorch.api.tensor", "dev.hamiltorch.api.spi",
                "dev.hamiltorch.api.dynamics", "dev.hamiltorch.api.kernel", "dev.hamiltorch.api.linalg",
                "dev.hamiltorch.api.model", "dev.hamiltorch.api.adaptation"), exported);
    }

    @Test
    void theDescriptorUsesTensorFactoryAndRequiresTheBaseModuleOnly() {
        ModuleDescriptor descriptor = Metric.class.getModule().getDescriptor();
        assertEquals(Set.of(TensorFactory.class.getName()), descriptor.uses());
        Set<String> required = descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("java.base"), required, "the api must depend on the JDK only");
        assertTrue(descriptor.provides().isEmpty(), "the api provides no implementations");
    }
}
