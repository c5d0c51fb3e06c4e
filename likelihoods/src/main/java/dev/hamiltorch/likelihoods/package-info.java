/**
 * The built-in likelihoods of Bayesian neural networks. Each is τ_out · Σₙ log p(yₙ | f(θ, xₙ)) summed over
 * the batch, as hamiltorch scales them; {@code regression} adds the Gaussian's normalising term so that a
 * sampled τ_out has the right posterior.
 */
package dev.hamiltorch.likelihoods;
