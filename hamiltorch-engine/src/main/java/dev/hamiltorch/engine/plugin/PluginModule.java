package dev.hamiltorch.engine.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.Sampler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Guice module that finds every {@link Metric}, {@link Integrator}, {@link Sampler} and
 * {@link Likelihood} with {@link ServiceLoader} and binds each into a {@code MapBinder<String, X>}
 * keyed by its {@link Named#name()}, so that {@code Map<String, Metric>} (and so on) can be injected;
 * it also provides a singleton {@link PluginRegistry}, which selects plugins by the names users type.
 *
 * <p>Providers are found both on the class path ({@code META-INF/services}, as written by
 * {@code @AutoService}) and in named modules ({@code provides ... with ...}). Each plugin class is
 * instantiated once per module.
 *
 * <p>Discovery never fails because of one plugin: every provider is loaded on its own, and the others
 * are bound whatever happens to it. A provider that cannot be loaded or instantiated, or whose
 * {@code name()} throws or is blank, is left out and recorded with its class name and the error; two or
 * more plugins of one kind whose names select the same plugin (equal, or differing only in case or in
 * {@code '_'} versus {@code '-'}) are all left out, and their name is recorded with every class claiming
 * it. Each such problem is logged once at WARN; {@link PluginRegistry} reports it again when the name
 * is selected ({@link PluginRegistry#problems()} lists them all).
 *
 * <p>Other modules may add plugins programmatically to the same map binders, for example
 * {@code MapBinder.newMapBinder(binder(), String.class, Metric.class).addBinding("my-metric").to(MyMetric.class)}.
 */
public final class PluginModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(PluginModule.class);

    /** Consecutive identical loader errors after which a traversal is abandoned: the loader is not moving on. */
    private static final int MAX_REPEATED_ERRORS = 2;

    /**
     * How {@link ServiceLoader} names the provider at fault, after the service name:
     * "Provider com.example.Broken not found", "com.example.Broken not a subtype".
     */
    private static final Pattern PROVIDER_IN_MESSAGE =
            Pattern.compile("^(?:Provider )?((?:[\\p{L}_$][\\p{L}\\p{N}_$]*\\.)+[\\p{L}_$][\\p{L}\\p{N}_$]*) ");

    private final List<ClassLoader> classLoaders;
    private final ModuleLayer layer;
    /** Filled by {@link #configure()}, read by {@link #registry}; per kind. */
    private final Map<Class<?>, Unavailable> unavailable = new ConcurrentHashMap<>();

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
    }

    /** The registry over every bound plugin, this module's and other modules' alike. */
    @Provides
    @Singleton
    PluginRegistry registry(Map<String, Metric> metrics, Map<String, Integrator> integrators,
                            Map<String, Sampler> samplers, Map<String, Likelihood> likelihoods) {
        return new PluginRegistry(
                new PluginRegistry.Catalog<>(Metric.class, metrics, unavailableOf(Metric.class)),
                new PluginRegistry.Catalog<>(Integrator.class, integrators, unavailableOf(Integrator.class)),
                new PluginRegistry.Catalog<>(Sampler.class, samplers, unavailableOf(Sampler.class)),
                new PluginRegistry.Catalog<>(Likelihood.class, likelihoods, unavailableOf(Likelihood.class)));
    }

    private Unavailable unavailableOf(Class<?> service) {
        return unavailable.getOrDefault(service, Unavailable.NONE);
    }

    private <P extends Named> void bindPlugins(Class<P> service) {
        String kind = PluginNames.kind(service);
        MapBinder<String, P> byName = MapBinder.newMapBinder(binder(), String.class, service);
        List<String> failures = new ArrayList<>();
        // canonical name -> every healthy plugin claiming it, in discovery order
        Map<String, List<P>> claims = new LinkedHashMap<>();
        for (P plugin : load(service, kind, failures)) {
            claims.computeIfAbsent(PluginNames.canonical(plugin.name()), c -> new ArrayList<>()).add(plugin);
        }
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (List<P> claimants : claims.values()) {
            P first = claimants.get(0);
            if (claimants.size() == 1) {
                LOG.debug("found {} plugin \"{}\": {}", kind, first.name(), PluginNames.describe(first));
                byName.addBinding(first.name()).toInstance(first);
                continue;
            }
            String message = PluginNames.conflict(kind, claimants.stream().map(Named::name).toList(), claimants);
            LOG.warn("{} \"{}\" is unavailable: {}", kind, first.name(), message);
            conflicts.put(first.name(), message);
        }
        unavailable.put(service, new Unavailable(conflicts, failures));
    }

    /**
     * Every provider of {@code service} from every source that loads and has a name, each class once;
     * the others are added to {@code failures} and logged.
     */
    private <P extends Named> List<P> load(Class<P> service, String kind, List<String> failures) {
        List<ServiceLoader<P>> loaders = new ArrayList<>();
        if (layer != null) {
            loaders.add(ServiceLoader.load(layer, service));
        }
        for (ClassLoader classLoader : classLoaders) {
            loaders.add(ServiceLoader.load(service, classLoader));
        }
        Set<Class<?>> seen = new HashSet<>();
        // a set: a provider that fails through two class loaders is one failure
        Set<String> failed = new LinkedHashSet<>();
        List<P> found = new ArrayList<>();
        for (ServiceLoader<P> serviceLoader : loaders) {
            forEachProvider(serviceLoader, service, failed, provider -> {
                // a provider seen through two class loaders is one plugin, not a conflict
                if (seen.add(provider.type())) {
                    P plugin = instantiate(provider, service, failed);
                    if (plugin != null) {
                        found.add(plugin);
                    }
                }
            });
        }
        for (String failure : failed) {
            LOG.warn("{} provider left out, it could not be loaded: {}", kind, failure);
        }
        failures.addAll(failed);
        return found;
    }

    /**
     * Hands each provider {@code serviceLoader} locates, in the order it lists them, to {@code action};
     * one whose class cannot be found or is not a {@code service} is added to {@code failed}, and the
     * search goes on past it.
     */
    private static <P> void forEachProvider(ServiceLoader<P> serviceLoader, Class<P> service, Set<String> failed,
                                            Consumer<ServiceLoader.Provider<P>> action) {
        Iterator<ServiceLoader.Provider<P>> located = serviceLoader.stream().iterator();
        String previousError = null;
        int repeats = 0;
        while (true) {
            ServiceLoader.Provider<P> provider;
            try {
                if (!located.hasNext()) {
                    return;
                }
                provider = located.next();
            } catch (ServiceConfigurationError e) {
                // the lookup keeps its place past a bad entry, so the walk goes on unless it repeats itself
                String message = String.valueOf(e.getMessage());
                repeats = message.equals(previousError) ? repeats + 1 : 0;
                previousError = message;
                if (repeats >= MAX_REPEATED_ERRORS) {
                    return;
                }
                String reason = reason(e, service);
                failed.add(providerClassIn(reason, service) + ": " + reason);
                continue;
            }
            action.accept(provider);
        }
    }

    /**
     * The plugin {@code provider} makes, or null, having added the reason to {@code failed}, when its
     * constructor or {@code name()} fails or it has no name.
     */
    private static <P extends Named> P instantiate(ServiceLoader.Provider<P> provider, Class<P> service,
                                                   Set<String> failed) {
        String className = provider.type().getName();
        P plugin;
        try {
            plugin = provider.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            failed.add(className + ": " + reason(e, service));
            return null;
        }
        String name;
        try {
            name = plugin.name();
        } catch (RuntimeException | LinkageError e) {
            failed.add(className + ": name() threw " + reason(e, service));
            return null;
        }
        if (name == null || name.isBlank()) {
            failed.add(className + ": has no name (name() returned " + (name == null ? "null" : "\"" + name + "\"")
                    + ")");
            return null;
        }
        return plugin;
    }

    /** The provider class a {@link #reason} names, or the service when it names none. */
    private static String providerClassIn(String reason, Class<?> service) {
        Matcher m = PROVIDER_IN_MESSAGE.matcher(reason);
        return m.find() ? m.group(1) : service.getName();
    }

    /** The error, without the service name ServiceLoader puts first, followed by its cause. */
    private static String reason(Throwable e, Class<?> service) {
        String reason = e.toString();
        if (e instanceof ServiceConfigurationError) {
            String message = String.valueOf(e.getMessage());
            String prefix = service.getName() + ": ";
            reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        }
        return e.getCause() == null ? reason : reason + ": " + e.getCause();
    }
}
