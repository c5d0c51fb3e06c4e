/**
 * The command-line runner, the hamiltorch examples and benchmarks. Runs on the class path with the
 * engine (ND4J's module descriptor is broken: docs/architecture.md,
 * "ND4J and the module path").
 */
module dev.hamiltorch.examples {
    requires dev.hamiltorch.engine;
    requires commons.math3;
    requires org.knowm.xchart;
    requires java.desktop;

    exports dev.hamiltorch.examples.benchmark;
    exports dev.hamiltorch.examples.cli;
    exports dev.hamiltorch.examples.data;
    exports dev.hamiltorch.examples.report;
    exports dev.hamiltorch.examples.workloads;
}
