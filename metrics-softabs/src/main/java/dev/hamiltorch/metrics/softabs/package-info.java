/**
 * The SoftAbs metric (Betancourt 2013) as a {@link dev.hamiltorch.api.spi.Metric} plugin whose
 * Hamiltonian is a {@link dev.hamiltorch.api.dynamics.RiemannianHamiltonian}:
 * H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p, the constant ½ D log 2π omitted.
 *
 * <p>Everything that depends on θ alone is computed once per position and cached for the most
 * recent positions, lazily: log π and ∇ log π first, the Hessian and its eigendecomposition when G
 * is first needed, the third derivatives and the eigen-derivative matrix J when ∂H/∂θ is first
 * needed.
 */
package dev.hamiltorch.metrics.softabs;
