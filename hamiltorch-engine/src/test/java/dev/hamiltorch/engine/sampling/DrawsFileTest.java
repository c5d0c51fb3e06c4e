package dev.hamiltorch.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.engine.hmc.Hmc;
import dev.hamiltorch.engine.metric.EuclideanMetric;
import dev.hamiltorch.engine.testsupport.GaussianTarget;
import dev.hamiltorch.integrators.Leapfrog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draws file: its layout, draws read back bit for bit, thinning in memory, and a write that fails mid-run. */
class DrawsFileTest {

    private static final ChainRunner RUNNER = new ChainRunner(new Hmc(), new EuclideanMetric(), new Leapfrog());
    private static final GaussianTarget GAUSSIAN = GaussianTarget.independent(new double[] {1, 2, 3}, 0.5, 0.5, 0.5);
    private static final StepParameters TUNING = StepParameters.DEFAULTS.withStepSize(0.3).withNumSteps(5);

    @TempDir
    Path dir;

    private Samples inMemory(int chains) {
        return RUNNER.run(GAUSSIAN, new double[] {0, 0, 0}, TUNING, RunOptions.seed(7).withChains(chains).withThreads(1).withSamples(60, 10));
    }

    @Test
    void drawsStreamedToAFileReadBackBitForBitWithTheirChainAndIteration() throws IOException {
        Path file = dir.resolve("g.draws");
        Samples expected = inMemory(2);
        Samples streamed = RUNNER.run(GAUSSIAN, new double[] {0, 0, 0}, TUNING, RunOptions.seed(7).withChains(2)
                .withThreads(1).withStorage(new DrawStorage(file, DrawsFile.Precision.FLOAT64, 0, List.of())).withSamples(60, 10));
        assertEquals(0, streamed.keptCount(), "keepEvery 0 keeps nothing in memory");
        assertEquals(file, streamed.drawsFile().orElseThrow());
        assertArrayEquals(expected.chain(0).logDensity(), streamed.chain(0).logDensity(), "the same chain");
        try (DrawsFile.Reader r = DrawsFile.open(file)) {
            assertEquals(100, r.count());
            assertEquals(3, r.dimension());
            assertEquals(List.of(new ParameterBlock("theta", new int[] {3})), r.blocks());
            for (int k = 0; k < 100; k++) {
                assertArrayEquals(expected.draws().row(k), r.row(k), "row " + k); // exact: assertArrayEquals on doubles
                assertEquals(k / 50, r.chain(k));
                assertEquals(10 + k % 50, r.iteration(k));
            }
        }
    }

    @Test
    void theHeaderFollowsTheDocumentedLayout() throws IOException {
        Path file = dir.resolve("h.draws");
        List<ParameterBlock> blocks = List.of(new ParameterBlock("0.weight", new int[] {2, 3}),
                new ParameterBlock("0.bias", new int[] {2}));
        try (DrawsFile.Writer w = DrawsFile.create(file, blocks, DrawsFile.Precision.FLOAT32)) {
            w.write(1, 42, new double[] {1, 2, 3, 4, 5, 6, 0.1, -7});
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        b.get(magic);
        assertEquals("HMCDRAWS", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b.getInt());
        int header = b.getInt();
        // 32 fixed bytes + "0.weight" (4 + 8 + 4 + 2·4 = 24) + "0.bias" (4 + 6 + 4 + 4 = 18) = 74, padded to 80
        assertEquals(80, header);
        assertEquals(4, b.getInt());
        assertEquals(2, b.getInt());
        assertEquals(8, b.getLong());
        assertEquals(header + 8 + 8 * 4, Files.size(file));
        b.position(header);
        assertEquals(1, b.getInt());
        assertEquals(42, b.getInt());
        assertEquals(1f, b.getFloat());
        try (DrawsFile.Reader r = DrawsFile.open(file)) {
            assertEquals(blocks, r.blocks());
            assertEquals(DrawsFile.Precision.FLOAT32, r.precision());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, (float) 0.1, -7}, r.row(0), "float32 rounds each value");
        }
    }

    @Test
    void keepEveryThinsTheDrawsInMemory() {
        Samples all = inMemory(1);
        Samples thinned = RUNNER.run(GAUSSIAN, new double[] {0, 0, 0}, TUNING, RunOptions.seed(7).withThreads(1)
                .withStorage(new DrawStorage(null, DrawsFile.Precision.FLOAT64, 4, List.of())).withSamples(60, 10));
        assertEquals(13, thinned.keptCount(), "kept draws 0, 4, …, 48 of 50");
        for (int k = 0; k < 13; k++) {
            assertArrayEquals(all.draws().row(4 * k), thinned.draws().row(k));
        }
        assertEquals(all.acceptanceRate(), thinned.acceptanceRate(), "acceptance is over every kept iteration");
    }

    @Test
    void aWriteThatFailsStopsTheRunNamingTheFileAndTheDrawAndKeepsTheRowsWritten() throws IOException {
        Path file = dir.resolve("full.draws");
        FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        // a disk that fills up after the header and 20 rows of 8 + 3·8 bytes
        WritableByteChannel filling = new WritableByteChannel() {
            long written;

            @Override
            public int write(ByteBuffer src) throws IOException {
                if (written >= DrawsFile.header(List.of(new ParameterBlock("theta", new int[] {3})),
                        DrawsFile.Precision.FLOAT64).capacity() + 20 * 32L) {
                    throw new IOException("No space left on device");
                }
                int n = real.write(src);
                written += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return real.isOpen();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        DrawsFile.Writer writer = new DrawsFile.Writer(file, filling,
                List.of(new ParameterBlock("theta", new int[] {3})), DrawsFile.Precision.FLOAT64);
        SamplingException e = assertThrows(SamplingException.class, () -> RUNNER.run(GAUSSIAN, new double[] {0, 0, 0},
                TUNING, RunOptions.seed(7).withThreads(1).withListener(writer).withSamples(60, 10)));
        writer.close();
        UncheckedIOException io = assertInstanceOf(UncheckedIOException.class, e.getCause());
        assertEquals("draws file " + file + ": writing draw 20 (chain 0, iteration 30) failed: No space left on device",
                io.getCause().getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Samples expected = inMemory(1);
        try (DrawsFile.Reader r = DrawsFile.open(file)) {
            assertEquals(20, r.count());
            for (int k = 0; k < 20; k++) {
                assertArrayEquals(expected.draws().row(k), r.row(k));
            }
        }
    }

    @Test
    void aFileThatCannotBeCreatedFailsBeforeSamplingNamingIt() {
        Path file = dir.resolve("missing-folder").resolve("x.draws");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RUNNER.run(GAUSSIAN,
                new double[] {0, 0, 0}, TUNING, RunOptions.seed(7)
                        .withStorage(new DrawStorage(file, DrawsFile.Precision.FLOAT64, 0, List.of())).withSamples(60, 10)));
        assertTrue(e.getMessage().startsWith("java.io.IOException: draws file " + file + ": cannot be written"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotADrawsFileIsNamedAndExplained() throws IOException {
        Path file = dir.resolve("not.draws");
        Files.writeString(file, "step,theta\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n");
        IOException e = assertThrows(IOException.class, () -> DrawsFile.open(file));
        assertEquals(file + ": not a draws file (it does not start with \"HMCDRAWS\")", e.getMessage());
        Files.write(file, new byte[] {1, 2});
        e = assertThrows(IOException.class, () -> DrawsFile.open(file));
        assertEquals(file + ": not a draws file (2 bytes, too short for its header)", e.getMessage());
    }
}
