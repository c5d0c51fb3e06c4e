package dev.hamiltorch.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.Hamiltonian;
import dev.hamiltorch.api.dynamics.IntegrationResult;
import dev.hamiltorch.api.dynamics.PhasePoint;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.Kernel;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.Transition;
import dev.hamiltorch.api.spi.Integrator;
import dev.hamiltorch.api.spi.Metric;
import dev.hamiltorch.api.spi.Sampler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin in its own jar, compiled against hamiltorch-api alone, is found and selected by name:
 * the promise docs/architecture.md ("Plugin discovery") makes to third parties.
 */
class ThirdPartyPluginTest {

    static final String METRIC_CLASS = "com.example.thirdparty.ThirdPartyMetric";
    static final String SAMPLER_CLASS = "com.example.thirdparty.ThirdPartySampler";

    /** K(p) = |p|² / (2m) with the mass m read from the plugin's own typed option, which it declares. */
    private static final String METRIC_SOURCE = """
            package com.example.thirdparty;

            import dev.hamiltorch.api.spi.PluginOptions;
            import dev.hamiltorch.api.Target;
            import dev.hamiltorch.api.dynamics.Hamiltonian;
            import dev.hamiltorch.api.spi.Metric;
            import dev.hamiltorch.api.spi.PluginOption;
            import java.util.List;
            import java.util.random.RandomGenerator;

            public final class ThirdPartyMetric implements Metric {
                static final PluginOption<Double> MASS = PluginOption.ofDouble("third-party.mass", 1,
                        "must be positive and finite", m -> m > 0 && m < Double.POSITIVE_INFINITY);

                @Override
                public String name() {
                    return "third-party-metric";
                }

                @Override
                public List<PluginOption<?>> options() {
                    return List.of(MASS);
                }

                @Override
                public Hamiltonian hamiltonian(Target target, PluginOptions options) {
                    double mass = options.get(MASS);
                    return new Hamiltonian() {
                        @Override
                        public Target target() {
                            return target;
                        }

                        @Override
                        public double kineticEnergy(double[] theta, double[] momentum) {
                            double sum = 0;
                            for (double p : momentum) {
                                sum += p * p;
                            }
                            return sum / (2 * mass);
                        }

                        @Override
                        public void velocity(double[] theta, double[] momentum, double[] out) {
                            for (int i = 0; i < momentum.length; i++) {
                                out[i] = momentum[i] / mass;
                            }
                        }

                        @Override
                        public void sampleMomentum(RandomGenerator rng, double[] theta, double[] out) {
                            for (int i = 0; i < out.length; i++) {
                                out[i] = Math.sqrt(mass) * rng.nextGaussian();
                            }
                        }
                    };
                }
            }
            """;

    /**
     * Random-walk Metropolis with proposals ε √M⁻¹ z (M⁻¹ diagonal or the identity): a sampler that needs no
     * integrator, so the test needs none either.
     */
    private static final String SAMPLER_SOURCE = """
            package com.example.thirdparty;

            import dev.hamiltorch.api.InverseMass;
            import dev.hamiltorch.api.spi.PluginOptions;
            import dev.hamiltorch.api.Target;
            import dev.hamiltorch.api.dynamics.Hamiltonian;
            import dev.hamiltorch.api.kernel.ChainState;
            import dev.hamiltorch.api.kernel.Kernel;
            import dev.hamiltorch.api.kernel.StepParameters;
            import dev.hamiltorch.api.kernel.Transition;
            import dev.hamiltorch.api.kernel.TransitionInfo;
            import dev.hamiltorch.api.spi.Integrator;
            import dev.hamiltorch.api.spi.Sampler;
            import java.util.random.RandomGenerator;

            public final class ThirdPartySampler implements Sampler {
                @Override
                public String name() {
                    return "third-party-sampler";
                }

                @Override
                public Kernel kernel(Hamiltonian hamiltonian, Integrator integrator, PluginOptions options) {
                    Target target = hamiltonian.target();
                    return new Kernel() {
                        @Override
                        public ChainState init(double[] position) {
                            double[] gradient = new double[position.length];
                            double logDensity = target.logDensityAndGradient(position.clone(), gradient);
                            return new ChainState(position.clone(), logDensity, gradient);
                        }

                        @Override
                        public Transition step(RandomGenerator rng, ChainState state, StepParameters parameters) {
                            // proposal ε √M⁻¹ z: the tuning comes per step, so warm-up can adapt both
                            double[] mass = parameters.inverseMass() instanceof InverseMass.Diagonal d ? d.values()
                                    : null;
                            double[] proposal = state.position().clone();
                            for (int i = 0; i < proposal.length; i++) {
                                double scale = parameters.stepSize() * (mass == null ? 1 : Math.sqrt(mass[i]));
                                proposal[i] += scale * rng.nextGaussian();
                            }
                            ChainState next = init(proposal);
                            double a = Math.min(1, Math.exp(next.logDensity() - state.logDensity()));
                            boolean accepted = rng.nextDouble() < a;
                            return new Transition(accepted ? next : state, new TransitionInfo(a, accepted, false,
                                    -state.logDensity(), -next.logDensity(), 1, 1, null));
                        }
                    };
                }
            }
            """;

