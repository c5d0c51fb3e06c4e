package dev.hamiltorch.engine.autodiff;

/**
 * Whether operations on the current thread record the graph. Backward passes that run tensor
 * operations without building a graph for higher derivatives switch recording off so their
 * intermediate results stay constants.
 */
final class GradMode {

    private static final ThreadLocal<int[]> PAUSED = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * Pauses open on all threads: while it is 0 no thread is paused and recording() reads no
     * thread-local. Written under the class lock, read without it.
     */
    static volatile int openPauses;

    private GradMode() {
    }

    static boolean recording() {
        // a thread's own pause is always visible to it, so 0 here means this thread records
        return openPauses == 0 || PAUSED.get()[0] == 0;
    }

    /** Pauses recording on this thread until {@link #resume()}; nests. */
    static void pause() {
        PAUSED.get()[0]++;
        synchronized (GradMode.class) {
            openPauses++;
        }
    }

    /** Ends the innermost {@link #pause()} of this thread. */
    static void resume() {
        synchronized (GradMode.class) {
            openPauses--;
        }
        PAUSED.get()[0]--;
    }
}
