package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.TransitionInfo;
import java.util.List;

/**
 * Sees a run as it happens: its description before the first transition, then every transition of
 * every chain (burn-in included). The progress display and the runner's CSV writer are listeners. With
 * chains in parallel, {@link #onTransition} is called from their threads, possibly at the same time:
 * implementations must be thread-safe, and quick, since the chain waits for them. A listener that
 * throws stops the run like a failing log density.
 */
public interface TransitionListener {

    /** A listener that ignores everything. */
    TransitionListener NONE = (chain, iteration, state, info) -> { };

    /**
     * Once, on the calling thread, before any chain moves.
     *
     * @param provenance what is being run
     * @param statisticNames the sampler's own per-transition statistics, in the order of
     *        {@link TransitionInfo#statistics()}
     */
    default void onStart(Provenance provenance, List<String> statisticNames) {
    }

    /**
     * After transition {@code iteration} (from 0, burn-in included) of chain {@code chain}.
     *
     * @param state the chain's state after it; its arrays must not be modified
     * @param info what happened
     */
    void onTransition(int chain, int iteration, ChainState state, TransitionInfo info);

    /**
     * After transition {@code iteration} of chain {@code chain}, made with the tuning {@code parameters}
     * (which warm-up may have adapted): what the chain runner calls. The default forgets the parameters
     * and calls {@link #onTransition(int, int, ChainState, TransitionInfo)}; a listener that records the
     * step size (a CSV's {@code stepsize__}) overrides this one.
     *
     * @param parameters the step size, inverse mass and trajectory settings of this transition
     */
    default void onTransition(int chain, int iteration, ChainState state, TransitionInfo info,
                              StepParameters parameters) {
        onTransition(chain, iteration, state, info);
    }

    /** Both listeners, {@code this} first. */
    default TransitionListener andThen(TransitionListener next) {
        TransitionListener first = this;
        return new TransitionListener() {
            @Override
            public void onStart(Provenance provenance, List<String> statisticNames) {
                first.onStart(provenance, statisticNames);
                next.onStart(provenance, statisticNames);
            }

            @Override
            public void onTransition(int chain, int iteration, ChainState state, TransitionInfo info) {
                first.onTransition(chain, iteration, state, info);
                next.onTransition(chain, iteration, state, info);
            }

            @Override
            public void onTransition(int chain, int iteration, ChainState state, TransitionInfo info,
                                     StepParameters parameters) {
                first.onTransition(chain, iteration, state, info, parameters);
                next.onTransition(chain, iteration, state, info, parameters);
            }
        };
    }
}
