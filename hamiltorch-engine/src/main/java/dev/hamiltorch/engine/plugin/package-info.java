/**
 * Plugin discovery and wiring: {@link dev.hamiltorch.engine.plugin.PluginModule} finds every
 * {@link dev.hamiltorch.api.spi.Metric}, {@link dev.hamiltorch.api.spi.Integrator},
 * {@link dev.hamiltorch.api.spi.Sampler} and {@link dev.hamiltorch.api.spi.Likelihood} with
 * {@link java.util.ServiceLoader} and binds them by name into Guice;
 * {@link dev.hamiltorch.engine.plugin.PluginRegistry} selects them by the names users type.
 *
 * <p>A plugin jar needs only {@code hamiltorch-api}: it declares its implementation with
 * {@code @AutoService(Metric.class)} (class path) and {@code provides ... with ...} in its
 * {@code module-info.java} (module path).
 */
package dev.hamiltorch.engine.plugin;
