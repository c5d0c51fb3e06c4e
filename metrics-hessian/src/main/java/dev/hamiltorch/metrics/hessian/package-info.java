/**
 * The Hessian metric G = −∇² log π and the diagonal Fisher metric G = diag(g∘g), g = ∇ log π, as
 * {@link dev.hamiltorch.api.spi.Metric} plugins whose Hamiltonians are
 * {@link dev.hamiltorch.api.dynamics.RiemannianHamiltonian}s:
 * H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p, the constant ½ D log 2π omitted.
 *
 * <p>Everything that depends on θ alone is computed once per position and cached for the most
 * recent positions, lazily: log π and ∇ log π first, the Hessian and the Cholesky factor of G when G
 * is first needed, the third derivatives (Hessian metric) or the Hessian (Fisher metric) when ∂H/∂θ
 * is first needed. A metric that is not positive-definite even after jitter, or a non-finite
 * derivative, makes the geometry's {@code failure()} non-null and its outputs NaN; nothing throws.
 */
package dev.hamiltorch.metrics.hessian;
