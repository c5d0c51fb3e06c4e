package dev.hamiltorch.api.spi;

/** A plugin selected by a name such as {@code "leapfrog"} or {@code "my-metric"}. */
public interface Named {

    /** The unique, lower-case name users select this plugin by. */
    String name();
}
