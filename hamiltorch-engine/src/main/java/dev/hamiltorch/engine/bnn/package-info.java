/**
 * Bayesian neural networks: the posterior of a {@link dev.hamiltorch.api.model.Model}'s flat parameter
 * vector under a {@link dev.hamiltorch.api.spi.Likelihood} and independent Gaussian priors per parameter
 * block ({@link ModelPosterior}, {@link GaussianPrior}, {@link TauOut}), and predictions with its draws
 * ({@link Predictions}). The facade's {@code Hamiltorch.sampleModel}, {@code sampleSplitModel} and
 * {@code predictModel} are built on them.
 */
package dev.hamiltorch.engine.bnn;
