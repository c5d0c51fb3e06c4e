package dev.hamiltorch.engine.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.Sampler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Guice module that finds every {@link Metric}, {@link Integrator}, {@link Sampler} and
 * {@link Likelihood} with {@link ServiceLoader} and binds each into a {@code MapBinder<String, X>}
 * keyed by its {@link Named#name()}, so that {@code Map<String, Metric>} (and so on) can be injected;
 * it also binds {@link PluginRegistry}, which selects plugins by the names users type.
 *
 * <p>Providers are found both on the class path ({@code META-INF/services}, as written by
 * {@code @AutoService}) and in named modules ({@code provides ... with ...}). Each plugin class is
 * instantiated once per module. Two plugins of one kind whose names select the same plugin (equal,
 * or differing only in case or in {@code '_'} versus {@code '-'}) are an error that names both
 * classes, as is a plugin that cannot be loaded or has no name; Guice reports these errors when the
 * injector is created.
 *
 * <p>Other modules may add plugins programmatically to the same map binders, for example
 * {@code MapBinder.newMapBinder(binder(), String.class, Metric.class).addBinding("my-metric").to(MyMetric.class)}.
 */
public final class PluginModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(PluginModule.class);

    private final List<ClassLoader> classLoaders;
    private final ModuleLayer layer;

    /**
     * Discovers plugins visible to the current thread's context class loader (which also sees named
     * modules in the boot layer) and to the class loader of the engine itself, when that differs.
     */
    public PluginModule() {
        this(defaultClassLoaders(), null);
    }

    /**
     * Discovers plugins visible to {@code loader}: {@code META-INF/services} entries it can read and
     * named modules defined to it or to its ancestors.
     */
    public PluginModule(ClassLoader loader) {
        this(List.of(Objects.requireNonNull(loader, "loader")), null);
    }

    /** Discovers plugins provided by named modules in {@code layer} and its parent layers. */
    public PluginModule(ModuleLayer layer) {
        this(List.of(), Objects.requireNonNull(layer, "layer"));
    }

    private PluginModule(List<ClassLoader> classLoaders, ModuleLayer layer) {
        this.classLoaders = classLoaders;
        this.layer = layer;
    }

    private static List<ClassLoader> defaultClassLoaders() {
        ClassLoader engine = PluginModule.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == engine) {
            return List.of(engine);
        }
        return List.of(context, engine);
    }

    @Override
    protected void configure() {
        bindPlugins(Metric.class);
        bindPlugins(Integrator.class);
        bindPlugins(Sampler.class);
        bindPlugins(Likelihood.class);
        bind(PluginRegistry.class);
    }

    private <P extends Named> void bindPlugins(Class<P> service) {
        String kind = PluginNames.kind(service);
        MapBinder<String, P> byName = MapBinder.newMapBinder(binder(), String.class, service);
        Map<String, P> byCanonicalName = new HashMap<>();
        for (P plugin : load(service, kind)) {
            String name = plugin.name();
            if (name == null || name.isBlank()) {
                reportError(plugin.getClass(), kind + " plugin " + PluginNames.describe(plugin) + " has no name");
                continue;
            }
            P previous = byCanonicalName.putIfAbsent(PluginNames.canonical(name), plugin);
            if (previous != null) {
                reportError(plugin.getClass(), PluginNames.conflict(kind, previous.name(), previous, name, plugin));
                continue;
            }
            LOG.debug("found {} plugin \"{}\": {}", kind, name, PluginNames.describe(plugin));
            byName.addBinding(name).toInstance(plugin);
        }
    }

    /** Every provider of {@code service} from every source, each class once. */
    private <P> List<P> load(Class<P> service, String kind) {
        List<ServiceLoader<P>> loaders = new ArrayList<>();
        if (layer != null) {
            loaders.add(ServiceLoader.load(layer, service));
        }
        for (ClassLoader classLoader : classLoaders) {
            loaders.add(ServiceLoader.load(service, classLoader));
        }
        Set<Class<?>> seen = new HashSet<>();
        List<P> found = new ArrayList<>();
        for (ServiceLoader<P> serviceLoader : loaders) {
            Iterator<P> providers = serviceLoader.iterator();
            try {
                while (providers.hasNext()) {
                    P plugin = providers.next();
                    // a provider seen through two class loaders is one plugin, not a conflict
                    if (seen.add(plugin.getClass())) {
                        found.add(plugin);
                    }
                }
            } catch (ServiceConfigurationError e) {
                // stop at the first broken provider: the iterator's recovery is only best effort
                Throwable cause = e.getCause();
                reportError(service, "could not load a " + kind + " plugin: " + e.getMessage()
                        + (cause == null ? "" : " (" + cause + ")"));
            }
        }
        return found;
    }

    /** Records an error, attributed to {@code source}, that Guice reports when the injector is created. */
    private void reportError(Object source, String message) {
        binder().withSource(source).addError("%s", message);
    }
}
