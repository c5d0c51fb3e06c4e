package dev.hamiltorch.engine.autodiff;

/**
 * The vector–Jacobian product of one operation, written in differentiable tensor operations so that
 * the backward pass can itself be differentiated (Hessians, third-order contractions).
 */
@FunctionalInterface
interface Backward {

    /**
     * The gradients with respect to the operation's parents, given the gradient {@code g} with
     * respect to its output; an entry may be null for a parent that needs none.
     */
    JvmTensor[] apply(JvmTensor g);
}
