package dev.hamiltorch.api.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The values of the typed options ({@link PluginOption}) that a run gives its plugins, checked against
 * what the selected plugins declare ({@link Named#options()}). A plugin reads its own with
 * {@link #get(PluginOption)}, which gives the option's default when the user gave none. These are the
 * plugins' settings only: the run's own (samples, burn, seed, chains) and the kernel's tuning
 * ({@link dev.hamiltorch.api.kernel.StepParameters}) are not options. Immutable.
 *
 * <p>{@link #of(Map, Collection, Collection)} refuses, before the first draw, an option no selected plugin
 * declares (a misspelling, or an option of a plugin the run does not use), naming the plugins and their
 * known options, and a value that does not parse or breaks its rule, naming the option and the value.
 */
public final class PluginOptions {

    private static final PluginOptions DEFAULTS = new PluginOptions(Map.of());

    /** Option name to its value, parsed by (and valid for) every selected plugin that declares it. */
    private final Map<String, Object> values;

    private PluginOptions(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** No option given: every plugin reads its options' defaults. */
    public static PluginOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The options {@code given} (a value is a string to parse, as from a command line, or a typed value:
     * a {@link Double} for a floating-point option, …), checked against the {@code selected} plugins.
     *
     * @throws IllegalArgumentException as {@link #of(Map, Collection, Collection)}
     */
    public static PluginOptions of(Map<String, ?> given, Collection<? extends Named> selected) {
        return of(given, selected, List.of());
    }

    /**
     * The options {@code given}, checked against the {@code selected} plugins; {@code available} (the
     * plugins the user could have selected) only makes the message for an option of an unselected plugin
     * say which plugin declares it.
     *
     * @throws IllegalArgumentException for an option that no selected plugin declares (naming the selected
     *         plugins and their options, and the unselected plugin declaring it, if any), or a value that does
     *         not parse or breaks the rule of a plugin declaring it (naming the option and the value)
     */
    public static PluginOptions of(Map<String, ?> given, Collection<? extends Named> selected,
                                   Collection<? extends Named> available) {
        Objects.requireNonNull(given, "options");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "option name");
            Object value = Objects.requireNonNull(e.getValue(), () -> "option " + name);
            List<PluginOption<?>> declared = declarations(name, selected);
            if (declared.isEmpty()) {
                throw new IllegalArgumentException(undeclared(name, value, selected, available));
            }
            Object first = null;
            for (PluginOption<?> option : declared) {
                Object v = option.accept(value); // every declaring plugin must accept the value
                first = first == null ? v : first;
            }
            values.put(name, first);
        }
        return new PluginOptions(values);
    }

    /**
     * These options with {@code option} set to {@code value}, checked against the option's rule only (for a
     * plugin built by hand, e.g. in a test).
     *
     * @throws IllegalArgumentException naming the option and the value when it breaks the rule
     */
    public <T> PluginOptions with(PluginOption<T> option, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(option.name(), option.accept(value));
        return new PluginOptions(copy);
    }

    /** {@link #defaults()} with {@code option} set to {@code value}; see {@link #with}. */
    public static <T> PluginOptions of(PluginOption<T> option, T value) {
        return DEFAULTS.with(option, value);
    }

    /** The value of {@code option}: the one given, or its default. */
    public <T> T get(PluginOption<T> option) {
        Object v = values.get(option.name());
        if (v == null) {
            return option.defaultValue();
        }
        // another plugin's declaration of the same name parsed it first; this one's type may differ
        return option.type().isInstance(v) ? option.type().cast(v) : option.type().cast(option.accept(v));
    }

    /** Whether the user gave {@code option} (rather than its default being in force). */
    public boolean isGiven(PluginOption<?> option) {
        return values.containsKey(option.name());
    }

    /** The options given, by name, with their checked values (read-only), in the order given. */
    public Map<String, Object> given() {
        return values;
    }

    /** Whether one of {@code plugins} declares an option named {@code name}. */
    public static boolean isDeclared(String name, Collection<? extends Named> plugins) {
        return !declarations(name, plugins).isEmpty();
    }

    private static List<PluginOption<?>> declarations(String name, Collection<? extends Named> plugins) {
        List<PluginOption<?>> found = new ArrayList<>();
        for (Named plugin : plugins) {
            for (PluginOption<?> o : plugin.options()) {
                if (o.name().equals(name)) {
                    found.add(o);
                }
            }
        }
        return found;
    }

    private static String undeclared(String name, Object value, Collection<? extends Named> selected,
                                     Collection<? extends Named> available) {
        StringJoiner elsewhere = new StringJoiner(", ");
        for (Named plugin : available) {
            if (!selected.contains(plugin) && isDeclared(name, List.of(plugin))) {
                elsewhere.add("'" + plugin.name() + "'");
            }
        }
        String why = elsewhere.length() > 0
                ? "it is an option of " + elsewhere + ", which this run does not use"
                : "no plugin of this run declares it";
        return "option " + name + " = " + value + ": " + why + "; known options: " + known(selected)
                + closest(name, selected);
    }

    /** Each selected plugin with its options, e.g. {@code hmc [step-size-jitter], leapfrog [none]}. */
    private static String known(Collection<? extends Named> plugins) {
        StringJoiner all = new StringJoiner(", ");
        for (Named plugin : plugins) {
            StringJoiner own = new StringJoiner(", ", "[", "]");
            plugin.options().forEach(o -> own.add(o.name()));
            all.add("'" + plugin.name() + "' " + (own.length() > 2 ? own : "[none]"));
        }
        return all.toString();
    }

    /** "; did you mean X?" for a known option within two edits (ignoring case), else nothing. */
    private static String closest(String name, Collection<? extends Named> plugins) {
        String best = null;
        int bestDistance = 3;
        for (Named plugin : plugins) {
            for (PluginOption<?> o : plugin.options()) {
                int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), o.name().toLowerCase(java.util.Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = o.name();
                }
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /** Levenshtein distance. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The options given, e.g. {@code {softabsConst=1.0}}. */
    @Override
    public String toString() {
        return values.toString();
    }
}
