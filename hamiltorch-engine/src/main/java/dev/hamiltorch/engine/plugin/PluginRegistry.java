package dev.hamiltorch.engine.plugin;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.Sampler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>A discovered registry ({@link #discover()} and its overloads) holds every plugin that loaded,
 * whatever happened to the others: selecting a name that two or more plugins claim throws
 * {@link IllegalArgumentException} naming the name and every class claiming it, and selecting an
 * unknown name throws one that also lists the providers that failed to load, with their errors
 * ({@link #problems()} lists both). A registry built from instances ({@link #of},
 * {@link #PluginRegistry(Map, Map, Map, Map)}) refuses such plugins at once instead.
 *
 * <p>Immutable and thread-safe. Build one with {@link #discover()}, {@link #discover(ClassLoader)},
 * {@link #discover(ModuleLayer)} or {@link #of}, or inject it from a Guice injector made with
 * {@link PluginModule}; give it to a run with
 * {@link dev.hamiltorch.engine.SampleBuilder#plugins(PluginRegistry)}.
 */
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
    public PluginRegistry(Map<String, Metric> metrics, Map<String, Integrator> integrators,
                          Map<String, Sampler> samplers, Map<String, Likelihood> likelihoods) {
        this(new Catalog<>(Metric.class, metrics, Unavailable.NONE),
                new Catalog<>(Integrator.class, integrators, Unavailable.NONE),
                new Catalog<>(Sampler.class, samplers, Unavailable.NONE),
                new Catalog<>(Likelihood.class, likelihoods, Unavailable.NONE));
    }

    PluginRegistry(Catalog<Metric> metrics, Catalog<Integrator> integrators, Catalog<Sampler> samplers,
                   Catalog<Likelihood> likelihoods) {
        this.metrics = metrics;
        this.integrators = integrators;
        this.samplers = samplers;
        this.likelihoods = likelihoods;
    }

    /**
     * A registry over exactly these plugins, each selected by its {@link Named#name()}. A plugin that
     * implements several kinds ({@link Metric}, {@link Integrator}, {@link Sampler},
     * {@link Likelihood}) is registered as each of them. Nothing is discovered: to add plugins to the
     * built-in ones, pass the instances to the builder instead, or list the built-in ones too.
     *
     * @throws IllegalArgumentException if a plugin is of none of the four kinds, has a blank name, or
     *         two plugins of one kind have names that select the same plugin
     */
    public static PluginRegistry of(Named... plugins) {
        return of(List.of(plugins));
    }

    /**
     * A registry over exactly these plugins; see {@link #of(Named...)}.
     *
     * @throws IllegalArgumentException as {@link #of(Named...)} does
     */
    public static PluginRegistry of(Collection<? extends Named> plugins) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, Integrator> integrators = new LinkedHashMap<>();
        Map<String, Sampler> samplers = new LinkedHashMap<>();
        Map<String, Likelihood> likelihoods = new LinkedHashMap<>();
        for (Named plugin : plugins) {
            Objects.requireNonNull(plugin, "plugin");
            boolean kept = put(metrics, Metric.class, plugin)
                    | put(integrators, Integrator.class, plugin)
                    | put(samplers, Sampler.class, plugin)
                    | put(likelihoods, Likelihood.class, plugin);
            if (!kept) {
                throw new IllegalArgumentException("plugin = " + PluginNames.describe(plugin)
                        + ": is not a Metric, Integrator, Sampler or Likelihood");
            }
        }
        return new PluginRegistry(metrics, integrators, samplers, likelihoods);
    }

    /**
     * Adds {@code plugin} to {@code byName} if it is a {@code service}; false if it is not. Names that
     * differ only in spelling are left for the catalog to refuse; an exact repeat is refused here,
     * where the map would otherwise drop the first plugin.
     */
    private static <P extends Named> boolean put(Map<String, P> byName, Class<P> service, Named plugin) {
        if (!service.isInstance(plugin)) {
            return false;
        }
        P typed = service.cast(plugin);
        String name = typed.name();
        P previous = name == null ? null : byName.get(name);
        if (previous != null) {
            String kind = PluginNames.kind(service);
            throw new IllegalArgumentException(PluginNames.conflict(kind, name, previous, name, typed));
        }
        byName.put(name, typed);
        return true;
    }

    /**
     * The plugins on the class path and module path of the current thread and of the engine
     * (see {@link PluginModule#PluginModule()}). Never fails because of a plugin: a provider that
     * cannot be loaded, or a name two plugins claim, is logged at WARN and reported when selected.
     */
    public static PluginRegistry discover() {
        return create(new PluginModule());
    }

    /**
     * The plugins visible to {@code loader}, for example a {@link java.net.URLClassLoader} over
     * plugin jars (whose parent makes the built-in plugins visible too). Tolerates broken and
     * conflicting providers as {@link #discover()} does.
     */
    public static PluginRegistry discover(ClassLoader loader) {
        return create(new PluginModule(loader));
    }

    /**
     * The plugins provided by named modules in {@code layer} and its parents. Tolerates broken and
     * conflicting providers as {@link #discover()} does.
     */
    public static PluginRegistry discover(ModuleLayer layer) {
        return create(new PluginModule(layer));
    }

    private static PluginRegistry create(PluginModule module) {
        try {
            return Guice.createInjector(module).getInstance(PluginRegistry.class);
        } catch (CreationException e) {
            // callers of discover() want the problems, not Guice's framing of them
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

    /**
     * The available samplers, metrics and integrators, in that order and each kind sorted by name: the
     * plugins a run may select, whose options ({@link Named#options()}) a run may give.
     */
    public List<Named> samplersMetricsAndIntegrators() {
        List<Named> all = new ArrayList<>();
        samplerNames().forEach(n -> all.add(sampler(n)));
        metricNames().forEach(n -> all.add(metric(n)));
        integratorNames().forEach(n -> all.add(integrator(n)));
        return List.copyOf(all);
    }

    /**
     * What discovery found but cannot offer, one message each: names claimed by two or more plugins
     * of one kind (naming every class), then providers that failed to load (naming the class and the
     * error). Empty for a registry built from instances.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Catalog<?> catalog : List.of(metrics, integrators, samplers, likelihoods)) {
            problems.addAll(catalog.conflicts.values());
        }
        for (Catalog<?> catalog : List.of(metrics, integrators, samplers, likelihoods)) {
            for (String failure : catalog.failures) {
                problems.add(catalog.kind + " provider " + failure);
            }
        }
        return Collections.unmodifiableList(problems);
    }

    @Override
    public String toString() {
        return "PluginRegistry[metrics=" + metrics.names + ", integrators=" + integrators.names
                + ", samplers=" + samplers.names + ", likelihoods=" + likelihoods.names + "]";
    }

    /**
     * The plugins of one kind, indexed by the canonical form of their names, with what discovery
     * could not offer of that kind.
     */
    static final class Catalog<P extends Named> {
        private final String kind;
        private final Map<String, P> byCanonicalName = new HashMap<>();
        private final SortedSet<String> names;
        /** Canonical name claimed by conflicting plugins → the message naming them. */
        private final Map<String, String> conflicts = new LinkedHashMap<>();
        private final SortedSet<String> conflictingNames;
        private final List<String> failures;

        /**
         * @throws IllegalArgumentException if two keys of {@code plugins} select the same plugin or a key is blank
         */
        Catalog(Class<P> service, Map<String, ? extends P> plugins, Unavailable unavailable) {
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
            unavailable.conflicts().forEach((name, message) -> conflicts.put(PluginNames.canonical(name), message));
            this.conflictingNames = new TreeSet<>(unavailable.conflicts().keySet());
            this.failures = unavailable.failures();
        }

        P select(String name) {
            String canonical = name == null ? null : PluginNames.canonical(name);
            P plugin = canonical == null ? null : byCanonicalName.get(canonical);
            if (plugin != null) {
                return plugin;
            }
            String conflict = canonical == null ? null : conflicts.get(canonical);
            if (conflict != null) {
                throw new IllegalArgumentException(kind + " = " + name + ": " + conflict);
            }
            String available = names.isEmpty()
                    ? "none (no " + kind + " plugin is on the class path or module path)"
                    : String.join(", ", names);
            StringBuilder message = new StringBuilder(kind + " = " + name + ": no such " + kind
                    + "; available: " + available);
            if (!conflictingNames.isEmpty()) {
                message.append("; unavailable, claimed by two or more plugins: ")
                        .append(String.join(", ", conflictingNames));
            }
            if (!failures.isEmpty()) {
                message.append("; providers that failed to load: ").append(String.join("; ", failures));
            }
            throw new IllegalArgumentException(message.toString());
        }
    }
}
