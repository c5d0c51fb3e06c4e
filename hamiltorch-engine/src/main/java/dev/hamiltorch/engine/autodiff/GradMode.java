package dev.hamiltorch.engine.autodiff;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether operations on the current thread record the graph. Backward passes that run tensor
 * operations without building a graph for higher derivatives switch recording off so their
 * intermediate results stay constants.
 */
final class GradMode {

    private static final ThreadLocal<int[]> PAUSED = ThreadLocal.withInitial(() -> new int[1]);
    /** Pauses open on all threads: while it is 0 no thread is paused and no thread-local is read. */
    private static final AtomicInteger OPEN_PAUSES = new AtomicInteger();

    private GradMode() {
    }

    static boolean recording() {
        // a thread's own pause is always visible to it, so 0 here means this thread records
        return OPEN_PAUSES.get() == 0 || PAUSED.get()[0] == 0;
    }

    /** Pauses recording on this thread until {@link #resume()}; nests. */
    static void pause() {
        PAUSED.get()[0]++;
        OPEN_PAUSES.incrementAndGet();
    }

    /** Ends the innermost {@link #pause()} of this thread. */
    static void resume() {
        OPEN_PAUSES.decrementAndGet();
        PAUSED.get()[0]--;
    }
}
