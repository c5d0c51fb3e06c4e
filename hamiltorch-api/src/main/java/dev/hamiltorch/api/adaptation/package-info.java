/**
 * The vocabulary of warm-up adaptation that plugins see: which mass-matrix adaptation a sampler wants
 * by default. The adaptation itself wraps any {@link dev.hamiltorch.api.kernel.Kernel} in the engine, so
 * a sampler written against this api gets it without code of its own.
 */
package dev.hamiltorch.api.adaptation;
