package dev.hamiltorch.engine.bnn;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.HybridTensorFactory;
import dev.hamiltorch.engine.nn.ForwardPlan;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.DrawsFile;
import dev.hamiltorch.engine.sampling.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a model under every draw of a run: its outputs and the log posterior on new data. Draws are
 * read in order from the run's draws file, memory-mapped, when it has one (so the heap holds a draw per
 * thread, never all of them), else from the draws in memory. Draws are split into contiguous ranges, one
 * per thread.
 *
 * <p>A network of the engine's own layers ({@link ForwardPlan}) whose draws are float32 (a float32 draws
 * file, or the ND4J storage's dtype float) goes through the float32 inference pass ({@link FloatPass}):
 * ND4J's native kernels without the tensor graph, the weights read in place from the mapped file, inputs
 * in chunks of {@value #ROWS_PER_CHUNK} rows ({@value #ROWS_PER_CHUNK_PROPERTY}), with more than one thread
 * one draw per thread on single-threaded kernels, outputs kept as float32; the log posterior is then taken
 * in double from those outputs. Any other model runs the engine's forward pass in double, the inputs in
 * passes of {@value #ROWS_PER_PASS} rows, the log likelihood being the sum of the passes' (with more rows
 * than that it may differ from one pass over all rows by rounding); its result does not depend on the number
 * of threads.
 */
public final class Predictor {

    /**
     * Inputs per forward pass: a network's intermediate tensors grow with the batch (the CNN's second
     * convolution holds 500 × 64 values per digit), so 1000 digits go through in passes of this many.
     */
    static final int ROWS_PER_PASS = 250;

    /** The system property that sets the inputs per float32 forward pass. */
    public static final String ROWS_PER_CHUNK_PROPERTY = "hamiltorch.predict.rowsPerChunk";

    /** The system property that sets how many draws are predicted at once (threads). */
    public static final String THREADS_PROPERTY = "hamiltorch.predict.threads";

    /** Draws predicted at once: {@value #THREADS_PROPERTY}, default the available processors. */
    public static int defaultThreads() {
        return Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    /** Inputs per float32 forward pass by default (measured: docs/networks.md, "Prediction"). */
    static final int ROWS_PER_CHUNK = 250;

    private Predictor() {
    }

    /**
     * Predicts with {@code samples}, which must come from {@code Hamiltorch.sampleModel} (they carry their
     * {@link ModelPosterior}).
     *
     * @param model the model to evaluate, with the posterior's parameter count
     * @param y the targets for the log posterior
     * @param threads threads to use, at least 1
     * @throws IllegalArgumentException if the samples carry no model posterior, the model's parameter count
     *         differs, or the data are bad (rows, NaN, labels)
     * @throws UncheckedIOException naming the draws file if it cannot be read
     */
    public static Predictions predict(Model model, Samples samples, Tensor x, Tensor y, int threads) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(samples, "samples");
        ModelPosterior sampled = samples.modelPosterior().orElseThrow(() -> new IllegalArgumentException(
                "samples: drawn by Hamiltorch.sample, not sampleModel, so they carry no likelihood, tauOut or prior"));
        if (model.parameterCount() != sampled.model().parameterCount()) {
            throw new IllegalArgumentException("model has " + model.parameterCount() + " parameters, the samples' "
                    + sampled.model().parameterCount());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be at least 1");
        }
        ModelPosterior posterior = new ModelPosterior(model, sampled.likelihood(), sampled.tauOut(), sampled.prior());
        Path file = samples.drawsFile().orElse(null);
        if (file == null) {
            return predict(posterior, new MemoryDraws(samples), x, y, threads);
        }
        return fromFile(posterior, file, x, y, threads);
    }

    /**
     * Predicts with the draws of a draws file written by an earlier run (its rows in order), under
     * {@code posterior}: the model, likelihood, τ_out and prior of that run.
     *
     * @throws IllegalArgumentException if the file's dimension is not the posterior's, or the data are bad
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static Predictions predict(ModelPosterior posterior, Path drawsFile, Tensor x, Tensor y, int threads) {
        Objects.requireNonNull(posterior, "posterior");
        Objects.requireNonNull(drawsFile, "drawsFile");
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be at least 1");
        }
        return fromFile(posterior, drawsFile, x, y, threads);
    }

    private static Predictions fromFile(ModelPosterior posterior, Path file, Tensor x, Tensor y, int threads) {
        try (DrawsFile.Reader probe = DrawsFile.open(file)) {
            if (probe.dimension() != posterior.dimension()) {
                throw new IllegalArgumentException("draws file " + file + " holds draws of " + probe.dimension()
                        + " parameters, the posterior has " + posterior.dimension());
            }
            return predict(posterior, new FileDraws(file, probe.count(),
                    probe.precision() == DrawsFile.Precision.FLOAT32), x, y, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predictions predict(ModelPosterior posterior, DrawSource source, Tensor x, Tensor y,
                                       int threads) {
        int d = posterior.dimension();
        int s = Math.toIntExact(source.count());
        if (s == 0) {
            throw new IllegalArgumentException("samples: no draws to predict with (none kept in memory and no draws"
                    + " file)");
        }
        double[] first = new double[d];
        DrawSource.Cursor firstCursor = source.open();
        firstCursor.read(0, first);
        firstCursor.close();
        // the float pass splits x along its first axis into rows: inputs of rank 0 or 1 take the engine's pass
        ForwardPlan plan = x.rank() < 2 ? null : floatPlan(posterior, source.float32());
        int[] outputShape;
        if (plan != null) {
            // a plan's layers act row by row, so one input gives the shape without a pass over all of x
            outputShape = posterior.output(Tensor.of(first), x.slice(0, 0, 1)).shape();
            outputShape[0] = x.shape()[0];
        } else {
            outputShape = posterior.output(Tensor.of(first), x).shape();
        }
        posterior.checkData(x, y, outputShape::clone);
        int rows = x.rank() == 0 ? 1 : x.shape()[0];
        int outputs = Math.toIntExact(java.util.Arrays.stream(outputShape).asLongStream().reduce(1, (a, b) -> a * b)
                / rows);
        long total = (long) s * rows * outputs;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(s + " draws × " + rows + " inputs × " + outputs
                    + " outputs do not fit one array: predict on fewer inputs at a time");
        }
        double[] logPosterior = new double[s];
        int[] chain = new int[s];
        int[] iteration = new int[s];
        FloatPass floatPass = plan == null ? null : FloatPass.of(posterior, plan, rowsPerChunk(), x, y, outputShape);
        double[] values = floatPass == null ? new double[(int) total] : null;
        float[] floats = floatPass == null ? null : new float[(int) total];
        List<Tensor[]> passes = new ArrayList<>();
        for (int from = 0; from < rows; from += ROWS_PER_PASS) {
            int to = Math.min(rows, from + ROWS_PER_PASS);
            passes.add(from == 0 && to == rows ? new Tensor[] {x, y} : new Tensor[] {x.slice(0, from, to), y.slice(0, from, to)});
        }
        int parts = Math.min(threads, s);
        // one draw per thread, each on single-threaded kernels: ND4J's own threads cost 4× the CPU here
        AutoCloseable kernels = floatPass != null && parts > 1 ? floatPass.oneThreadPerKernel() : null;
        ExecutorService pool = parts == 1 ? null : Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "hamiltorch-predict");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int from = (int) ((long) s * p / parts);
                int to = (int) ((long) s * (p + 1) / parts);
                Runnable work = () -> {
                    if (kernels != null) {
                        floatPass.oneOpenMpThread();
                    }
                    DrawSource.Cursor cursor = source.open();
                    double[] theta = new double[d];
                    for (int k = from; k < to; k++) {
                        cursor.read(k, theta);
                        Tensor t = Tensor.of(theta);
                        int at = k * rows * outputs;
                        if (floatPass != null) {
                            logPosterior[k] = floatPass.predict(cursor.floats(k), theta, t, floats, at);
                        } else {
                            Tensor lp = posterior.logPrior(t);
                            for (Tensor[] pass : passes) {
                                Tensor out = posterior.output(t, pass[0]);
                                double[] o = out.toArray();
                                System.arraycopy(o, 0, values, at, o.length);
                                at += o.length;
                                lp = lp.add(posterior.logLikelihood(t, pass[0], pass[1], out));
                            }
                            logPosterior[k] = lp.item();
                        }
                        chain[k] = cursor.chain(k);
                        iteration[k] = cursor.iteration(k);
                    }
                    cursor.close();
                };
                if (pool == null) {
                    work.run();
                } else {
                    futures.add(pool.submit(work));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while predicting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (kernels != null) {
                try {
                    kernels.close();
                } catch (Exception e) {
                    throw new IllegalStateException("restoring ND4J's thread settings", e);
                }
            }
        }
        return new Predictions(s, rows, outputs, values, floats, logPosterior, chain, iteration);
    }

    /**
     * The plan of the float32 inference pass, or null for the engine's own forward pass: a network of the
     * engine's layers, ND4J in use, and float32 values (draws stored as float32, or the ND4J storage's
     * dtype float).
     */
    private static ForwardPlan floatPlan(ModelPosterior posterior, boolean float32Draws) {
        if (!HybridTensorFactory.nd4jInUse() || !(float32Draws || HybridTensorFactory.nd4jFloat32())
                || !(posterior.model() instanceof Module module)) {
            return null;
        }
        return ForwardPlan.of(module).orElse(null);
    }

    /** Inputs per float32 forward pass: {@value #ROWS_PER_CHUNK_PROPERTY}, default {@value #ROWS_PER_CHUNK}. */
    static int rowsPerChunk() {
        return Integer.getInteger(ROWS_PER_CHUNK_PROPERTY, ROWS_PER_CHUNK);
    }

    /** Draws in order, read through one cursor per thread. */
    private interface DrawSource {
        long count();

        /** Whether the draws are stored as float32. */
        boolean float32();

        Cursor open();

        interface Cursor {
            void read(int k, double[] into);

            /** Draw k's float32 values in place (a mapped file's row), or null when not stored as float32. */
            default java.nio.ByteBuffer floats(int k) {
                return null;
            }

            int chain(int k);

            int iteration(int k);

            default void close() {
            }
        }
    }

    /** The draws held in memory, chain 0 first; iterations assume every kept draw is there. */
    private record MemoryDraws(Samples samples) implements DrawSource {
        @Override
        public long count() {
            return samples.keptCount();
        }

        @Override
        public boolean float32() {
            return false;
        }

        @Override
        public Cursor open() {
            return new Cursor() {
                @Override
                public void read(int k, double[] into) {
                    System.arraycopy(samples.draws().row(k), 0, into, 0, into.length);
                }

                @Override
                public int chain(int k) {
                    int c = 0;
                    int left = k;
                    for (ChainSamples chain : samples.chains()) {
                        if (left < chain.keptCount()) {
                            return c;
                        }
                        left -= chain.keptCount();
                        c++;
                    }
                    return c;
                }

                @Override
                public int iteration(int k) {
                    int left = k;
                    for (ChainSamples chain : samples.chains()) {
                        if (left < chain.keptCount()) {
                            // thinned draws in memory do not say which iterations they were
                            boolean all = chain.keptCount() == chain.iterations() - chain.burn();
                            return all ? chain.burn() + left : -1;
                        }
                        left -= chain.keptCount();
                    }
                    return -1;
                }
            };
        }
    }

    /** The rows of a draws file, each thread with its own mapping. */
    private record FileDraws(Path file, long count, boolean float32) implements DrawSource {
        @Override
        public Cursor open() {
            DrawsFile.Reader reader;
            try {
                reader = DrawsFile.open(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Cursor() {
                @Override
                public void read(int k, double[] into) {
                    reader.row(k, into);
                }

                @Override
                public java.nio.ByteBuffer floats(int k) {
                    return float32 ? reader.values(k) : null;
                }

                @Override
                public int chain(int k) {
                    return reader.chain(k);
                }

                @Override
                public int iteration(int k) {
                    return reader.iteration(k);
                }

                @Override
                public void close() {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }
}
