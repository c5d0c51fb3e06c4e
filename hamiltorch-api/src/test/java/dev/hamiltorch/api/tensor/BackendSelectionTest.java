package dev.hamiltorch.api.tensor;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A backend is chosen by its name, never by the order of the class path. */
class BackendSelectionTest {

    private static TensorFactory named(String name) {
        return (TensorFactory) Proxy.newProxyInstance(TensorFactory.class.getClassLoader(),
                new Class<?>[] {TensorFactory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    case "toString" -> "factory " + name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theNamedFactoryWinsWhateverTheOrder() {
        TensorFactory jvm = named("jvm");
        TensorFactory hybrid = named("hybrid");
        assertSame(hybrid, TensorFactory.select(List.of(jvm, hybrid), "hybrid"));
        assertSame(hybrid, TensorFactory.select(List.of(hybrid, jvm), "hybrid"));
        assertSame(jvm, TensorFactory.select(List.of(hybrid, jvm), "jvm"));
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TensorFactory.select(List.of(named("jvm"), named("hybrid")), "cuda"));
        assertTrue(e.getMessage().contains("'cuda'") && e.getMessage().contains("available: hybrid, jvm")
                && e.getMessage().contains(TensorFactory.BACKEND_PROPERTY), e.getMessage());
    }

    @Test
    void noEngineSaysWhatToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TensorFactory.select(List.of(), TensorFactory.DEFAULT_BACKEND));
        assertTrue(e.getMessage().contains("hamiltorch-engine"), e.getMessage());
    }

    @Test
    void twoFactoriesOfOneNameAreAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TensorFactory.select(List.of(named("jvm"), named("jvm")), "jvm"));
        assertTrue(e.getMessage().contains("2 tensor backends are named 'jvm'"), e.getMessage());
    }
}