    /** A standard normal in two dimensions. */
    static final Target STANDARD_NORMAL = new Target() {
        @Override
        public Target copy() {
            return this; // stateless: one instance serves every thread
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensity(double[] theta) {
            return -0.5 * (theta[0] * theta[0] + theta[1] * theta[1]);
        }

        @Override
        public double logDensityAndGradient(double[] theta, double[] gradient) {
            gradient[0] = -theta[0];
            gradient[1] = -theta[1];
            return logDensity(theta);
        }
    };

    @TempDir
    Path work;

    private Path thirdPartyJar() {
        return thirdPartyJar(work);
    }

    /** The jar of {@code ThirdPartyMetric} ("third-party-metric") and {@code ThirdPartySampler}, built in {@code work}. */
    static Path thirdPartyJar(Path work) {
        return PluginJar.in(work)
                .source(METRIC_CLASS, METRIC_SOURCE)
                .source(SAMPLER_CLASS, SAMPLER_SOURCE)
                .provides(Metric.class, METRIC_CLASS)
                .provides(Sampler.class, SAMPLER_CLASS)
                .build("third-party-plugin.jar");
    }

    @Test
    void aMetricInItsOwnJarIsDiscoveredAndSelectableByName() throws Exception {
        Path jar = thirdPartyJar();
        // the plugin is not on the test class path: only the jar can supply it
        assertThrows(ClassNotFoundException.class, () -> Class.forName(METRIC_CLASS, false, getClass().getClassLoader()));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.discover(loader);

            assertTrue(registry.metricNames().contains("third-party-metric"), registry::toString);
            Metric metric = registry.metric("third-party-metric");
            assertSame(loader.loadClass(METRIC_CLASS), metric.getClass());
            assertSame(loader, metric.getClass().getClassLoader());
            assertSame(metric, registry.metric("THIRD_PARTY_METRIC"), "enum spelling selects it too");

            PluginOptions options = PluginOptions.of(Map.of("third-party.mass", "2"), List.of(metric));
            Hamiltonian hamiltonian = metric.hamiltonian(STANDARD_NORMAL, options);
            assertSame(STANDARD_NORMAL, hamiltonian.target());
            assertEquals(2, hamiltonian.dimension());
            assertEquals((9.0 + 16.0) / 4.0, hamiltonian.kineticEnergy(new double[2], new double[] {3, 4}), 1e-15);
            double[] velocity = new double[2];
            hamiltonian.velocity(new double[2], new double[] {3, 4}, velocity);
            assertEquals(List.of(1.5, 2.0), List.of(velocity[0], velocity[1]));
        }
    }

