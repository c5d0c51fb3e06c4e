package dev.hamiltorch.engine.autodiff;

/**
 * Whether operations on the current thread record the graph. Backward passes that do not build a
 * graph for higher derivatives switch recording off so their intermediate results stay constants.
 */
final class GradMode {

    private static final ThreadLocal<int[]> PAUSED = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {
    }

    static boolean recording() {
        return PAUSED.get()[0] == 0;
    }

    /** Pauses recording until the returned handle is closed; nests. */
    static Pause pause() {
        int[] depth = PAUSED.get();
        depth[0]++;
        return () -> depth[0]--;
    }

    /** Closing resumes recording. */
    interface Pause extends AutoCloseable {
        @Override
        void close();
    }
}
