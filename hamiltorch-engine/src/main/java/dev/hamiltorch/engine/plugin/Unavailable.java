package dev.hamiltorch.engine.plugin;

import java.util.List;
import java.util.Map;

/**
 * What discovery found of one kind of plugin but cannot offer: names claimed by two or more plugins,
 * and providers that failed to load before their names were known.
 *
 * @param conflicts each conflicting name (as the first of its plugins spells it) with the message that
 *        names every plugin claiming it
 * @param failures one entry per provider that failed, {@code "com.example.Broken: reason"}
 */
record Unavailable(Map<String, String> conflicts, List<String> failures) {

    /** Nothing unavailable. */
    static final Unavailable NONE = new Unavailable(Map.of(), List.of());

    Unavailable {
        conflicts = Map.copyOf(conflicts);
        failures = List.copyOf(failures);
    }
}
