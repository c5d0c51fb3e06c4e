/**
 * The conformance kit for hamiltorch plugins: {@link dev.hamiltorch.testkit.HamiltonianCheck},
 * {@link dev.hamiltorch.testkit.IntegratorCheck} and {@link dev.hamiltorch.testkit.SamplerCheck}, on the
 * targets of {@link dev.hamiltorch.testkit.KnownTargets}. Depends on hamiltorch-api only.
 */
module dev.hamiltorch.testkit {
    requires transitive dev.hamiltorch.api;

    exports dev.hamiltorch.testkit;
}
