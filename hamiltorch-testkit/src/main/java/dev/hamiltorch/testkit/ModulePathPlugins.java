package dev.hamiltorch.testkit;

import dev.hamiltorch.api.spi.Named;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plugins a module provides on the module path, where its {@code module-info}'s {@code provides} clauses
 * count and the class path's {@code META-INF/services} files do not: a plugin test builds a module layer from
 * the jars (or class folders) holding the api, the plugin and its dependencies, and checks the names found.
 */
public final class ModulePathPlugins {

    private ModulePathPlugins() {
    }

    /**
     * Each plugin of {@code service} that {@link ServiceLoader} finds in a module layer resolving {@code module}
     * from the locations of {@code classes} and of the api: its name, mapped to the module it comes from.
     *
     * @param service the plugin interface, such as {@code Metric.class}
     * @param module the plugin's module name, resolved with the modules it requires
     * @param classes one class from each jar or class folder the layer needs besides the api's (the plugin's,
     *     its dependencies')
     * @throws IllegalArgumentException if a class has no location on disk
     * @throws ReflectiveOperationException if the layer's plugins cannot be asked their names
     */
    public static Map<String, String> provided(Class<? extends Named> service, String module, Class<?>... classes)
            throws ReflectiveOperationException {
        Path[] locations = new Path[classes.length + 1];
        locations[0] = location(service);
        for (int i = 0; i < classes.length; i++) {
            locations[i + 1] = location(classes[i]);
        }
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(locations), ModuleFinder.of(), Set.of(module));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        // the layer has its own copy of the api, so its plugins are asked their names through its interface
        // (found by package: on the class path the caller's copy is in no named module)
        Module api = layer.modules().stream().filter(m -> m.getPackages().contains(service.getPackageName()))
                .findFirst().orElseThrow(() -> new ClassNotFoundException(service.getName() + " in the layer"));
        Class<?> serviceInLayer = api.getClassLoader().loadClass(service.getName());
        Method name = serviceInLayer.getMethod("name");
        Map<String, String> found = new TreeMap<>();
        for (Object plugin : ServiceLoader.load(layer, serviceInLayer)) {
            found.put((String) name.invoke(plugin), plugin.getClass().getModule().getName());
        }
        return found;
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalArgumentException(type.getName() + " has no location on disk (a JDK class?)");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(type.getName() + " has no location on disk: " + source.getLocation(), e);
        }
    }
}
