package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.api.model.ParameterBlock;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A file of draws written while sampling and read back memory-mapped, so that the draws of a large
 * model (a network's hundreds of thousands of weights × thousands of draws) never have to be on the heap.
 *
 * <p>Layout, little-endian throughout:
 * <pre>
 * offset  size  field
 *      0     8  magic "HMCDRAWS" (ASCII)
 *      8     4  version, 1
 *     12     4  header length H in bytes (rows start at H; H is a multiple of 8)
 *     16     4  bytes per value: 4 (float32) or 8 (float64)
 *     20     4  number of parameter blocks B
 *     24     8  dimension D (the sum of the blocks' sizes)
 *     32        B blocks, each: int32 name length L, L bytes of UTF-8 name, int32 rank R, R × int32 dims
 *               zero padding up to H
 *      H        rows, each: int32 chain, int32 iteration (from 0, burn-in included), D values
 * </pre>
 * The blocks give the parameters' order: θ is the blocks one after another, each in row-major order.
 * There is no row count in the header: a reader counts the whole rows the file holds, so a file whose
 * writer stopped (a full disk, a killed process) keeps every row written before it. Rows of several
 * chains running in parallel are interleaved in the order they were written; each row names its chain.
 * float32 files hold each value rounded to the nearest float; float64 files hold them bit for bit.
 */
public final class DrawsFile {

    /** The first 8 bytes of every draws file. */
    static final byte[] MAGIC = "HMCDRAWS".getBytes(StandardCharsets.US_ASCII);
    /** The layout's version. */
    static final int VERSION = 1;
    /** Bytes of a row's prefix: chain and iteration. */
    private static final int ROW_PREFIX = 8;

    private DrawsFile() {
    }

    /** How values are stored. */
    public enum Precision {
        /** 4-byte IEEE floats: half the size, each value rounded to the nearest float. */
        FLOAT32(4),
        /** 8-byte IEEE doubles: the draws bit for bit. */
        FLOAT64(8);

        private final int bytes;

        Precision(int bytes) {
            this.bytes = bytes;
        }

        /** Bytes per value. */
        public int bytes() {
            return bytes;
        }

        static Precision ofBytes(int bytes, Path file) throws IOException {
            for (Precision p : values()) {
                if (p.bytes == bytes) {
                    return p;
                }
            }
            throw new IOException(file + ": not a draws file this version can read: " + bytes
                    + " bytes per value (4 or 8 expected)");
        }
    }

    /** The header of a draws file, in bytes. */
    static ByteBuffer header(List<ParameterBlock> blocks, Precision precision) {
        long dimension = 0;
        int length = 32;
        for (ParameterBlock b : blocks) {
            dimension += b.size();
            length += 8 + b.name().getBytes(StandardCharsets.UTF_8).length + 4 * b.shape().length;
        }
        int padded = (length + 7) / 8 * 8;
        ByteBuffer h = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(VERSION).putInt(padded).putInt(precision.bytes()).putInt(blocks.size()).putLong(dimension);
        for (ParameterBlock b : blocks) {
            byte[] name = b.name().getBytes(StandardCharsets.UTF_8);
            h.putInt(name.length).put(name).putInt(b.shape().length);
            for (int d : b.shape()) {
                h.putInt(d);
            }
        }
        h.position(0);
        return h;
    }

    /**
     * Creates (or truncates) {@code file} and returns a writer of its rows.
     *
     * @param blocks the parameters' blocks in θ's order
     * @throws UncheckedIOException naming the file if it cannot be created or its header written
     */
    public static Writer create(Path file, List<ParameterBlock> blocks, Precision precision) {
        Objects.requireNonNull(file, "file");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new Writer(file, channel, blocks, precision);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("draws file " + file + ": cannot be written: " + e, e));
        }
    }

    /**
     * Opens a draws file for reading, memory-mapped.
     *
     * @throws IOException naming the file and what is wrong with it (not a draws file, another version,
     *         a truncated header)
     */
    public static Reader open(Path file) throws IOException {
        return new Reader(file);
    }

    /**
     * Writes rows: a {@link TransitionListener} that appends every draw after the burn-in, each row
     * written through to the file before the chain moves on. Thread-safe (rows of parallel chains are
     * written one at a time). An I/O failure throws {@link UncheckedIOException} naming the file and the
     * draw, which stops the run; the rows written before it stay readable.
     */
    public static final class Writer implements TransitionListener, Closeable {

        private final Path file;
        private final WritableByteChannel channel;
        private final Precision precision;
        private final long dimension;
        private final ByteBuffer row;
        private int burn;
        private long rows;

        /** A writer over {@code channel}, whose header it writes now; {@code file} names it in errors. */
        Writer(Path file, WritableByteChannel channel, List<ParameterBlock> blocks, Precision precision)
                throws IOException {
            this.file = Objects.requireNonNull(file, "file");
            this.channel = Objects.requireNonNull(channel, "channel");
            this.precision = Objects.requireNonNull(precision, "precision");
            ByteBuffer header = header(List.copyOf(blocks), precision);
            this.dimension = header.getLong(24);
            long rowBytes = ROW_PREFIX + dimension * precision.bytes();
            if (rowBytes > Integer.MAX_VALUE) {
                throw new IOException("draws file " + file + ": a row of " + dimension + " values does not fit a buffer");
            }
            this.row = ByteBuffer.allocate((int) rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            try {
                writeFully(header);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        /** The file written. */
        public Path file() {
            return file;
        }

        /** Rows written so far. */
        public synchronized long rows() {
            return rows;
        }

        @Override
        public void onStart(Provenance provenance, List<String> statisticNames) {
            burn = provenance.burn();
            if (provenance.parameterNames().size() != dimension) {
                throw new IllegalArgumentException("draws file " + file + ": its blocks hold " + dimension
                        + " parameters, the target has " + provenance.parameterNames().size());
            }
        }

        @Override
        public void onTransition(int chain, int iteration, ChainState state, TransitionInfo info) {
            if (iteration >= burn) {
                write(chain, iteration, state.position());
            }
        }

        /** Appends one row. */
        public synchronized void write(int chain, int iteration, double[] values) {
            if (values.length != dimension) {
                throw new IllegalArgumentException("a draw of " + values.length + " values for a file of dimension "
                        + dimension);
            }
            row.clear();
            row.putInt(chain).putInt(iteration);
            if (precision == Precision.FLOAT64) {
                row.asDoubleBuffer().put(values);
            } else {
                var floats = row.asFloatBuffer();
                for (double v : values) {
                    floats.put((float) v);
                }
            }
            row.position(0).limit(row.capacity());
            try {
                writeFully(row);
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("draws file " + file + ": writing draw " + rows
                        + " (chain " + chain + ", iteration " + iteration + ") failed: " + e.getMessage(), e));
            }
            rows++;
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Reads a draws file memory-mapped: the heap holds one row at a time, whatever the file's size.
     * Safe for one thread at a time.
     */
    public static final class Reader implements Closeable {

        private final Path file;
        private final FileChannel channel;
        private final Precision precision;
        private final int dimension;
        private final List<ParameterBlock> blocks;
        private final long headerLength;
        private final long rowBytes;
        private final long count;
        /** Rows per mapped region: as many whole rows as fit 1 GiB (at least one). */
        private final long rowsPerRegion;
        private final MappedByteBuffer[] regions;

        Reader(Path file) throws IOException {
            this.file = Objects.requireNonNull(file, "file");
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                long size = channel.size();
                ByteBuffer fixed = readAt(0, 32, size);
                byte[] magic = new byte[8];
                fixed.get(magic);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new IOException(file + ": not a draws file (it does not start with \"HMCDRAWS\")");
                }
                int version = fixed.getInt();
                if (version != VERSION) {
                    throw new IOException(file + ": draws file version " + version + ", this library reads version "
                            + VERSION);
                }
                headerLength = fixed.getInt();
                precision = Precision.ofBytes(fixed.getInt(), file);
                int blockCount = fixed.getInt();
                long d = fixed.getLong();
                if (headerLength < 32 || headerLength > size || blockCount < 0 || d < 1 || d > Integer.MAX_VALUE) {
                    throw new IOException(file + ": damaged draws file header (header length " + headerLength
                            + ", " + blockCount + " blocks, dimension " + d + ")");
                }
                dimension = (int) d;
                ByteBuffer h = readAt(0, (int) headerLength, size);
                h.position(32);
                List<ParameterBlock> list = new ArrayList<>(blockCount);
                try {
                    for (int b = 0; b < blockCount; b++) {
                        byte[] name = new byte[h.getInt()];
                        h.get(name);
                        int[] shape = new int[h.getInt()];
                        for (int k = 0; k < shape.length; k++) {
                            shape[k] = h.getInt();
                        }
                        list.add(new ParameterBlock(new String(name, StandardCharsets.UTF_8), shape));
                    }
                } catch (RuntimeException e) {
                    throw new IOException(file + ": damaged draws file header: " + e.getMessage(), e);
                }
                blocks = List.copyOf(list);
                rowBytes = ROW_PREFIX + (long) dimension * precision.bytes();
                count = (size - headerLength) / rowBytes;
                rowsPerRegion = Math.max(1, (1L << 30) / rowBytes);
                regions = new MappedByteBuffer[(int) ((count + rowsPerRegion - 1) / rowsPerRegion)];
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        private ByteBuffer readAt(long position, int length, long size) throws IOException {
            if (size < position + length) {
                throw new IOException(file + ": not a draws file (" + size + " bytes, too short for its header)");
            }
            ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (channel.read(b, position + b.position()) < 0) {
                    throw new IOException(file + ": ended inside its header");
                }
            }
            return b.flip();
        }

        /** The file read. */
        public Path file() {
            return file;
        }

        /** The number of whole rows in the file. */
        public long count() {
            return count;
        }

        /** Values per row, D. */
        public int dimension() {
            return dimension;
        }

        /** How the values are stored. */
        public Precision precision() {
            return precision;
        }

        /** The parameters' blocks, in θ's order. */
        public List<ParameterBlock> blocks() {
            return blocks;
        }

        /** The chain of row {@code k}. */
        public int chain(long k) {
            return region(k).getInt(offset(k));
        }

        /** The iteration of row {@code k} (from 0, burn-in included). */
        public int iteration(long k) {
            return region(k).getInt(offset(k) + 4);
        }

        /** Row {@code k} as a new array. */
        public double[] row(long k) {
            double[] values = new double[dimension];
            row(k, values);
            return values;
        }

        /** Row {@code k} into {@code into} (length D), without allocating. */
        public void row(long k, double[] into) {
            if (into.length != dimension) {
                throw new IllegalArgumentException("into has length " + into.length + ", rows have " + dimension);
            }
            ByteBuffer r = region(k).duplicate().order(ByteOrder.LITTLE_ENDIAN);
            r.position(offset(k) + ROW_PREFIX);
            if (precision == Precision.FLOAT64) {
                r.asDoubleBuffer().get(into);
            } else {
                var floats = r.asFloatBuffer();
                for (int i = 0; i < dimension; i++) {
                    into[i] = floats.get();
                }
            }
        }

        /**
         * Row {@code k}'s D values as a read-only, little-endian view of the mapped file from position 0 (no
         * copy): 4 or 8 bytes each as {@link #precision()} says. Valid while the reader is open.
         */
        public ByteBuffer values(long k) {
            ByteBuffer r = region(k).duplicate();
            int from = offset(k) + ROW_PREFIX;
            return r.position(from).limit(from + dimension * precision.bytes()).slice().asReadOnlyBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN);
        }

        private int offset(long k) {
            return (int) ((k % rowsPerRegion) * rowBytes);
        }

        private ByteBuffer region(long k) {
            if (k < 0 || k >= count) {
                throw new IndexOutOfBoundsException("row " + k + " of " + count + " in " + file);
            }
            int r = (int) (k / rowsPerRegion);
            if (regions[r] == null) {
                long first = (long) r * rowsPerRegion;
                long rows = Math.min(rowsPerRegion, count - first);
                try {
                    regions[r] = channel.map(FileChannel.MapMode.READ_ONLY, headerLength + first * rowBytes,
                            rows * rowBytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(new IOException(file + ": cannot map rows " + first + "–"
                            + (first + rows - 1) + ": " + e.getMessage(), e));
                }
                regions[r].order(ByteOrder.LITTLE_ENDIAN);
            }
            return regions[r];
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
