package dev.hamiltorch.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner run in-process with its standard output and error captured: the fixture the runner's tests
 * share. Each {@link #run} starts from empty streams, so {@link #out()} and {@link #err()} are what that
 * run wrote.
 */
final class RunnerConsole {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the runner's command line {@code args}; returns its exit status. */
    int run(String... args) {
        out.reset();
        err.reset();
        return Runner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The runner's report of a failed run ({@link Runner#failed}), written to a fresh {@link #err()}. */
    int failed(RuntimeException e) {
        out.reset();
        err.reset();
        return Runner.failed(e, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** What the last run wrote to standard output. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last run wrote to standard error. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The first JSON number (or NaN) under {@code key} in {@code json}; fails when there is none. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+|NaN)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }

    /** The first JSON whole number under {@code key} in {@code json}; fails when there is none. */
    static long count(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\\d+)[,\\s}]").matcher(json);
        assertTrue(m.find(), key + " missing, or not a whole number, in " + json);
        return Long.parseLong(m.group(1));
    }
}
