package dev.hamiltorch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Settings carry hamiltorch's defaults and refuse bad values by name. */
class SamplerSettingsTest {

    @Test
    void defaultsAreHamiltorchs() {
        SamplerSettings s = SamplerSettings.builder().build();
        assertEquals(10, s.numSamples());
        assertEquals(0, s.burn());
        assertEquals(0.1, s.stepSize());
        assertEquals(10, s.numStepsPerSample());
        assertEquals(1e6, s.softabsConst());
        assertEquals(100, s.explicitBindingConst());
        assertEquals(1e-5, s.fixedPointThreshold());
        assertEquals(1000, s.fixedPointMaxIterations());
        assertEquals(10, s.jitterMaxTries());
        assertEquals(0.0, s.jitter());
        assertEquals(InverseMass.identity(), s.inverseMass());
        assertEquals(Map.of(), s.options());
        assertEquals(10, s.keptSamples());
    }

    /** One bad value per argument: the setter to apply, the argument's name, and the value as printed. */
    static Stream<Arguments> badValues() {
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
                bad(b -> b.jitter(-1e-3), "jitter", "-0.001"),
                bad(b -> b.jitter(Double.NaN), "jitter", "NaN"),
                bad(b -> b.jitter(Double.POSITIVE_INFINITY), "jitter", "Infinity"),
                bad(b -> b.jitterMaxTries(0), "jitterMaxTries", "0"),
                bad(b -> b.softabsConst(0), "softabsConst", "0.0"),
                bad(b -> b.softabsConst(-1), "softabsConst", "-1.0"),
                bad(b -> b.softabsConst(Double.NaN), "softabsConst", "NaN"),
                bad(b -> b.softabsConst(Double.POSITIVE_INFINITY), "softabsConst", "Infinity"),
                bad(b -> b.explicitBindingConst(0), "explicitBindingConst", "0.0"),
                bad(b -> b.explicitBindingConst(Double.NaN), "explicitBindingConst", "NaN"),
                bad(b -> b.fixedPointThreshold(0), "fixedPointThreshold", "0.0"),
                bad(b -> b.fixedPointThreshold(Double.NaN), "fixedPointThreshold", "NaN"),
                bad(b -> b.fixedPointThreshold(Double.POSITIVE_INFINITY), "fixedPointThreshold", "Infinity"),
                bad(b -> b.fixedPointMaxIterations(0), "fixedPointMaxIterations", "0"),
                bad(b -> b.reversibilityTolerance(0), "reversibilityTolerance", "0.0"),
                bad(b -> b.reversibilityTolerance(-1e-3), "reversibilityTolerance", "-0.001"),
                bad(b -> b.reversibilityTolerance(Double.NEGATIVE_INFINITY), "reversibilityTolerance", "-Infinity"));
    }

    private static Arguments bad(UnaryOperator<SamplerSettings.Builder> setter, String argument, String printed) {
        return Arguments.of(setter, argument, printed);
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("badValues")
    void aBadValueIsRefusedNamingTheArgumentAndTheValue(UnaryOperator<SamplerSettings.Builder> setter,
                                                        String argument, String printed) {
        SamplerSettings.Builder builder = setter.apply(SamplerSettings.builder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().startsWith(argument + " = " + printed + ": "), e.getMessage());
    }

    @Test
    void theReversibilityToleranceDefaultsToAThousandTimesTheFixedPointsLastChangeAtMostOne() {
        SamplerSettings defaults = SamplerSettings.builder().build();
        assertTrue(Double.isNaN(defaults.reversibilityTolerance()), "NaN stands for the default");
        assertEquals(1.0, defaults.effectiveReversibilityTolerance(), "min(1, 1000 √1e-5 = 3.16)");
        assertEquals(1e-3, SamplerSettings.builder().fixedPointThreshold(1e-12).build()
                .effectiveReversibilityTolerance(), 1e-18);
        assertEquals(0.1, SamplerSettings.defaultReversibilityTolerance(1e-8), 1e-16);
        SamplerSettings given = SamplerSettings.builder().reversibilityTolerance(0.25).build();
        assertEquals(0.25, given.effectiveReversibilityTolerance());
        assertEquals(0.25, given.toBuilder().build().reversibilityTolerance());
        SamplerSettings off = SamplerSettings.builder().reversibilityTolerance(Double.POSITIVE_INFINITY).build();
        assertEquals(Double.POSITIVE_INFINITY, off.effectiveReversibilityTolerance());
        // the form without the tolerance keeps the default, so that the default follows the threshold
        SamplerSettings old = new SamplerSettings(10, 0, 0.1, 10, InverseMass.identity(), 0, 10, 1e6, 100, 1e-12, 1000,
                Map.of());
        assertTrue(Double.isNaN(old.reversibilityTolerance()));
        assertEquals(0.1, old.toBuilder().fixedPointThreshold(1e-8).build().effectiveReversibilityTolerance(), 1e-16);
    }

    @Test
    void theConstructorChecksToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SamplerSettings(
                10, 0, 0.1, -3, InverseMass.identity(), 0, 10, 1e6, 100, 1e-5, 1000, Map.of()));
        assertTrue(e.getMessage().startsWith("numStepsPerSample = -3: "), e.getMessage());
    }

    @Test
    void missingObjectsAreNamed() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> SamplerSettings.builder().inverseMass(null));
        assertEquals("inverseMass", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> SamplerSettings.builder().options(null));
        assertEquals("options", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> new SamplerSettings(
                10, 0, 0.1, 10, InverseMass.identity(), 0, 10, 1e6, 100, 1e-5, 1000, null));
        assertEquals("options", e.getMessage());
    }

    @Test
    void edgeValuesAreAccepted() {
        SamplerSettings s = SamplerSettings.builder().numSamples(1).burn(0).stepSize(Double.MIN_VALUE)
                .numStepsPerSample(1).jitter(0).jitterMaxTries(1).fixedPointMaxIterations(1).build();
        assertEquals(1, s.keptSamples());
        assertEquals(3, SamplerSettings.builder().numSamples(5).burn(2).build().keptSamples());
    }

    @Test
    void optionsAreCopiedAndReadOnly() {
        Map<String, String> options = new HashMap<>(Map.of("my-metric.scale", "2"));
        SamplerSettings s = SamplerSettings.builder().options(options).build();
        options.put("my-metric.scale", "3");
        assertEquals(Map.of("my-metric.scale", "2"), s.options());
        assertThrows(UnsupportedOperationException.class, () -> s.options().put("x", "y"));
    }

    @Test
    void toBuilderStartsFromTheseSettings() {
        SamplerSettings s = SamplerSettings.builder().numSamples(50).burn(5).stepSize(0.15).numStepsPerSample(25)
                .inverseMass(InverseMass.diagonal(1, 2)).jitter(0.01).softabsConst(1e3).options(Map.of("k", "v"))
                .build();
        assertEquals(s, s.toBuilder().build());
        assertNotEquals(s, s.toBuilder().stepSize(0.2).build());
        // an equal mass matrix built separately gives equal settings
        assertEquals(s, s.toBuilder().inverseMass(InverseMass.diagonal(1, 2)).build());
    }
}
