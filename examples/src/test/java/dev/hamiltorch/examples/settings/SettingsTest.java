package dev.hamiltorch.examples.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.spi.Named;
import dev.hamiltorch.api.spi.PluginOption;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.SampleBuilder;
import dev.hamiltorch.engine.distributions.Normal;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.cli.Runner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's settings in their three kinds: the run's (numSamples, burn), the first transition's tuning
 * (stepSize, numStepsPerSample) and the plugins' typed options under hamiltorch's names (softabsConst,
 * jitter, …), which the plugins declare with hamiltorch's defaults and check when they are selected.
 */
class SettingsTest {

    private static final LogDensity NORMAL = x -> Normal.of(Tensor.of(0, 0), Tensor.of(1, 1)).logProb(x).sum();

    private static SampleBuilder run() {
        return Hamiltorch.sample(NORMAL).paramsInit(0.5, -0.5).numSamples(20).verbose(false).seed(1);
    }

    /** hamiltorch's setting, the plugins that declare it, its default there. */
    static Stream<Arguments> hamiltorchsPluginSettings() {
        return Stream.of(Arguments.of("softabsConst", List.of("softabs"), 1e6),
                Arguments.of("jitter", List.of("hessian", "softabs", "jacobian-diag"), 0.0),
                Arguments.of("jitterMaxTries", List.of("hessian", "jacobian-diag"), 10),
                Arguments.of("explicitBindingConst", List.of("explicit"), 100.0),
                Arguments.of("fixedPointThreshold", List.of("implicit"), 1e-5),
                Arguments.of("fixedPointMaxIterations", List.of("implicit"), 1000),
                Arguments.of("reversibilityTolerance", List.of("implicit"), Double.NaN),
                Arguments.of("maxTreeDepth", List.of("nuts"), 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hamiltorchsPluginSettings")
    void eachOfHamiltorchsPluginSettingsIsDeclaredByItsPluginsWithHamiltorchsDefault(String name, List<String> plugins,
                                                                                      Object defaultValue) {
        List<String> declaring = new ArrayList<>();
        for (Named plugin : Hamiltorch.plugins().samplersMetricsAndIntegrators()) {
            for (PluginOption<?> option : plugin.options()) {
                if (option.name().equals(name) && !plugin.name().equals("softabs-diagonal")) { // the example plugin's
                    declaring.add(plugin.name());
                    assertEquals(defaultValue, option.defaultValue(), plugin.name() + "'s " + name);
                }
            }
        }
        assertEquals(plugins.stream().sorted().toList(), declaring.stream().sorted().toList(), name);
    }

    @Test
    void hamiltorchsNamesSetThePluginsOptionsWhichThePluginsRead() {
        Samples s = run().sampler("hmc").integrator("explicit").explicitBindingConst(10).stepSize(0.3).run();
        assertEquals(Map.of("explicitBindingConst", 10.0), s.provenance().options().given());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("the explicit integrator (ω = 10.0, ε = 0.3: 2ωε = 6.00")),
                s.warnings()::toString);
        Samples nuts = run().sampler("nuts").maxTreeDepth(2).run();
        assertEquals(2, nuts.provenance().tuning().maxTreeDepth());
        assertEquals(2, nuts.chain(0).stepParameters().maxTreeDepth());
        Samples implicit = run().sampler("rmhmc").metric("softabs").softabsConst(1).jitter(1e-3).fixedPointThreshold(1e-8)
                .fixedPointMaxIterations(50).reversibilityTolerance(0.5).numSamples(3).run();
        assertEquals(Map.of("softabsConst", 1.0, "jitter", 1e-3, "fixedPointThreshold", 1e-8,
                "fixedPointMaxIterations", 50, "reversibilityTolerance", 0.5), implicit.provenance().options().given());
    }

    /** One bad value per setting: the setting, the plugins to select for it, the argument's name, the value as printed. */
    static Stream<Arguments> badValues() {
        UnaryOperator<SampleBuilder> hessian = b -> b.sampler("rmhmc");
        UnaryOperator<SampleBuilder> softabs = b -> b.sampler("rmhmc").metric("softabs");
        UnaryOperator<SampleBuilder> explicit = b -> b.sampler("rmhmc").integrator("explicit");
        return Stream.of(
                bad(b -> b.numSamples(0), "numSamples", "0"),
                bad(b -> b.numSamples(-5), "numSamples", "-5"),
                bad(b -> b.burn(-1), "burn", "-1"),
                bad(b -> b.numSamples(10).burn(10), "burn", "10"),
                bad(b -> b.stepSize(0), "stepSize", "0.0"),
                bad(b -> b.stepSize(-0.1), "stepSize", "-0.1"),
                bad(b -> b.stepSize(Double.NaN), "stepSize", "NaN"),
                bad(b -> b.stepSize(Double.POSITIVE_INFINITY), "stepSize", "Infinity"),
                bad(b -> b.numStepsPerSample(0), "numStepsPerSample", "0"),
                bad(b -> hessian.apply(b).jitter(-1e-3), "jitter", "-0.001"),
                bad(b -> softabs.apply(b).jitter(Double.NaN), "jitter", "NaN"),
                bad(b -> hessian.apply(b).jitter(Double.POSITIVE_INFINITY), "jitter", "Infinity"),
                bad(b -> hessian.apply(b).jitterMaxTries(0), "jitterMaxTries", "0"),
                bad(b -> softabs.apply(b).softabsConst(0), "softabsConst", "0.0"),
                bad(b -> softabs.apply(b).softabsConst(-1), "softabsConst", "-1.0"),
                bad(b -> softabs.apply(b).softabsConst(Double.NaN), "softabsConst", "NaN"),
                bad(b -> softabs.apply(b).softabsConst(Double.POSITIVE_INFINITY), "softabsConst", "Infinity"),
                bad(b -> explicit.apply(b).explicitBindingConst(0), "explicitBindingConst", "0.0"),
                bad(b -> explicit.apply(b).explicitBindingConst(Double.NaN), "explicitBindingConst", "NaN"),
                bad(b -> hessian.apply(b).fixedPointThreshold(0), "fixedPointThreshold", "0.0"),
                bad(b -> hessian.apply(b).fixedPointThreshold(Double.NaN), "fixedPointThreshold", "NaN"),
                bad(b -> hessian.apply(b).fixedPointThreshold(Double.POSITIVE_INFINITY), "fixedPointThreshold", "Infinity"),
                bad(b -> hessian.apply(b).fixedPointMaxIterations(0), "fixedPointMaxIterations", "0"),
                bad(b -> hessian.apply(b).reversibilityTolerance(0), "reversibilityTolerance", "0.0"),
                bad(b -> hessian.apply(b).reversibilityTolerance(-1e-3), "reversibilityTolerance", "-0.001"),
                bad(b -> hessian.apply(b).reversibilityTolerance(Double.NEGATIVE_INFINITY), "reversibilityTolerance",
                        "-Infinity"),
                bad(b -> b.sampler("nuts").maxTreeDepth(0), "maxTreeDepth", "0"),
                bad(b -> b.sampler("nuts").option("maxTreeDepth", "deep"), "maxTreeDepth", "deep"));
    }

    private static Arguments bad(UnaryOperator<SampleBuilder> setter, String argument, String printed) {
        return Arguments.of(setter, argument, printed);
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("badValues")
    void aBadValueIsRefusedNamingTheArgumentAndTheValue(UnaryOperator<SampleBuilder> setter, String argument,
                                                        String printed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setter.apply(run()).run());
        String message = e.getMessage().replaceFirst("^option ", "");
        assertTrue(message.startsWith(argument + " = " + printed + ": "), e.getMessage());
    }

    @Test
    void anOptionOfAPluginTheRunDoesNotUseIsRefusedNamingThatPlugin() {
        String alpha = assertThrows(IllegalArgumentException.class, () -> run().softabsConst(1e6).run()).getMessage();
        assertTrue(alpha.startsWith("option softabsConst = 1000000.0: it is an option of 'softabs'"), alpha);
        assertTrue(alpha.contains("which this run does not use; known options: 'hmc' [step-size-jitter], 'euclidean'"
                + " [none], 'leapfrog' [none]"), alpha);
        // SoftAbs is positive-definite by construction: it has no retries to count
        String tries = assertThrows(IllegalArgumentException.class,
                () -> run().sampler("rmhmc").metric("softabs").jitterMaxTries(3).run()).getMessage();
        assertTrue(tries.startsWith("option jitterMaxTries = 3: it is an option of 'hessian', 'jacobian-diag'"), tries);
        String typo = assertThrows(IllegalArgumentException.class,
                () -> run().sampler("nuts").option("maxTreeDept", "5").run()).getMessage();
        assertTrue(typo.startsWith("option maxTreeDept = 5: no plugin of this run declares it; known options: 'nuts'"
                + " [maxTreeDepth]") && typo.endsWith("did you mean maxTreeDepth?"), typo);
    }

    @Test
    void aPresetAppliesWhereASelectedPluginDeclaresItAndGivenOptionsWin() {
        Samples implicit = run().sampler("rmhmc").metric("softabs").optionDefault("fixedPointThreshold", "1e-8")
                .numSamples(3).run();
        assertEquals(Map.of("fixedPointThreshold", 1e-8), implicit.provenance().options().given());
        Samples explicit = run().sampler("rmhmc").metric("softabs").integrator("explicit")
                .optionDefault("fixedPointThreshold", "1e-8").numSamples(3).run();
        assertEquals(Map.of(), explicit.provenance().options().given(), "no selected plugin declares it");
        Samples given = run().sampler("rmhmc").metric("softabs").fixedPointThreshold(1e-9)
                .optionDefault("fixedPointThreshold", "1e-8").numSamples(3).run();
        assertEquals(Map.of("fixedPointThreshold", 1e-9), given.provenance().options().given());
        String bad = assertThrows(IllegalArgumentException.class, () -> run().sampler("rmhmc")
                .optionDefault("fixedPointThreshold", "-1").run()).getMessage();
        assertEquals("option fixedPointThreshold = -1: must be positive and finite", bad);
    }

    private static int runner(ByteArrayOutputStream err, String... args) {
        return Runner.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theRunnersJsonRecordsThePluginOptionsInForce(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        assertEquals(0, runner(new ByteArrayOutputStream(), "quartic", "--dim", "1", "--samples", "20", "--burn", "0",
                "--quiet", "--json", json.toString()));
        assertTrue(Files.readString(json).contains("\"plugin_options\": {\"fixedPointThreshold\": 1.0E-12}"),
                Files.readString(json));
        assertEquals(0, runner(new ByteArrayOutputStream(), "gaussian3d", "--samples", "20", "--quiet", "--json",
                json.toString()));
        assertTrue(Files.readString(json).contains("\"plugin_options\": {}"), Files.readString(json));
    }

    @Test
    void theRunnersFlagsSetTheSameOptionsAndItsRefusalsExitWithStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, runner(err, "gaussian3d", "--samples", "20", "--softabs-const", "5", "--quiet"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: option softabsConst = 5.0: it is an option of 'softabs'"), said);
        // quartic presets the implicit integrator's threshold: a preset, left out with the explicit integrator,
        // but the same option given by the user is refused there
        assertEquals(0, runner(new ByteArrayOutputStream(), "quartic", "--dim", "1", "--integrator", "explicit",
                "--samples", "20", "--burn", "0", "--quiet"));
        err.reset();
        assertEquals(2, runner(err, "quartic", "--dim", "1", "--integrator", "explicit", "--samples", "20",
                "--burn", "0", "--fixed-point-threshold", "1e-9", "--quiet"));
        said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: option fixedPointThreshold = 1.0E-9: it is an option of 'implicit'"), said);
    }
}
