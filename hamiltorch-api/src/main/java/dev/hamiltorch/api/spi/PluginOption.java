package dev.hamiltorch.api.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed option a plugin declares ({@link Named#options()}): its name, type, default and rule. Every
 * setting of a plugin is one (SoftAbs's {@code softabsConst}, the implicit integrator's
 * {@code fixedPointThreshold}, NUTS's {@code maxTreeDepth}, a third-party metric's own). Users give
 * options typed ({@code SampleBuilder.softabsConst(1e6)}) or as strings ({@code option(name, value)},
 * the runner's flags); the engine checks them when it selects the plugins ({@link PluginOptions#of}),
 * refusing a name no selected plugin declares and a value that does not parse or breaks the rule, and
 * the plugin reads the typed value with {@link PluginOptions#get(PluginOption)}.
 *
 * @param name the name users give, e.g. hamiltorch's {@code softabsConst} or {@code my-metric.scale}; no spaces
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
     * The value of this option for {@code value}: a string is {@linkplain #parse parsed}; a typed value must
     * be of this option's type (an integral number also serves a floating-point option) and satisfy the rule.
     *
     * @throws IllegalArgumentException naming the option and the value when it is of another type, does not
     *         parse or breaks the rule
     */
    public T accept(Object value) {
        if (value instanceof String text) {
            return parse(text);
        }
        Object v = value;
        if (type == Double.class && (v instanceof Integer || v instanceof Long || v instanceof Float)) {
            v = ((Number) v).doubleValue();
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("option " + name + " = " + value + ": not a " + type.getSimpleName()
                    + " value (" + rule + ")");
        }
        T typed = type.cast(v);
        if (!valid.test(typed)) {
            throw new IllegalArgumentException("option " + name + " = " + value + ": " + rule);
        }
        return typed;
    }
}
