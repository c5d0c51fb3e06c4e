package dev.hamiltorch.engine.plugin;

import dev.hamiltorch.engine.Hamiltorch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs in a class loader of its own (see {@link DefaultRegistryTest}), where it and the engine are
 * loaded afresh, so that {@link Hamiltorch#plugins()} is discovered for the first time there, on a
 * class path with broken service entries. Answers in JDK types only, which both loaders share.
 */
public final class DefaultRegistryProbe {

    private DefaultRegistryProbe() {
    }

    /**
     * What users of the facade see, in order: the draws of plain HMC run twice, the message of
     * selecting {@code "twin"}, the message of selecting an unknown integrator, and the class loader
     * that defined {@link Hamiltorch}.
     */
    public static List<Object> report() {
        List<Object> report = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            // twice: the second call is where a poisoned class initialiser showed NoClassDefFoundError
            report.add(Arrays.deepToString(Hamiltorch.sample(ThirdPartyPluginTest.STANDARD_NORMAL).paramsInit(1, -1)
                    .numSamples(5).seed(3).verbose(false).run().draws().toArray()));
        }
        report.add(failure(() -> Hamiltorch.plugins().integrator("twin")));
        report.add(failure(() -> Hamiltorch.sample(ThirdPartyPluginTest.STANDARD_NORMAL).paramsInit(1, -1)
                .integrator("verlet").verbose(false).run()));
        report.add(Hamiltorch.class.getClassLoader());
        return report;
    }

    /** The message of the {@link IllegalArgumentException} {@code action} throws. */
    private static String failure(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new IllegalStateException("the selection did not fail");
    }
}
