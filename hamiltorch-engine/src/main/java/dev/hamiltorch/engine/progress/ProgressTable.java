package dev.hamiltorch.engine.progress;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
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
 *
 * <p>A table made for several chains, or for a run with warm-up, adds one line per chain under the row:
 * its iteration, whether it is in warm-up or sampling, and its divergences so far
 * ({@code chain 2: 350/2000 warm-up, 1 divergence}). On a terminal the row and the chain lines are
 * redrawn in place with ANSI cursor movements; otherwise they are printed as plain lines at each tenth.
 * Only this class prints, under one lock, so lines from different chains never interleave.
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
    /** Per chain: iterations done and divergences so far; empty without per-chain lines. */
    private final AtomicIntegerArray chainIterations;
    private final AtomicLongArray chainDivergences;
    private final int iterationsPerChain;
    private final int warmup;
    /** Whether the block (row and chain lines) is on the terminal, so a redraw moves up over it first. */
    private boolean blockShown;
    private long startNanos;
    private long lastDrawNanos;
    private long lastDecile = -1;
    /** When the last iteration finished; written once, by the thread that finished it. */
    private volatile long finishedNanos;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is a terminal (redraw in place) or a file/pipe (plain lines)
     * @param total iterations to expect over all chains
     * @param clock nanosecond clock (System::nanoTime outside tests)
     */
    public ProgressTable(PrintStream out, boolean terminal, long total, LongSupplier clock) {
        this(out, terminal, total, 0, 0, 0, clock);
    }

    /**
     * A table for {@code chains} chains of {@code iterationsPerChain} iterations each, the first
     * {@code warmup} of them warm-up; with more than one chain, or warm-up, it shows a line per chain.
     *
     * @param out where to print
     * @param terminal whether {@code out} is a terminal (redraw in place) or a file/pipe (plain lines)
     * @param chains the number of chains, ≥ 1
     * @param iterationsPerChain iterations per chain, warm-up included
     * @param warmup leading warm-up iterations per chain
     * @param clock nanosecond clock (System::nanoTime outside tests)
     * @throws IllegalArgumentException naming a bad argument
     */
    public ProgressTable(PrintStream out, boolean terminal, int chains, int iterationsPerChain, int warmup,
                         LongSupplier clock) {
        this(out, terminal, (long) chains * iterationsPerChain, chains > 1 || warmup > 0 ? chains : 0,
                iterationsPerChain, warmup, clock);
        if (chains < 1) {
            throw new IllegalArgumentException("chains = " + chains + ": must be at least 1");
        }
        if (warmup < 0 || warmup > iterationsPerChain) {
            throw new IllegalArgumentException("warmup = " + warmup + ": must be in [0, " + iterationsPerChain + "]");
        }
    }

    private ProgressTable(PrintStream out, boolean terminal, long total, int chainLines, int iterationsPerChain,
                          int warmup, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.clock = clock;
        this.samplesWidth = Math.max("Samples".length(), 2 * Long.toString(total).length() + 1);
        this.chainIterations = new AtomicIntegerArray(chainLines);
        this.chainDivergences = new AtomicLongArray(chainLines);
        this.iterationsPerChain = iterationsPerChain;
        this.warmup = warmup;
    }

    /** A table on standard output, redrawn in place when it is a terminal. */
    public static ProgressTable onStandardOutput(long total) {
        return new ProgressTable(System.out, System.console() != null, total, System::nanoTime);
    }

    /** A table on {@code out}, redrawn in place when {@code out} is standard output on a terminal. */
    public static ProgressTable on(PrintStream out, long total) {
        return new ProgressTable(out, out == System.out && System.console() != null, total, System::nanoTime);
    }

    /**
     * A table of {@code chains} chains on {@code out} (standard output when null), redrawn in place when
     * that is standard output on a terminal; see {@link #ProgressTable(PrintStream, boolean, int, int, int, LongSupplier)}.
     */
    public static ProgressTable on(PrintStream out, int chains, int iterationsPerChain, int warmup) {
        PrintStream target = out == null ? System.out : out;
        return new ProgressTable(target, target == System.out && System.console() != null, chains, iterationsPerChain,
                warmup, System::nanoTime);
    }

    /**
     * Counts iteration {@code iteration} (from 0, warm-up included) of chain {@code chain}, divergent or
     * not, then one finished iteration as {@link #step()}.
     */
    public void step(int chain, int iteration, boolean divergent) {
        if (chain < chainIterations.length()) {
            chainIterations.accumulateAndGet(chain, iteration + 1, Math::max);
            if (divergent) {
                chainDivergences.incrementAndGet(chain);
            }
        }
        step();
    }

    /** Prints the title and the header, and starts the clock. */
    public synchronized void start(String title) {
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
            finishedNanos = clock.getAsLong(); // the final row's time: the run's, not when finish() is called
            return;
        }
        long now = clock.getAsLong();
        if (terminal ? now - lastDrawNanos >= REFRESH_NANOS : n * 10 / total > lastDecile) {
            draw(n, now, false);
        }
    }

    /** Draws the final row and the acceptance rate. */
    public synchronized void finish(double acceptanceRate) {
        drawRow(done.get(), done.get() == total ? finishedNanos : clock.getAsLong(), true);
        StringBuilder b = new StringBuilder("Acceptance Rate ");
        appendFixed2(b, acceptanceRate, false);
        out.println(b);
        out.flush();
    }

    private synchronized void draw(long n, long now, boolean last) {
        // a thread that counted an earlier iteration may get the lock after a later one drew: never go back
        if (terminal ? now - lastDrawNanos < REFRESH_NANOS : n * 10 / total <= lastDecile) {
            return;
        }
        drawRow(n, now, last);
    }

    private void drawRow(long n, long now, boolean last) {
        lastDrawNanos = now;
        lastDecile = n * 10 / total;
        String row = row(n, now - startNanos);
        if (chainIterations.length() > 0) {
            drawBlock(row);
            return;
        }
        if (terminal) {
            out.print('\r');
            out.print(row);
            if (last) {
                out.println();
            }
        } else {
            out.println(row);
        }
        out.flush();
    }

    /** The row and a line per chain: redrawn over the previous block on a terminal, appended otherwise. */
    private void drawBlock(String row) {
        StringBuilder b = new StringBuilder();
        if (terminal && blockShown) {
            // ESC[nF: to the start of the line n lines up, over the block drawn last time
            b.append("\u001b[").append(chainIterations.length() + 1).append('F');
        }
        String clear = terminal ? "\u001b[2K" : "";
        b.append(clear).append(row.stripTrailing()).append(System.lineSeparator());
        for (int c = 0; c < chainIterations.length(); c++) {
            b.append(clear).append(chainLine(c)).append(System.lineSeparator());
        }
        out.print(b);
        out.flush();
        blockShown = true;
    }

    /** {@code chain 2: 350/2000 warm-up, 1 divergence}: chains counted from 1, as the draws files are. */
    String chainLine(int chain) {
        int i = chainIterations.get(chain);
        long d = chainDivergences.get(chain);
        String phase = i >= iterationsPerChain ? "done" : i < warmup ? "warm-up" : "sampling";
        return "chain " + (chain + 1) + ": " + i + "/" + iterationsPerChain + " " + phase + ", " + d
                + (d == 1 ? " divergence" : " divergences");
    }

    /** One row of the table after {@code n} iterations and {@code elapsedNanos}. */
    String row(long n, long elapsedNanos) {
        double elapsed = elapsedNanos / 1e9;
        double rate = elapsed > 0 ? n / elapsed : 0.0;
        double remaining = n > 0 ? elapsed * (total - n) / n : 0.0;
        int filled = (int) (BAR_WIDTH * n / Math.max(total, 1));
        StringBuilder rateText = new StringBuilder();
        appendFixed2(rateText, rate, true);
        return duration(elapsed) + " | " + duration(remaining) + " | " + "#".repeat(filled)
                + "-".repeat(BAR_WIDTH - filled) + " | " + pad(n + "/" + total, samplesWidth) + " | " + rateText
                + "       ";
    }

    /** d:hh:mm:ss as hamiltorch prints it. */
    static String duration(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%dd:%02d:%02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    /**
     * x ≥ 0 with two decimals, correctly rounded from the double's exact value as Python's {@code '{:.2f}'} (with {@code grouping},
     * {@code '{:,.2f}'}: thousands separated by commas); NaN and ∞ as Python spells them.
     */
    static void appendFixed2(StringBuilder b, double x, boolean grouping) {
        if (!(x >= 0) || x == Double.POSITIVE_INFINITY) {
            b.append(Double.isNaN(x) ? "nan" : x > 0 ? "inf" : String.valueOf(x));
            return;
        }
        // String.format would round the shortest decimal that reads back as x, not x's exact value
        BigDecimal exact = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN);
        b.append(String.format(Locale.ROOT, grouping ? "%,.2f" : "%.2f", exact));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
