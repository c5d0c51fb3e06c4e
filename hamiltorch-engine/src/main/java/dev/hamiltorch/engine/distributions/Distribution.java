package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.tensor.Tensor;

/**
 * A probability distribution whose log density (or log mass) is a differentiable tensor expression,
 * like {@code torch.distributions.Distribution.log_prob}.
 *
 * <p>The parameters broadcast against the value as in PyTorch: {@code logProb} returns one log density
 * per element of the broadcast shape (for the multivariate distributions, per vector along the last
 * axis), and its gradient flows to the value and to every parameter that requires gradients, so priors
 * can be placed on parameters.
 *
 * <p>Values outside the support get a log density of −∞ and a zero gradient. (PyTorch with
 * {@code validate_args=False} does this for some distributions, e.g. {@code Uniform} and
 * {@code HalfNormal}, and elsewhere returns whatever its formula yields; here it is done uniformly, so
 * a sampler proposing an impossible point always sees −∞ rather than a NaN or a finite number.) A NaN
 * value gives NaN.
 */
public interface Distribution {

    /** The elementwise log density (or log mass) of {@code value}. */
    Tensor logProb(Tensor value);
}
