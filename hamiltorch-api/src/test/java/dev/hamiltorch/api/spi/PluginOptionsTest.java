package dev.hamiltorch.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.dynamics.Jitter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plugin options checked against what the selected plugins declare, and read typed. */
class PluginOptionsTest {

    static final PluginOption<Double> ALPHA = PluginOption.ofDouble("alpha", 1e6, "must be positive and finite",
            a -> a > 0 && Double.isFinite(a));
    static final PluginOption<Integer> DEPTH = PluginOption.ofInt("depth", 10, "must be in [1, 30]",
            d -> d >= 1 && d <= 30);

    /** A plugin declaring {@code options}. */
    static Named plugin(String name, PluginOption<?>... options) {
        return new Named() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<PluginOption<?>> options() {
                return List.of(options);
            }
        };
    }

    private final Named metric = plugin("metric", ALPHA, Jitter.SCALE);
    private final Named sampler = plugin("sampler", DEPTH);
    private final Named integrator = plugin("integrator");

    @Test
    void anOptionNotGivenReadsItsDefault() {
        PluginOptions none = PluginOptions.of(Map.of(), List.of(metric, sampler));
        assertEquals(1e6, none.get(ALPHA));
        assertEquals(10, none.get(DEPTH));
        assertEquals(0.0, none.get(Jitter.SCALE));
        assertFalse(none.isGiven(ALPHA));
        assertEquals(PluginOptions.defaults(), none);
        assertEquals(Map.of(), none.given());
    }

    @Test
    void givenValuesAreParsedOrTakenTyped() {
        PluginOptions fromText = PluginOptions.of(Map.of("alpha", " 2.5 ", "depth", "4"), List.of(metric, sampler));
        assertEquals(2.5, fromText.get(ALPHA));
        assertEquals(4, fromText.get(DEPTH));
        assertTrue(fromText.isGiven(DEPTH));
        PluginOptions typed = PluginOptions.of(Map.of("alpha", 2.5, "depth", 4), List.of(metric, sampler));
        assertEquals(fromText, typed);
        // an integral number serves a floating-point option (the facade's .softabsConst(1) gives a Double anyway)
        assertEquals(3.0, PluginOptions.of(Map.of("alpha", 3), List.of(metric)).get(ALPHA));
        assertEquals(Map.of("alpha", 2.5, "depth", 4), typed.given());
        assertThrows(UnsupportedOperationException.class, () -> typed.given().put("x", 1));
    }

    @Test
    void theGivenMapIsCopied() {
        Map<String, Object> given = new HashMap<>(Map.of("alpha", 2.0));
        PluginOptions options = PluginOptions.of(given, List.of(metric));
        given.put("alpha", 3.0);
        assertEquals(2.0, options.get(ALPHA));
    }

    @Test
    void aMisspeltOptionIsRefusedNamingEveryPluginWithItsOptionsAndTheClosestName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginOptions.of(Map.of("alpah", "2"), List.of(sampler, metric, integrator)));
        assertEquals("option alpah = 2: no plugin of this run declares it; known options: 'sampler' [depth],"
                + " 'metric' [alpha, jitter], 'integrator' [none]; did you mean alpha?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PluginOptions.of(Map.of("unrelated", "2"), List.of(integrator)));
        assertEquals("option unrelated = 2: no plugin of this run declares it; known options: 'integrator' [none]",
                e.getMessage());
    }

    @Test
    void anOptionOfAPluginTheRunDoesNotUseIsRefusedNamingThatPlugin() {
        Named softabs = plugin("softabs", ALPHA);
        Named other = plugin("other-softabs", ALPHA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PluginOptions.of(
                Map.of("alpha", 1.0), List.of(sampler, integrator), List.of(sampler, integrator, softabs, other)));
        assertEquals("option alpha = 1.0: it is an option of 'softabs', 'other-softabs', which this run does not use;"
                + " known options: 'sampler' [depth], 'integrator' [none]", e.getMessage());
    }

    @Test
    void aBadValueIsRefusedNamingTheOptionAndTheValue() {
        for (Object[] bad : new Object[][] {{"alpha", "-1", "option alpha = -1: must be positive and finite"},
                {"alpha", 0.0, "option alpha = 0.0: must be positive and finite"},
                {"alpha", Double.NaN, "option alpha = NaN: must be positive and finite"},
                {"alpha", "big", "option alpha = big: not a Double value (must be positive and finite)"},
                {"depth", "31", "option depth = 31: must be in [1, 30]"},
                {"depth", 2.5, "option depth = 2.5: not a Integer value (must be in [1, 30])"},
                {"jitter", -1e-3, "option jitter = -0.001: must be finite and non-negative"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PluginOptions.of(Map.of((String) bad[0], bad[1]), List.of(metric, sampler)));
            assertEquals(bad[2], e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginOptions.defaults().with(ALPHA, -2.0));
        assertEquals("option alpha = -2.0: must be positive and finite", e.getMessage());
    }

    @Test
    void anOptionDeclaredByTwoSelectedPluginsMustSuitBoth() {
        // the metric and a third-party integrator both read 'jitter', the integrator only up to 1
        PluginOption<Double> small = PluginOption.ofDouble("jitter", 0, "must be in [0, 1]", j -> j >= 0 && j <= 1);
        Named strict = plugin("strict", small);
        assertEquals(0.5, PluginOptions.of(Map.of("jitter", "0.5"), List.of(metric, strict)).get(small));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginOptions.of(Map.of("jitter", "2"), List.of(metric, strict)));
        assertEquals("option jitter = 2: must be in [0, 1]", e.getMessage());
    }

    @Test
    void withSetsOneOptionAndKeepsTheOthers() {
        PluginOptions a = PluginOptions.of(ALPHA, 2.0).with(DEPTH, 3);
        assertEquals(2.0, a.get(ALPHA));
        assertEquals(3, a.get(DEPTH));
        assertEquals(1e6, PluginOptions.defaults().get(ALPHA), "defaults() is not changed");
        assertNotEquals(a, a.with(DEPTH, 4));
        assertEquals("{alpha=2.0, depth=3}", a.toString());
    }

    @Test
    void jitterChecksItsValuesAndReadsItsOptions() {
        assertEquals(new Jitter(0.5, 3), Jitter.of(PluginOptions.of(Jitter.SCALE, 0.5).with(Jitter.MAX_TRIES, 3)));
        assertEquals(Jitter.NONE, Jitter.of(PluginOptions.defaults()));
        assertEquals("option jitterMaxTries = 0: must be positive",
                assertThrows(IllegalArgumentException.class, () -> new Jitter(0, 0)).getMessage());
        assertEquals("option jitter = Infinity: must be finite and non-negative", assertThrows(
                IllegalArgumentException.class, () -> new Jitter(Double.POSITIVE_INFINITY, 1)).getMessage());
    }
}
