package dev.hamiltorch.api.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed option a plugin declares ({@link Named#options()}): its name, type, default and rule. Users
 * give options as strings ({@code SampleBuilder.option(name, value)}); the engine refuses, before the
 * first draw, a name no selected plugin declares (naming the known ones) and a value that does not parse
 * or breaks the rule, and the plugin reads the typed value with
 * {@link dev.hamiltorch.api.SamplerSettings#option(PluginOption)}.
 *
 * @param name the name users give, e.g. {@code my-metric.scale}; lower case, no spaces
 * @param type the value's type
 * @param defaultValue the value when the user gives none
 * @param rule what a valid value is, in words (for error messages), e.g. "must be positive"
 * @param parser from the user's string to a value; throws {@link RuntimeException} on a malformed string
 * @param valid whether a parsed value is allowed
 * @param <T> the value's type
 */
public record PluginOption<T>(String name, Class<T> type, T defaultValue, String rule, Function<String, T> parser,
                              Predicate<T> valid) {

    /** @throws IllegalArgumentException if the name is blank or the default breaks the rule */
    public PluginOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(valid, "valid");
        if (name.isBlank() || !name.equals(name.strip())) {
            throw new IllegalArgumentException("option name '" + name + "': must be non-blank without spaces");
        }
        if (defaultValue != null && !valid.test(defaultValue)) {
            throw new IllegalArgumentException("option '" + name + "': its default " + defaultValue + " " + rule);
        }
    }

    /** A floating-point option whose values satisfy {@code valid} ({@code rule} says how, in words). */
    public static PluginOption<Double> ofDouble(String name, double defaultValue, String rule, Predicate<Double> valid) {
        return new PluginOption<>(name, Double.class, defaultValue, rule, Double::valueOf, valid);
    }

    /** An integer option whose values satisfy {@code valid} ({@code rule} says how, in words). */
    public static PluginOption<Integer> ofInt(String name, int defaultValue, String rule, Predicate<Integer> valid) {
        return new PluginOption<>(name, Integer.class, defaultValue, rule, Integer::valueOf, valid);
    }

    /** A boolean option: {@code true} or {@code false}, ignoring case. */
    public static PluginOption<Boolean> ofBoolean(String name, boolean defaultValue) {
        return new PluginOption<>(name, Boolean.class, defaultValue, "must be true or false", s -> {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.valueOf(s);
            }
            throw new IllegalArgumentException(s);
        }, v -> true);
    }

    /** A string option, one of {@code allowed}. */
    public static PluginOption<String> ofChoice(String name, String defaultValue, List<String> allowed) {
        List<String> choices = List.copyOf(allowed);
        return new PluginOption<>(name, String.class, defaultValue, "must be one of " + choices, s -> s,
                choices::contains);
    }

    /**
     * The value of {@code text}.
     *
     * @throws IllegalArgumentException naming the option and the value when it does not parse or breaks the rule
     */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("option " + name + " = " + text + ": not a " + type.getSimpleName()
                    + " value (" + rule + ")", e);
        }
        if (value == null || !valid.test(value)) {
            throw new IllegalArgumentException("option " + name + " = " + text + ": " + rule);
        }
        return value;
    }

    /**
     * Checks every option in {@code given} against what {@code plugins} declare: each name must be
     * declared by one of them and each value must parse and satisfy its rule.
     *
     * @throws IllegalArgumentException naming an unknown option and the known ones, or a bad value
     */
    public static void check(Map<String, String> given, Collection<? extends Named> plugins) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            PluginOption<?> declared = null;
            for (Named plugin : plugins) {
                for (PluginOption<?> o : plugin.options()) {
                    if (o.name().equals(e.getKey())) {
                        declared = o;
                    }
                }
            }
            if (declared == null) {
                TreeSet<String> known = new TreeSet<>();
                List<String> names = plugins.stream().map(Named::name).toList();
                plugins.forEach(p -> p.options().forEach(o -> known.add(o.name())));
                throw new IllegalArgumentException("option " + e.getKey() + " = " + e.getValue()
                        + ": no selected plugin " + names + " declares it; known options: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            declared.parse(e.getValue());
        }
    }
}