    @Test
    void aSamplerInItsOwnJarIsDiscoveredAndItsKernelRuns() throws Exception {
        Path jar = thirdPartyJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.discover(loader);

            Sampler sampler = registry.sampler("third-party-sampler");
            assertSame(loader.loadClass(SAMPLER_CLASS), sampler.getClass());
            assertSame(sampler, registry.sampler("Third-Party-Sampler"));
            assertEquals(Metric.EUCLIDEAN, sampler.defaultMetric(), "the api's default methods apply to plugins");

            PluginOptions options = PluginOptions.defaults();
            StepParameters tuning = StepParameters.DEFAULTS.withStepSize(0.8);
            Hamiltonian hamiltonian = registry.metric("third-party-metric").hamiltonian(STANDARD_NORMAL, options);
            Kernel kernel = sampler.kernel(hamiltonian, new UnusedIntegrator(), options);
            ChainState state = kernel.init(new double[] {1, -1});
            assertEquals(-1.0, state.logDensity(), 1e-15);

            RandomGenerator rng = new SplittableRandom(42);
            int accepted = 0;
            for (int i = 0; i < 200; i++) {
                Transition t = kernel.step(rng, state, tuning);
                state = t.state();
                accepted += t.info().accepted() ? 1 : 0;
            }
            assertTrue(accepted > 20 && accepted < 200, "accepted " + accepted + " of 200");
            assertTrue(Double.isFinite(state.logDensity()));
        }
    }

    @Test
    void aRunReadsTheThirdPartyPluginsOwnOptionAndRefusesItWhenThePluginIsNotSelected() throws Exception {
        Path jar = thirdPartyJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            java.util.function.Supplier<dev.hamiltorch.engine.SampleBuilder> run = () -> dev.hamiltorch.engine.Hamiltorch
                    .sample(STANDARD_NORMAL).plugins(registry).sampler("third-party-sampler")
                    .metric("third-party-metric").paramsInit(1, -1).numSamples(20).verbose(false).seed(1);

            dev.hamiltorch.engine.sampling.Samples s = run.get().option("third-party.mass", "2").run();
            assertEquals(Map.of("third-party.mass", 2.0), s.provenance().options().given());

            // a typo and a bad value: AdaptationWithPluginsTest.anUnknownOrMisspelledOptionIsRefusedNamingTheKnownOnes
            String unselected = assertThrows(IllegalArgumentException.class, () -> run.get().metric("euclidean")
                    .option("third-party.mass", "2").run()).getMessage();
            assertTrue(unselected.startsWith("option third-party.mass = 2: it is an option of 'third-party-metric',"
                    + " which this run does not use; known options:"), unselected);
        }
    }

    @Test
    void aPluginCompilesAgainstTheApiAloneButNotAgainstTheEngine() throws Exception {
        String coupledClass = "com.example.thirdparty.EngineCoupledMetric";
        String coupledSource = """
                package com.example.thirdparty;

                import dev.hamiltorch.engine.plugin.PluginRegistry;

                public final class EngineCoupledMetric {
                    PluginRegistry registry;
                }
                """;
        // the engine class exists; it is only absent from a plugin's class path
        Class.forName("dev.hamiltorch.engine.plugin.PluginRegistry");

        PluginJar.Compilation apiOnly = PluginJar.in(Files.createDirectories(work.resolve("api-only")))
                .source(METRIC_CLASS, METRIC_SOURCE)
                .source(SAMPLER_CLASS, SAMPLER_SOURCE)
                .compile(List.of(PluginJar.apiLocation()));
        assertTrue(apiOnly.succeeded(), apiOnly::messages);
        assertTrue(apiOnly.diagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR), apiOnly::messages);

        PluginJar.Compilation coupled = PluginJar.in(Files.createDirectories(work.resolve("coupled")))
                .source(coupledClass, coupledSource)
                .compile(List.of(PluginJar.apiLocation()));
        assertFalse(coupled.succeeded(), coupled::messages);
        assertTrue(coupled.diagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
                && "compiler.err.doesnt.exist".equals(d.getCode())
                && d.getMessage(java.util.Locale.ROOT).contains("dev.hamiltorch.engine.plugin")), coupled::messages);
    }

    /** Passed to a sampler that documents it needs no integrator; fails loudly if used. */
    private static final class UnusedIntegrator implements Integrator {
        @Override
        public String name() {
            return "unused";
        }

        @Override
        public IntegrationResult integrate(Hamiltonian hamiltonian, PhasePoint start, double stepSize, int steps) {
            throw new AssertionError("the random-walk sampler must not integrate");
        }
    }
}
