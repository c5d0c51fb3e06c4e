package dev.hamiltorch.engine.plugin;

import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;

/** How plugin names are compared and how plugins are described in error messages. */
final class PluginNames {

    private PluginNames() {
    }

    /**
     * The form names are compared in: trimmed, lower case, {@code '_'} read as {@code '-'}, so that
     * hamiltorch's enum spellings ({@code JACOBIAN_DIAG}, {@code SPLITTING_RAND}) select
     * {@code "jacobian-diag"} and {@code "splitting-rand"}.
     */
    static String canonical(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The word users see for a service type: {@code "metric"}, {@code "integrator"}, … */
    static String kind(Class<?> service) {
        return service.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** A plugin's class and, when known, the jar or directory it was loaded from. */
    static String describe(Object plugin) {
        Class<?> type = plugin.getClass();
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? type.getName() : type.getName() + " (from " + location + ")";
    }

    /** The message for two plugins of one kind whose names select the same plugin. */
    static String conflict(String kind, String firstName, Object first, String secondName, Object second) {
        return conflict(kind, List.of(firstName, secondName), List.of(first, second));
    }

    /**
     * The message for two or more plugins of one kind whose names select the same plugin;
     * {@code names.get(i)} is the name of {@code plugins.get(i)}.
     */
    static String conflict(String kind, List<String> names, List<?> plugins) {
        List<String> distinct = names.stream().distinct().map(n -> "\"" + n + "\"").toList();
        String named = distinct.size() == 1
                ? "named " + distinct.get(0)
                : "named " + and(distinct) + ", which select the same " + kind;
        String count = plugins.size() == 2 ? "two" : plugins.size() == 3 ? "three" : String.valueOf(plugins.size());
        String fix = plugins.size() == 2 ? "remove one from the class path or rename it"
                : "remove all but one from the class path or rename them";
        return count + " " + kind + " plugins are " + named + ": "
                + and(plugins.stream().map(PluginNames::describe).toList()) + "; " + fix;
    }

    /** {@code "a"}, {@code "a and b"}, {@code "a, b and c"}. */
    private static String and(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}
