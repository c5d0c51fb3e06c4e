package dev.hamiltorch.engine.autodiff;

/**
 * Watches the evaluation a {@link Tape} is recorded from for what replaying the graph could not
 * reproduce: a value that depends on the variables read into Java, where a branch may depend on it, or
 * such a value turned into a constant (detached, compared, or computed while recording was paused).
 * Either makes the log density's code, not only its graph, a function of θ.
 *
 * <p>While a tensor that requires gradients is the only kind the watch can tell apart from a constant,
 * it counts every such tensor as depending on θ; a variable other than θ only costs the replay.
 */
final class TraceWatch {

    private static final ThreadLocal<TraceWatch> CURRENT = new ThreadLocal<>();
    /**
     * Watches open on all threads: while it is 0 the hooks read no thread-local. Written under the
     * class lock, read without it.
     */
    static volatile int open;

    /** What made the graph unfit for replay, or null. */
    private String spoiled;

    private TraceWatch() {
    }

    /** Starts watching the current thread's operations; {@link #stop()} it in a finally block. */
    static TraceWatch start() {
        TraceWatch watch = new TraceWatch();
        CURRENT.set(watch);
        synchronized (TraceWatch.class) {
            open++;
        }
        return watch;
    }

    void stop() {
        CURRENT.remove();
        synchronized (TraceWatch.class) {
            open--;
        }
    }

    /** Why the watched evaluation cannot be replayed, or null if it can. */
    String spoiled() {
        return spoiled;
    }

    /**
     * Notes that {@code how} took a value of {@code t} out of the graph; callers test
     * {@code open != 0} first, so unwatched code pays one volatile read.
     */
    static void leftGraph(JvmTensor t, String how) {
        if (!t.requiresGrad) {
            return;
        }
        TraceWatch watch = CURRENT.get();
        if (watch != null && watch.spoiled == null) {
            watch.spoiled = how;
        }
    }
}
