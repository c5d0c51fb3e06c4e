package dev.hamiltorch.api.spi;

import java.util.List;

/** A plugin selected by a name such as {@code "leapfrog"} or {@code "my-metric"}. */
public interface Named {

    /** The unique, lower-case name users select this plugin by. */
    String name();

    /**
     * The typed options this plugin reads with {@link PluginOptions#get(PluginOption)}: all of its settings.
     * A run that gives an option no selected plugin declares is refused before the first draw, naming
     * the plugins and their options. None by default.
     */
    default List<PluginOption<?>> options() {
        return List.of();
    }
}
