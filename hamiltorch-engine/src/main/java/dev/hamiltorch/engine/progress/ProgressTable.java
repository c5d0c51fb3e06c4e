package dev.hamiltorch.engine.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * hamiltorch's progress display:
 * <pre>
 * Sampling (Sampler.HMC; Integrator.LEAPFROG)
 * Time spent  | Time remain.| Progress             | Samples | Samples/sec
 * 0d:00:00:00 | 0d:00:00:00 | #################### | 400/400 | 506.48
 * Acceptance Rate 1.00
 * </pre>
 * On a terminal the row is redrawn in place at most four times a second; otherwise a plain line is
 * printed at each tenth of the run. Safe to update from several chains at once.
 */
public final class ProgressTable {

    private static final long REFRESH_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final LongSupplier clock;
    private final AtomicLong done = new AtomicLong();
    private final int samplesWidth;
    private long startNanos;
    private long lastDrawNanos;
    private long lastDecile = -1;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is a terminal (redraw in place) or a file/pipe (plain lines)
     * @param total iterations to expect over all chains
     * @param clock nanosecond clock (System::nanoTime outside tests)
     */
    public ProgressTable(PrintStream out, boolean terminal, long total, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.clock = clock;
        this.samplesWidth = Math.max("Samples".length(), 2 * Long.toString(total).length() + 1);
    }

    /** A table on standard output, redrawn in place when it is a terminal. */
    public static ProgressTable onStandardOutput(long total) {
        return new ProgressTable(System.out, System.console() != null, total, System::nanoTime);
    }

    /** A table on {@code out}, redrawn in place when {@code out} is standard output on a terminal. */
    public static ProgressTable on(PrintStream out, long total) {
        return new ProgressTable(out, out == System.out && System.console() != null, total, System::nanoTime);
    }

    /** Prints the title and the header, and starts the clock. */
    public synchronized void start(String title) {
        // formats a row once so the formatter's classes load here, not inside the timed sampling loop
        row(0, 0);
        out.println(title);
        out.println("Time spent  | Time remain.| Progress             | " + pad("Samples", samplesWidth)
                + " | Samples/sec");
        startNanos = clock.getAsLong();
        lastDrawNanos = startNanos - REFRESH_NANOS;
        lastDecile = 0;
        out.flush();
    }

    /** Counts one finished iteration; draws when due. */
    public void step() {
        long n = done.incrementAndGet();
        if (n == total) {
            return;
        }
        long now = clock.getAsLong();
        if (terminal ? now - lastDrawNanos >= REFRESH_NANOS : n * 10 / total != lastDecile) {
            draw(n, now, false);
        }
    }

    /** Draws the final row and the acceptance rate. */
    public synchronized void finish(double acceptanceRate) {
        drawRow(done.get(), clock.getAsLong(), true);
        out.println(String.format(Locale.ROOT, "Acceptance Rate %.2f", acceptanceRate));
        out.flush();
    }

    private synchronized void draw(long n, long now, boolean last) {
        if (terminal ? now - lastDrawNanos < REFRESH_NANOS : n * 10 / total == lastDecile) {
            return;
        }
        drawRow(n, now, last);
    }

    private void drawRow(long n, long now, boolean last) {
        lastDrawNanos = now;
        lastDecile = n * 10 / total;
        String row = row(n, now - startNanos);
        if (terminal) {
            out.print('\r' + row);
            if (last) {
                out.println();
            }
        } else {
            out.println(row);
        }
        out.flush();
    }

    /** One row of the table after {@code n} iterations and {@code elapsedNanos}. */
    String row(long n, long elapsedNanos) {
        double elapsed = elapsedNanos / 1e9;
        double rate = elapsed > 0 ? n / elapsed : 0.0;
        double remaining = n > 0 ? elapsed * (total - n) / n : 0.0;
        int filled = (int) (BAR_WIDTH * n / Math.max(total, 1));
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        return duration(elapsed) + " | " + duration(remaining) + " | " + bar + " | "
                + pad(n + "/" + total, samplesWidth) + " | " + String.format(Locale.ROOT, "%.2f", rate) + "       ";
    }

    /** d:hh:mm:ss as hamiltorch prints it. */
    static String duration(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%dd:%02d:%02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
