package dev.hamiltorch.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.tensor.TensorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's backends are found by name, hybrid by default. */
class EngineBackendsTest {

    @Test
    void bothBackendsAreFoundAndHybridIsTheDefault() {
        assertEquals(List.of("hybrid", "jvm"), TensorFactory.available());
        assertEquals("hybrid", TensorFactory.provider().name());
        assertInstanceOf(HybridTensorFactory.class, TensorFactory.provider());
        assertInstanceOf(JvmTensorFactory.class, TensorFactory.provider("jvm"));
        assertTrue(StoragePolicy.hybrid());
    }

    @Test
    void anUnknownBackendNamesTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TensorFactory.provider("gpu"));
        assertTrue(e.getMessage().contains("available: hybrid, jvm"), e.getMessage());
    }
}
