package dev.hamiltorch.engine.adaptation;

import java.util.ArrayList;
import java.util.List;

/**
 * Stan's warm-up windows for metric adaptation: a fast initial buffer (step size only), slow windows
 * whose draws estimate the mass matrix, each twice as long as the one before and the last stretched to
 * the terminal buffer, then a fast terminal buffer. Defaults 75 / 25 / 50; a warm-up shorter than their
 * sum gets 15 % / 75 % / 10 % of it with one slow window, and one shorter than 20 iterations gets no
 * metric adaptation at all (one fast window).
 */
public final class WindowSchedule {

    /** Stan's initial fast buffer. */
    public static final int INITIAL_BUFFER = 75;
    /** Stan's first slow window. */
    public static final int BASE_WINDOW = 25;
    /** Stan's terminal fast buffer. */
    public static final int TERMINAL_BUFFER = 50;
    /** Below this many warm-up iterations the metric is not adapted. */
    public static final int SHORTEST_METRIC_WARMUP = 20;

    /**
     * One window, inclusive iteration indices from 0.
     *
     * @param start first iteration
     * @param end last iteration
     * @param slow whether its draws estimate the mass matrix
     */
    public record Window(int start, int end, boolean slow) {
    }

    private WindowSchedule() {
    }

    /**
     * The windows of a warm-up of {@code warmup} iterations with Stan's buffers, in order; empty for 0.
     *
     * @throws IllegalArgumentException if {@code warmup} is negative
     */
    public static List<Window> of(int warmup) {
        return of(warmup, INITIAL_BUFFER, BASE_WINDOW, TERMINAL_BUFFER);
    }

    /**
     * The windows with the given initial buffer, first slow window and terminal buffer.
     *
     * @throws IllegalArgumentException if an argument is negative or the first window is empty
     */
    public static List<Window> of(int warmup, int initialBuffer, int baseWindow, int terminalBuffer) {
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup = " + warmup + ": must be non-negative");
        }
        if (initialBuffer < 0 || baseWindow <= 0 || terminalBuffer < 0) {
            throw new IllegalArgumentException("buffers " + initialBuffer + "/" + baseWindow + "/" + terminalBuffer
                    + ": must be non-negative with a positive first window");
        }
        List<Window> windows = new ArrayList<>();
        if (warmup == 0) {
            return windows;
        }
        if (warmup < SHORTEST_METRIC_WARMUP) {
            windows.add(new Window(0, warmup - 1, false));
            return windows;
        }
        if (warmup < initialBuffer + baseWindow + terminalBuffer) {
            initialBuffer = (int) (0.15 * warmup);
            terminalBuffer = (int) (0.1 * warmup);
            baseWindow = warmup - initialBuffer - terminalBuffer;
        }
        windows.add(new Window(0, initialBuffer - 1, false));
        int slowEnd = warmup - terminalBuffer; // exclusive
        int start = initialBuffer;
        int size = baseWindow;
        while (start < slowEnd) {
            int end = start + size; // exclusive
            // a window whose successor (twice as long) would not fit takes the rest of the slow part
            if (end + 2 * size > slowEnd) {
                end = slowEnd;
            }
            windows.add(new Window(start, end - 1, true));
            start = end;
            size *= 2;
        }
        windows.add(new Window(slowEnd, warmup - 1, false));
        return windows;
    }
}
