package dev.hamiltorch.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDigitsAreTenThousandImagesWithLabelsAndTheFirstHundredHoldEveryDigit() throws IOException {
        Mnist m = Mnist.shipped();
        assertEquals(10_000, m.size());
        assertEquals(28, m.rows());
        assertEquals(28, m.columns());
        int[] counts = new int[10];
        for (double y : m.labels(0, 100).toArray()) {
            counts[(int) y]++;
        }
        for (int d = 0; d < 10; d++) {
            assertEquals(true, counts[d] >= 6 && counts[d] <= 15, "digit " + d + " appears " + counts[d] + " times");
        }
        double max = 0;
        for (double v : m.images(0, 100).toArray()) {
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, "pixels scaled to [0, 1]");
        assertArrayEquals(new int[] {1000, 1, 28, 28}, m.images(100, 1100).shape());
    }

    @Test
    void plainAndGzipFilesReadAlikeAsTheStandardMnistFilesAre() throws IOException {
        byte[] gz;
        try (InputStream in = IdxFile.class.getResourceAsStream("/mnist-10k/labels-idx1-ubyte.gz")) {
            gz = in.readAllBytes();
        }
        byte[] plain = new GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
        IdxFile labels = IdxFile.read(plain, "plain");
        assertEquals(labels, IdxFile.read(gz, "gz"));
        assertArrayEquals(new int[] {10_000}, labels.shape());

        // a folder laid out as the standard distribution: train-*-idx?-ubyte, one gzipped, one plain
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idx3(3, 2, 2)));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), java.util.Arrays.copyOf(
                ByteBuffer.allocate(8).put(new byte[] {0, 0, 0x08, 1}).putInt(3).array(), 11));
        Mnist m = Mnist.folder(dir);
        assertEquals(3, m.size());
        assertArrayEquals(new double[] {8 / 255.0, 9 / 255.0, 10 / 255.0, 11 / 255.0}, m.images(2, 3).toArray());
        assertArrayEquals(new double[] {0, 0, 0}, m.labels(0, 3).toArray());
    }

    @Test
    void otherTypesAreReadBigEndian() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 2 * 8);
        b.put(new byte[] {0, 0, 0x0E, 1}).putInt(2).putDouble(1.5).putDouble(-2.25);
        IdxFile f = IdxFile.read(b.array(), "doubles");
        assertArrayEquals(new int[] {2}, f.shape());
        assertArrayEquals(new double[] {1.5, -2.25}, f.values());
    }

    @Test
    void aFileThatIsNotIdxIsNamedWithWhatIsWrong() throws IOException {
        Path csv = dir.resolve("digits.csv");
        Files.writeString(csv, "label,pixel0\n5,0\n", StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(csv));
        assertEquals(csv + ": not an IDX file: it starts with bytes 6c 61 62 65 (an IDX file starts with 00 00, a type"
                + " code 08, 09, 0b, 0c, 0d or 0e, and its number of dimensions)", e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(idx3(3, 2, 2), 4 + 12 + 7);
        e = assertThrows(IOException.class, () -> IdxFile.read(truncated, "short.idx"));
        assertEquals("short.idx: IDX shape [3, 2, 2] announces 12 values but the file ends after 7", e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        e = assertThrows(IOException.class, () -> Mnist.folder(empty));
        assertEquals(empty + ": holds none of [train-images-idx3-ubyte, images-idx3-ubyte] (plain or .gz)", e.getMessage());
    }

    /** An IDX3 file of n images of r × c pixels, pixel values 0, 1, 2, … */
    private static byte[] idx3(int n, int r, int c) {
        ByteBuffer b = ByteBuffer.allocate(4 + 12 + n * r * c);
        b.put(new byte[] {0, 0, 0x08, 3}).putInt(n).putInt(r).putInt(c);
        for (int i = 0; i < n * r * c; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
