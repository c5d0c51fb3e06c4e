package dev.hamiltorch.testkit;

import dev.hamiltorch.api.Target;

/**
 * A target whose first two moments are known exactly, for {@link SamplerCheck}.
 *
 * @param name what messages call it
 * @param target the target, with derivatives to third order
 * @param mean E[xᵢ]
 * @param variance Var[xᵢ]
 * @param start where chains start (the mode)
 */
public record KnownTarget(String name, Target target, double[] mean, double[] variance, double[] start) {
}
