package dev.hamiltorch.examples.cli;

import dev.hamiltorch.examples.workloads.ModelWorkload;

/** Builds the {@code bnn-mnist} workload from its options (the network comes with the engine's layers). */
final class BnnMnistRun {

    private BnnMnistRun() {
    }

    static ModelWorkload workload(Options o) throws UsageException {
        throw new UsageException("bnn-mnist needs the engine's network layers (package dev.hamiltorch.engine.nn)");
    }
}
