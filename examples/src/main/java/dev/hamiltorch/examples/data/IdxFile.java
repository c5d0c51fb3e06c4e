package dev.hamiltorch.examples.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * An array read from an IDX file, the format of the MNIST distribution (LeCun et al.): two zero bytes, a
 * type code (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64),
 * the number of dimensions, each dimension as a big-endian int32, then the values, big-endian, row-major.
 * Reads plain and gzip-compressed files alike (the standard {@code train-images-idx3-ubyte.gz}, …), and says
 * what is wrong with a file that is not IDX.
 *
 * @param shape the dimensions
 * @param values the values, row-major, as doubles (bytes unscaled: 0–255 for MNIST pixels)
 */
public record IdxFile(int[] shape, double[] values) {

    /** Copies nothing: the reader hands over fresh arrays. */
    public IdxFile {
    }

    /**
     * Reads {@code file}, plain or gzip-compressed.
     *
     * @throws IOException naming the file and what is wrong: not IDX (its first bytes shown), an unknown
     *         type code, or fewer values than its header announces
     */
    public static IdxFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads an IDX stream, plain or gzip-compressed; {@code name} names it in errors.
     *
     * @throws IOException naming the stream and what is wrong
     */
    public static IdxFile read(InputStream raw, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream in = buffered;
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        }
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[4];
        int got = data.readNBytes(magic, 0, 4);
        if (got < 4 || magic[0] != 0 || magic[1] != 0 || typeBytes(magic[2]) == 0 || magic[3] < 1) {
            throw new IOException(name + ": not an IDX file: it starts with bytes "
                    + HexFormat.ofDelimiter(" ").formatHex(magic, 0, got) + " (an IDX file starts with 00 00, a type"
                    + " code 08, 09, 0b, 0c, 0d or 0e, and its number of dimensions)");
        }
        int[] shape = new int[magic[3]];
        long count = 1;
        try {
            for (int d = 0; d < shape.length; d++) {
                shape[d] = data.readInt();
                if (shape[d] < 0) {
                    throw new IOException(name + ": IDX dimension " + d + " is " + shape[d]);
                }
                count *= shape[d];
            }
        } catch (EOFException e) {
            throw new IOException(name + ": IDX header ends before its " + shape.length + " dimensions", e);
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": IDX shape " + Arrays.toString(shape) + " holds too many values");
        }
        double[] values = new double[(int) count];
        int type = magic[2];
        int i = 0;
        try {
            if (type == 0x08) {
                byte[] bytes = data.readNBytes(values.length);
                for (; i < bytes.length; i++) {
                    values[i] = bytes[i] & 0xff;
                }
                if (bytes.length < values.length) {
                    throw new EOFException();
                }
            } else {
                for (; i < values.length; i++) {
                    values[i] = switch (type) {
                        case 0x09 -> data.readByte();
                        case 0x0B -> data.readShort();
                        case 0x0C -> data.readInt();
                        case 0x0D -> data.readFloat();
                        default -> data.readDouble();
                    };
                }
            }
        } catch (EOFException e) {
            throw new IOException(name + ": IDX shape " + Arrays.toString(shape) + " announces " + count
                    + " values but the file ends after " + i, e);
        }
        return new IdxFile(shape, values);
    }

    /** Bytes per value of an IDX type code, 0 for a code that is not one. */
    private static int typeBytes(byte code) {
        return switch (code) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }

    /** A resource of this class's module, e.g. {@code /mnist-10k/labels-idx1-ubyte.gz}. */
    public static IdxFile resource(String path) throws IOException {
        try (InputStream in = IdxFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("resource " + path + " is missing from the examples jar");
            }
            return read(in, path);
        }
    }

    /** An IDX file from bytes (tests). */
    static IdxFile read(byte[] bytes, String name) throws IOException {
        return read(new ByteArrayInputStream(bytes), name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxFile f && Arrays.equals(shape, f.shape) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "IdxFile" + Arrays.toString(shape);
    }
}
