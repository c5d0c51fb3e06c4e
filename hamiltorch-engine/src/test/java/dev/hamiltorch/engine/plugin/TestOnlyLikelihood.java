package dev.hamiltorch.engine.plugin;

import com.google.auto.service.AutoService;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.spi.LikelihoodInput;
import dev.hamiltorch.api.tensor.Tensor;

/** A plugin registered only by {@code @AutoService} in the test sources: proves the processor runs on them. */
@AutoService(Likelihood.class)
public final class TestOnlyLikelihood implements Likelihood {

    static final String NAME = "test-only-likelihood";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tensor logLikelihood(LikelihoodInput in) {
        return in.targets().sub(in.output()).square().sum().mul(in.tauOut()).mul(-0.5);
    }
}
