package dev.hamiltorch.engine.autodiff;

/**
 * Watches the evaluation a {@link Tape} is recorded from for what replaying the graph could not
 * reproduce: a value that depends on the recorded variable read into Java, where a branch may depend
 * on it; such a value turned into a constant (detached, compared, computed while recording was
 * paused); a derivative taken inside the density, whose result a replay would not recompute; or an
 * operation that threw, which the density may have caught. Each makes the log density's code, not
 * only its graph, a function of θ.
 *
 * <p>The watch hangs on the recorded variable itself, and a tensor knows the variables it depends on
 * ({@link JvmTensor#sources}), so only values that depend on θ spoil the recording, whichever thread
 * reads them, and a recording nested inside another (a helper target recorded inside a density) keeps
 * the outer one's watch.
 */
final class TraceWatch {

    /**
     * Watches open on all threads: while it is 0 the hooks look no further. Written under the class
     * lock, read without it.
     */
    static volatile int open;

    private final JvmTensor variable;
    /** What made the graph unfit for replay, or null. */
    private volatile String spoiled;

    private TraceWatch(JvmTensor variable) {
        this.variable = variable;
    }

    /** Starts watching the values that depend on {@code variable}; {@link #stop()} it in a finally block. */
    static TraceWatch start(JvmTensor variable) {
        TraceWatch watch = new TraceWatch(variable);
        variable.watch = watch;
        synchronized (TraceWatch.class) {
            open++;
        }
        return watch;
    }

    void stop() {
        variable.watch = null;
        synchronized (TraceWatch.class) {
            open--;
        }
    }

    /** Why the watched evaluation cannot be replayed, or null if it can. */
    String spoiled() {
        return spoiled;
    }

    /**
     * Notes that {@code how} took a value of {@code t} out of the graph (or branched on it); callers
     * test {@code open != 0} first, so unwatched code pays one volatile read.
     */
    static void leftGraph(JvmTensor t, String how) {
        JvmTensor[] sources = t.sources;
        if (sources == null) {
            return;
        }
        for (JvmTensor v : sources) {
            TraceWatch watch = v.watch;
            if (watch != null && watch.spoiled == null) {
                watch.spoiled = how;
            }
        }
    }
}
