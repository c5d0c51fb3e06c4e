package dev.hamiltorch.engine.nd4j;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.nn.ForwardPlan;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A network's forward pass for inference on ND4J's float32 CPU kernels (native conv2d and pooling, BLAS
 * products): no tensor graph, no gradient bookkeeping, the weights read as views of θ where θ lies (a draws
 * file's memory-mapped row, or one array). As PyTorch runs such a network, and so hamiltorch's
 * {@code predict_model}: in float32, so outputs agree with the engine's double-precision forward pass to
 * float rounding. Inputs go through in chunks of at most {@link #rowsPerChunk()} rows (the intermediate
 * arrays grow with the rows: the MNIST CNN's second convolution unfolds 32,000 values per digit). One
 * instance serves any number of threads.
 */
public final class FloatInference {

    /**
     * The intermediate arrays live in a per-thread ND4J workspace sized by the first chunk and reused: without
     * it each chunk's tens of megabytes are freed only by the garbage collector, and JavaCPP stalls the
     * allocating thread in System.gc() when off-heap memory nears its limit.
     */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP).build();
    private static final String WORKSPACE_ID = "hamiltorch-float-inference";

    static {
        Nd4jNatives.select(); // before ND4J loads through this class
    }

    private final ForwardPlan plan;
    private final int rowsPerChunk;

    private FloatInference(ForwardPlan plan, int rowsPerChunk) {
        this.plan = plan;
        this.rowsPerChunk = rowsPerChunk;
    }

    /**
     * The forward pass of {@code plan}, {@code rowsPerChunk} inputs at a time.
     *
     * @throws IllegalArgumentException if rowsPerChunk &lt; 1
     */
    public static FloatInference of(ForwardPlan plan, int rowsPerChunk) {
        Objects.requireNonNull(plan, "plan");
        if (rowsPerChunk < 1) {
            throw new IllegalArgumentException("rowsPerChunk = " + rowsPerChunk + ": must be at least 1");
        }
        return new FloatInference(plan, rowsPerChunk);
    }

    /** The plan run. */
    public ForwardPlan plan() {
        return plan;
    }

    /** The most inputs per forward pass. */
    public int rowsPerChunk() {
        return rowsPerChunk;
    }

    /**
     * Makes ND4J's kernels run on one thread each until the returned handle is closed, for a caller that runs
     * one forward pass per core at once: measured on this project's 2-core machine, the MNIST CNN's forward
     * pass over 1000 digits took 0.10–0.11 CPU-seconds on one thread and 0.44–0.48 on ND4J's two OpenMP
     * threads (docs/networks.md, "Prediction"). The settings are process-wide (a sampler running meanwhile on
     * another thread gets one-thread kernels too); OpenMP's is per thread, so each worker thread calls
     * {@link #oneOpenMpThread()} as well. Closing restores the previous settings.
     */
    public static AutoCloseable oneThreadPerKernel() {
        var env = Nd4j.getEnvironment();
        var blas = Nd4j.factory().blas();
        int maxThreads = env.maxThreads();
        int masterThreads = env.maxMasterThreads();
        int blasThreads = blas.getMaxThreads();
        int openMp = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        env.setMaxThreads(1);
        env.setMaxMasterThreads(1);
        blas.setMaxThreads(1);
        oneOpenMpThread();
        return () -> {
            env.setMaxThreads(maxThreads);
            env.setMaxMasterThreads(masterThreads);
            blas.setMaxThreads(blasThreads);
            org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(openMp);
        };
    }

    /** Makes OpenMP run this thread's parallel regions on this thread alone. */
    public static void oneOpenMpThread() {
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }

    /** The inputs {@code x} as a float32 ND4J array of the same shape (one copy, made once per prediction). */
    public static INDArray inputs(Tensor x) {
        double[] values = x.toArray();
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        long[] shape = Arrays.stream(x.shape()).asLongStream().toArray();
        return Nd4j.createFromArray(f).reshape('c', shape);
    }

    /**
     * θ over the float32 values of {@code values} from its position on (little-endian, at least the plan's
     * parameter count of them), without copying when the buffer is direct (a memory-mapped draws file's row):
     * ND4J then reads the file's pages. The buffer must stay reachable, and unchanged, while the result is used.
     */
    public static DataBuffer parameters(ByteBuffer values, int count) {
        if (values.isDirect() && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            FloatPointer p = new FloatPointer(values.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
            p.limit(count);
            return Nd4j.createBuffer(p, DataType.FLOAT, count, FloatIndexer.create(p));
        }
        float[] f = new float[count];
        values.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return Nd4j.createBuffer(f);
    }

    /** θ as float32 values rounded from {@code theta} (a copy). */
    public static DataBuffer parameters(double[] theta) {
        float[] f = new float[theta.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) theta[i];
        }
        return Nd4j.createBuffer(f);
    }

    /**
     * The outputs for the inputs {@code x} (N × …, float32) under θ, row-major N × O, written into
     * {@code out} from {@code at}.
     *
     * @throws IllegalArgumentException if θ is shorter than the plan's parameter count or out too short
     */
    public void forward(DataBuffer theta, INDArray x, float[] out, int at) {
        if (theta.length() < plan.parameterCount()) {
            throw new IllegalArgumentException("theta has " + theta.length() + " values, the network "
                    + plan.parameterCount());
        }
        long rows = x.size(0);
        for (long from = 0; from < rows; from += rowsPerChunk) {
            long to = Math.min(rows, from + rowsPerChunk);
            INDArray chunk = from == 0 && to == rows ? x : x.get(NDArrayIndex.interval(from, to));
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
                INDArray y = run(theta, chunk);
                INDArray c = y.isView() || y.ordering() != 'c' ? y.dup('c') : y;
                int length = (int) y.length();
                if (at + length > out.length) {
                    throw new IllegalArgumentException("out has length " + out.length + ", too short for " + length
                            + " outputs from " + at);
                }
                c.data().asNioFloat().get(out, at, length);
                at += length;
            }
        }
    }

    private INDArray run(DataBuffer theta, INDArray x) {
        INDArray a = x;
        for (ForwardPlan.Step step : plan.steps()) {
            a = apply(step, theta, a);
        }
        return a;
    }

    private static INDArray apply(ForwardPlan.Step step, DataBuffer theta, INDArray a) {
        if (step instanceof ForwardPlan.Convolution c) {
            SlidingWindow w = c.window();
            INDArray weight = view(theta, c.weight(), c.outChannels(), c.inChannels(), w.kernelHeight(),
                    w.kernelWidth());
            Conv2DConfig config = Conv2DConfig.builder().kH(w.kernelHeight()).kW(w.kernelWidth())
                    .sH(w.strideHeight()).sW(w.strideWidth()).pH(w.paddingHeight()).pW(w.paddingWidth())
                    .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.OIYX)
                    .build();
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, a.size(0), c.outChannels(),
                    w.outputHeight((int) a.size(2)), w.outputWidth((int) a.size(3)));
            INDArray[] in = c.bias() < 0 ? new INDArray[] {a, weight}
                    : new INDArray[] {a, weight, view(theta, c.bias(), c.outChannels())};
            Nd4j.exec(new Conv2D(in, new INDArray[] {out}, config));
            return out;
        }
        if (step instanceof ForwardPlan.Pooling2d p) {
            SlidingWindow w = p.window();
            Pooling2DConfig config = Pooling2DConfig.builder().kH(w.kernelHeight()).kW(w.kernelWidth())
                    .sH(w.strideHeight()).sW(w.strideWidth()).pH(0).pW(0).dH(1).dW(1)
                    .paddingMode(PaddingMode.VALID).isNHWC(false)
                    .type(p.max() ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG)
                    .divisor(Pooling2D.Divisor.INCLUDE_PADDING).build();
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, a.size(0), a.size(1),
                    w.outputHeight((int) a.size(2)), w.outputWidth((int) a.size(3)));
            Nd4j.exec(p.max() ? new MaxPooling2D(a, out, config) : new AvgPooling2D(a, out, config));
            return out;
        }
        if (step instanceof ForwardPlan.Activation act) {
            return switch (act.kind()) {
                case RELU -> Transforms.relu(a, false);
                case TANH -> Transforms.tanh(a, false);
                case SIGMOID -> Transforms.sigmoid(a, false);
            };
        }
        if (step instanceof ForwardPlan.FlattenRows) {
            return a.reshape('c', a.size(0), a.length() / a.size(0));
        }
        if (step instanceof ForwardPlan.Affine l) {
            INDArray rows = a.rank() == 2 ? a : a.reshape('c', a.length() / l.inFeatures(), l.inFeatures());
            INDArray weight = view(theta, l.weight(), l.outFeatures(), l.inFeatures());
            INDArray y = rows.mmul(weight.transpose());
            if (l.bias() >= 0) {
                y.addiRowVector(view(theta, l.bias(), l.outFeatures()));
            }
            if (a.rank() == 2) {
                return y;
            }
            long[] shape = a.shape().clone();
            shape[shape.length - 1] = l.outFeatures();
            return y.reshape('c', shape);
        }
        // the last remaining step: log softmax along the last axis
        long k = a.size(a.rank() - 1);
        INDArray rows = a.reshape('c', a.length() / k, k);
        INDArray out = Nd4j.exec(new LogSoftMax(rows, 1))[0];
        return out.reshape('c', a.shape());
    }

    /** The block of θ from {@code offset} as a row-major array of {@code shape}, without a copy. */
    private static INDArray view(DataBuffer theta, long offset, long... shape) {
        return Nd4j.create(theta, shape, Nd4j.getStrides(shape, 'c'), offset, 'c', DataType.FLOAT);
    }
}
