package dev.hamiltorch.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.spi.Integrator;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every integrator is a plugin found by its name, on the module path as through META-INF/services. */
class IntegratorPluginsTest {

    private static final Map<String, Class<? extends Integrator>> EXPECTED = Map.of(
            Integrator.LEAPFROG, Leapfrog.class,
            Integrator.IMPLICIT, GeneralizedLeapfrog.class,
            Integrator.EXPLICIT, ExplicitBindingIntegrator.class,
            Integrator.SPLITTING, SymmetricSplitting.class,
            Integrator.SPLITTING_RAND, RandomisedSplitting.class,
            Integrator.SPLITTING_KMID, KineticMiddleSplitting.class);

    private static Map<String, Integrator> loaded() {
        // the test code runs inside dev.hamiltorch.integrators, which does not itself declare `uses`
        IntegratorPluginsTest.class.getModule().addUses(Integrator.class);
        List<Integrator> all = ServiceLoader.load(Integrator.class).stream().map(ServiceLoader.Provider::get).toList();
        return all.stream().collect(Collectors.toMap(Integrator::name, Function.identity()));
    }

    @Test
    void serviceLoaderFindsEveryIntegratorByName() {
        Map<String, Integrator> byName = loaded();
        assertEquals(EXPECTED.keySet(), byName.keySet());
        EXPECTED.forEach((name, type) -> assertInstanceOf(type, byName.get(name), name));
    }

    @Test
    void theModuleProvidesEveryIntegrator() {
        ModuleDescriptor descriptor = Leapfrog.class.getModule().getDescriptor();
        ModuleDescriptor.Provides provides = descriptor.provides().stream()
                .filter(p -> p.service().equals(Integrator.class.getName()))
                .findFirst().orElseThrow();
        assertEquals(EXPECTED.values().stream().map(Class::getName).collect(Collectors.toSet()),
                Set.copyOf(provides.providers()));
        assertEquals(Set.of("java.base", "dev.hamiltorch.api", "com.google.auto.service"),
                descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()),
                "the API only, and the annotations at compile time");
    }

    @Test
    void configureAndForTrajectoryKeepTheNameAndTheirOwnSettingsOnly() {
        PluginOptions settings = PluginOptions.of(GeneralizedLeapfrog.FIXED_POINT_THRESHOLD, 1e-8)
                .with(GeneralizedLeapfrog.FIXED_POINT_MAX_ITERATIONS, 50)
                .with(ExplicitBindingIntegrator.EXPLICIT_BINDING_CONST, 30.0);
        loaded().forEach((name, integrator) -> {
            Integrator configured = integrator.configure(settings);
            Integrator forTrajectory = configured.forTrajectory(new SplittableRandom(5));
            assertEquals(name, configured.name());
            assertEquals(name, forTrajectory.name());
            if (!name.equals(Integrator.IMPLICIT) && !name.equals(Integrator.EXPLICIT)) {
                assertSame(integrator, configured, name + " reads no settings");
            }
            if (!name.equals(Integrator.SPLITTING_RAND)) {
                assertSame(configured, forTrajectory, name + " draws nothing");
            }
        });
        assertEquals(1e-8, ((GeneralizedLeapfrog) loaded().get(Integrator.IMPLICIT).configure(settings))
                .fixedPointThreshold());
        assertEquals(30.0, ((ExplicitBindingIntegrator) loaded().get(Integrator.EXPLICIT).configure(settings))
                .explicitBindingConst());
    }
}
