package dev.hamiltorch.api.kernel;

/** A kernel's output: the next state and what happened on the way. */
public record Transition(ChainState state, TransitionInfo info) {
}
