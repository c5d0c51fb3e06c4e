package dev.hamiltorch.engine.plugin;

import java.net.URL;
import java.security.CodeSource;
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
        String names = firstName.equals(secondName)
                ? "named \"" + firstName + "\""
                : "named \"" + firstName + "\" and \"" + secondName + "\", which select the same " + kind;
        return "two " + kind + " plugins are " + names + ": " + describe(first) + " and " + describe(second)
                + "; remove one from the class path or rename it";
    }
}
