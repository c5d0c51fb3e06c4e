package dev.hamiltorch.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** bnn-mnist's options, checked before the network is built or sampled. */
class BnnMnistOptionsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Runner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badOptionsExitWithStatusTwoNamingThem() {
        assertEquals(2, run("bnn-mnist", "--train", "9500", "--val", "1000"));
        assertEquals("error: --train 9500 and --val 1000 need 10500 digits; the data hold 10000\n", err.toString());
        err.reset();
        assertEquals(2, run("bnn-mnist", "--pixels", "centred"));
        assertEquals("error: option --pixels needs unit or standardised, got 'centred'\n", err.toString());
        err.reset();
        assertEquals(2, run("bnn-mnist", "--hidden", "5"));
        assertEquals("error: option --hidden applies to bnn-regression; bnn-mnist's network is fixed\n", err.toString());
        err.reset();
        assertEquals(2, run("bnn-mnist", "--val", "0"));
        assertEquals("error: option --val needs a positive integer, got 0\n", err.toString());
        err.reset();
        assertEquals(2, run("bnn-mnist", "--data", "/nonexistent-mnist-folder"));
        assertEquals("error: option --data: /nonexistent-mnist-folder: holds none of [train-images-idx3-ubyte,"
                + " images-idx3-ubyte] (plain or .gz)\n", err.toString());
    }
}
