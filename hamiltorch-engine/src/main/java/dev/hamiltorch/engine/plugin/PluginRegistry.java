package dev.hamiltorch.engine.plugin;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.ProvisionException;
import com.google.inject.Singleton;
import com.google.inject.spi.Message;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.Sampler;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The plugins available to a run, selected by name: {@code registry.metric("softabs")},
 * {@code registry.integrator(Integrator.IMPLICIT)}, {@code registry.metric("my-metric")}.
 *
 * <p>Names are matched ignoring case and reading {@code '_'} as {@code '-'}, so hamiltorch's enum
 * spellings work too: {@code "JACOBIAN_DIAG"} selects {@code "jacobian-diag"} and
 * {@code "SPLITTING_RAND"} selects {@code "splitting-rand"}. Plugins are shared instances and must
 * be stateless: a metric makes a new Hamiltonian and a sampler a new kernel for every run.
 *
 * <p>Immutable and thread-safe. Build one with {@link #discover()} or inject it from a Guice
 * injector made with {@link PluginModule}.
 */
@Singleton
public final class PluginRegistry {

    private final Catalog<Metric> metrics;
    private final Catalog<Integrator> integrators;
    private final Catalog<Sampler> samplers;
    private final Catalog<Likelihood> likelihoods;

    /**
     * A registry over the given plugins, each map keyed by the name that selects its plugin.
     *
     * @throws IllegalArgumentException if two keys of one map select the same plugin (they differ
     *         only in case or in {@code '_'} versus {@code '-'}), or a key is blank
     */
    @Inject
    public PluginRegistry(Map<String, Metric> metrics, Map<String, Integrator> integrators,
                          Map<String, Sampler> samplers, Map<String, Likelihood> likelihoods) {
        this.metrics = new Catalog<>(Metric.class, metrics);
        this.integrators = new Catalog<>(Integrator.class, integrators);
        this.samplers = new Catalog<>(Sampler.class, samplers);
        this.likelihoods = new Catalog<>(Likelihood.class, likelihoods);
    }

    /**
     * The plugins on the class path and module path of the current thread and of the engine
     * (see {@link PluginModule#PluginModule()}).
     *
     * @throws IllegalStateException naming the plugins at fault when two share a name or one cannot be loaded
     */
    public static PluginRegistry discover() {
        return create(new PluginModule());
    }

    /**
     * The plugins visible to {@code loader}, for example a {@link java.net.URLClassLoader} over
     * plugin jars.
     *
     * @throws IllegalStateException naming the plugins at fault when two share a name or one cannot be loaded
     */
    public static PluginRegistry discover(ClassLoader loader) {
        return create(new PluginModule(loader));
    }

    /**
     * The plugins provided by named modules in {@code layer} and its parents.
     *
     * @throws IllegalStateException naming the plugins at fault when two share a name or one cannot be loaded
     */
    public static PluginRegistry discover(ModuleLayer layer) {
        return create(new PluginModule(layer));
    }

    private static PluginRegistry create(PluginModule module) {
        try {
            return Guice.createInjector(module).getInstance(PluginRegistry.class);
        } catch (CreationException e) {
            // callers of discover() want the plugin problems, not Guice's framing of them
            String problems = e.getErrorMessages().stream().map(Message::getMessage)
                    .collect(Collectors.joining("\n"));
            throw new IllegalStateException(problems, e);
        } catch (ProvisionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The metric selected by {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the available metrics if none matches
     */
    public Metric metric(String name) {
        return metrics.select(name);
    }

    /**
     * The integrator selected by {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the available integrators if none matches
     */
    public Integrator integrator(String name) {
        return integrators.select(name);
    }

    /**
     * The sampler selected by {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the available samplers if none matches
     */
    public Sampler sampler(String name) {
        return samplers.select(name);
    }

    /**
     * The likelihood selected by {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the available likelihoods if none matches
     */
    public Likelihood likelihood(String name) {
        return likelihoods.select(name);
    }

    /** The names of the available metrics, sorted. */
    public SortedSet<String> metricNames() {
        return metrics.names;
    }

    /** The names of the available integrators, sorted. */
    public SortedSet<String> integratorNames() {
        return integrators.names;
    }

    /** The names of the available samplers, sorted. */
    public SortedSet<String> samplerNames() {
        return samplers.names;
    }

    /** The names of the available likelihoods, sorted. */
    public SortedSet<String> likelihoodNames() {
        return likelihoods.names;
    }

    @Override
    public String toString() {
        return "PluginRegistry[metrics=" + metrics.names + ", integrators=" + integrators.names
                + ", samplers=" + samplers.names + ", likelihoods=" + likelihoods.names + "]";
    }

    /** The plugins of one kind, indexed by the canonical form of their names. */
    private static final class Catalog<P extends Named> {
        private final String kind;
        private final Map<String, P> byCanonicalName = new HashMap<>();
        private final SortedSet<String> names;

        Catalog(Class<P> service, Map<String, ? extends P> plugins) {
            this.kind = PluginNames.kind(service);
            Map<String, String> keyOfCanonicalName = new HashMap<>();
            for (Map.Entry<String, ? extends P> entry : plugins.entrySet()) {
                String key = entry.getKey();
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException(kind + " = \"" + key + "\": a plugin name must not be blank");
                }
                String canonical = PluginNames.canonical(key);
                String previousKey = keyOfCanonicalName.putIfAbsent(canonical, key);
                if (previousKey != null) {
                    throw new IllegalArgumentException(PluginNames.conflict(kind, previousKey,
                            plugins.get(previousKey), key, entry.getValue()));
                }
                byCanonicalName.put(canonical, Objects.requireNonNull(entry.getValue(), key));
            }
            this.names = Collections.unmodifiableSortedSet(new TreeSet<>(plugins.keySet()));
        }

        P select(String name) {
            P plugin = name == null ? null : byCanonicalName.get(PluginNames.canonical(name));
            if (plugin == null) {
                String available = names.isEmpty()
                        ? "none (no " + kind + " plugin is on the class path or module path)"
                        : String.join(", ", names);
                throw new IllegalArgumentException(kind + " = " + name + ": no such " + kind
                        + "; available: " + available);
            }
            return plugin;
        }
    }
}
