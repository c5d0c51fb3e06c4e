package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.Pad;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A tensor's values held by ND4J (an {@link INDArray}, row-major, float64 or float32), and the ND4J
 * CPU kernels of the operations that have one. An operation without an ND4J kernel reads the values
 * through {@link JvmTensor#data()} and runs its JVM kernel, so every operation works on this storage.
 *
 * <p>Only this class touches ND4J, so a run whose tensors all stay small never loads ND4J's natives.
 * Every array is made with an explicit data type: ND4J's global default types are left alone.
 */
final class Nd4jStorage {

    static {
        // before ND4J's first use in this class: the natives' build is chosen when they load
        dev.hamiltorch.engine.nd4j.Nd4jNatives.select();
    }

    private final INDArray array;

    private Nd4jStorage(INDArray array) {
        this.array = array;
    }

    /** The number of values. */
    int length() {
        return (int) array.length();
    }

    /**
     * Whether a value of {@code x} is NaN: a finite sum rules it out in one fast reduction; otherwise
     * (a NaN, an infinity or an overflow) the values are searched.
     */
    static boolean hasNaN(INDArray x) {
        return !Double.isFinite(x.sumNumber().doubleValue()) && BooleanIndexing.or(x, Conditions.isNan());
    }

    /** The values as a new JVM array, row-major. */
    double[] toDoubleArray() {
        INDArray c = array.isView() || array.ordering() != 'c' ? array.dup('c') : array;
        int n = length();
        double[] values = new double[n];
        long offset = c.offset();
        if (c.dataType() == DataType.FLOAT) {
            // widened from ND4J's own memory (asFloat and asDouble copy value by value through the buffer)
            java.nio.FloatBuffer f = c.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                values[i] = f.get((int) offset + i);
            }
            return values;
        }
        c.data().asNioDouble().get((int) offset, values);
        return values;
    }

    /** A constant over a copy of {@code values}, held by ND4J with the policy's data type. */
    static JvmTensor constant(double[] values, int[] shape) {
        JvmTensor t = JvmTensor.wrap(null, shape.clone());
        t.nd4j = new Nd4jStorage(shape.length == 0 ? Nd4j.scalar(dataType(), values[0])
                : create(values, shape, dataType()));
        return t;
    }

    /** The ND4J array of the policy's data type. */
    static DataType dataType() {
        return StoragePolicy.float32() ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** The values of {@code t} as an ND4J array of the policy's type (a large constant's is kept for its next use). */
    static INDArray array(JvmTensor t) {
        DataType type = dataType();
        Nd4jStorage s = t.nd4j != null ? t.nd4j : t.nd4jCopy;
        if (s != null) {
            return s.array.dataType() == type ? s.array : s.array.castTo(type);
        }
        INDArray a = t.shape.length == 0 ? Nd4j.scalar(type, t.data()[0]) : create(t.data(), t.shape, type);
        // a large constant keeps its copy (its values never change) for the next ND4J kernel that reads it
        if (!t.requiresGrad && t.tape == null && t.size() >= StoragePolicy.elements()) {
            t.nd4jCopy = new Nd4jStorage(a);
        }
        return a;
    }

    /** A row-major array of {@code shape} over a copy of {@code values}, in bulk (narrowed in Java for float32). */
    private static INDArray create(double[] values, int[] shape, DataType type) {
        // written into ND4J's memory in bulk (createFromArray copies value by value)
        INDArray a = Nd4j.createUninitialized(type, longs(shape), 'c');
        if (type == DataType.FLOAT) {
            java.nio.FloatBuffer f = a.data().asNioFloat();
            for (int i = 0; i < values.length; i++) {
                f.put(i, (float) values[i]);
            }
        } else {
            a.data().asNioDouble().put(values, 0, values.length);
        }
        return a;
    }

    private static long[] longs(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }

    /**
     * The node of an ND4J kernel's result {@code r} (of {@code shape}): on ND4J when it holds at least
     * {@link StoragePolicy#elements()} values, else copied back to a JVM array.
     */
    static JvmTensor result(INDArray r, int[] shape, Backward rule, double param, JvmTensor... parents) {
        if (r.length() < StoragePolicy.elements()) {
            double[] values = new Nd4jStorage(r).toDoubleArray();
            return parents.length == 1 ? JvmTensor.op1(values, shape, rule, param, parents[0])
                    : JvmTensor.op(values, shape, rule, parents);
        }
        return JvmTensor.onNd4j(new Nd4jStorage(r), shape, rule, param, parents);
    }

    /** {@code a} stretched to {@code shape} by broadcasting (itself when the shapes agree). */
    private static INDArray broadcast(INDArray a, int[] shape) {
        long[] target = longs(shape);
        if (Arrays.equals(a.shape(), target)) {
            return a;
        }
        long[] padded = new long[target.length];
        Arrays.fill(padded, 1L);
        long[] own = a.shape();
        System.arraycopy(own, 0, padded, target.length - own.length, own.length);
        return a.reshape('c', padded).broadcast(target);
    }

    // ---- kernels --------------------------------------------------------------------------------------------

    /**
     * a ∘ b with broadcasting to {@code shape} (ND4J's binary operations broadcast as NumPy does);
     * op is one of Elementwise's PLUS, MINUS, TIMES, OVER.
     */
    static INDArray combine(JvmTensor a, JvmTensor b, int[] shape, int op) {
        INDArray x = array(a);
        INDArray y = array(b);
        return switch (op) {
            case 0 -> x.add(y);
            case 1 -> x.sub(y);
            case 2 -> x.mul(y);
            default -> x.div(y);
        };
    }

    static INDArray addScalar(JvmTensor a, double c) {
        return array(a).add(c);
    }

    static INDArray mulScalar(JvmTensor a, double c) {
        return array(a).mul(c);
    }

    static INDArray divScalar(JvmTensor a, double c) {
        return array(a).div(c);
    }

    /** The unary operation of {@code rule} by ND4J's kernel, or null where it has none this engine trusts. */
    static INDArray unary(Elementwise.Rule rule, JvmTensor a) {
        INDArray x = array(a);
        return switch (rule) {
            case SQUARE -> x.mul(x);
            case EXP -> Transforms.exp(x, true);
            case LOG -> Transforms.log(x, true);
            case SQRT -> Transforms.sqrt(x, true);
            case TANH -> Transforms.tanh(x, true);
            case SIGMOID -> Transforms.sigmoid(x, true);
            case ABS -> Transforms.abs(x, true);
            // ND4J's relu maps NaN to 0: the JVM kernel then, which keeps it NaN
            case RELU -> hasNaN(x) ? null : Transforms.relu(x, true);
            default -> null; // softplus, lgamma, ...: the JVM kernel
        };
    }

    /** 1 where a &gt; 0, else 0 (relu's derivative) as an ND4J constant; null when a value is NaN (JVM kernel). */
    static JvmTensor step(JvmTensor a) {
        INDArray x = array(a);
        if (hasNaN(x)) {
            return null;
        }
        JvmTensor t = JvmTensor.wrap(null, a.shape);
        t.nd4j = new Nd4jStorage(x.gt(0.0).castTo(x.dataType()));
        return t;
    }

    /** The m×k by k×n product, row-major. */
    static INDArray matmul(JvmTensor a, JvmTensor b, int m, int n) {
        INDArray x = array(a);
        INDArray y = array(b);
        return x.mmul(y, Nd4j.createUninitialized(x.dataType(), new long[] {m, n}, 'c'));
    }

    /** The transpose as a view (no copy): ND4J's products and copies read it through its strides. */
    static INDArray transpose(JvmTensor a) {
        return array(a).transpose();
    }

    /** The sum of all values. */
    static double sum(JvmTensor a) {
        return array(a).sumNumber().doubleValue();
    }

    /** The sums along axis {@code ax}, which is removed. */
    static INDArray sum(JvmTensor a, int ax) {
        return array(a).sum(ax);
    }

    /**
     * The maxima along axis {@code ax}, which is removed; null when a value is NaN (the JVM kernel
     * propagates it, ND4J's maximum need not).
     */
    static INDArray max(JvmTensor a, int ax) {
        INDArray x = array(a);
        return hasNaN(x) ? null : x.max(ax);
    }

    /**
     * The windows of the N × C × H × W tensor {@code x} as columns, N × C·kh·kw × outH·outW (im2col),
     * {@code padValue} in the padding (ND4J pads with zeros only, so another value is padded first).
     */
    static INDArray unfold(JvmTensor x, int kh, int kw, int sh, int sw, int ph, int pw, double padValue) {
        INDArray img = array(x);
        int padH = ph;
        int padW = pw;
        if ((ph > 0 || pw > 0) && padValue != 0.0) {
            img = Nd4j.pad(img, new int[][] {{0, 0}, {0, 0}, {ph, ph}, {pw, pw}}, Pad.Mode.CONSTANT, padValue);
            padH = 0;
            padW = 0;
        }
        long outH = (img.size(2) + 2L * padH - kh) / sh + 1;
        long outW = (img.size(3) + 2L * padW - kw) / sw + 1;
        // the output given: ND4J would otherwise make it of its global default type
        INDArray cols = Nd4j.createUninitialized(img.dataType(), new long[] {img.size(0), img.size(1), kh, kw, outH, outW},
                'c');
        Convolution.im2col(img, kh, kw, sh, sw, padH, padW, false, cols);
        return cols.reshape('c', img.size(0), img.size(1) * kh * kw, outH * outW);
    }

    /** The adjoint of {@link #unfold} with zero padding (col2im): columns back onto an N × C × H × W tensor. */
    static INDArray fold(JvmTensor cols, int channels, int kh, int kw, int outH, int outW, int sh, int sw, int ph,
                         int pw, int height, int width) {
        INDArray c = array(cols);
        INDArray six = c.reshape('c', c.size(0), channels, kh, kw, outH, outW);
        INDArray image = Nd4j.create(c.dataType(), new long[] {c.size(0), channels, height, width}, 'c');
        return Convolution.col2im(six, image, sh, sw, ph, pw, height, width, 1, 1);
    }

    // libnd4j's convolution and pooling ops: integer arguments kH, kW, sH, sW, pH, pW, dH, dW, same-mode (0:
    // explicit padding), then for conv2d the data format (0: NCHW) and the weight format (1: O × C × kh × kw),
    // for pooling an unused extra argument and the data format (0: NCHW)

    private static int[] convArguments(SlidingWindow w) {
        return new int[] {w.kernelHeight(), w.kernelWidth(), w.strideHeight(), w.strideWidth(), w.paddingHeight(),
            w.paddingWidth(), 1, 1, 0, 0, 1};
    }

    private static int[] poolArguments(SlidingWindow w) {
        return new int[] {w.kernelHeight(), w.kernelWidth(), w.strideHeight(), w.strideWidth(), w.paddingHeight(),
            w.paddingWidth(), 1, 1, 0, 0, 0};
    }

    private static void exec(String op, int[] arguments, INDArray[] inputs, INDArray... outputs) {
        Nd4j.exec(DynamicCustomOp.builder(op).addInputs(inputs).addOutputs(outputs).addIntegerArguments(arguments)
                .build());
    }

    private static INDArray empty(DataType type, int[] shape) {
        return Nd4j.createUninitialized(type, longs(shape), 'c');
    }

    /** The convolution of x (N × C × H × W) with w (O × C × kh × kw): libnd4j's {@code conv2d}. */
    static INDArray conv2d(JvmTensor x, JvmTensor w, SlidingWindow window) {
        INDArray in = array(x);
        INDArray weight = array(w);
        INDArray out = empty(in.dataType(), new int[] {x.shape[0], w.shape[0], window.outputHeight(x.shape[2]),
            window.outputWidth(x.shape[3])});
        exec("conv2d", convArguments(window), new INDArray[] {in, weight}, out);
        return out;
    }

    /** Both gradients of ⟨h, conv2d(x, w)⟩, with respect to x and to w, in one call ({@code conv2d_bp}). */
    static INDArray[] conv2dBackward(JvmTensor x, JvmTensor w, JvmTensor h, Convolution2d.Shape s) {
        INDArray in = array(x);
        INDArray dx = empty(in.dataType(), s.geometry().inputShape());
        INDArray dw = empty(in.dataType(), s.weightShape());
        exec("conv2d_bp", convArguments(s.geometry().window()), new INDArray[] {in, array(w), array(h)}, dx, dw);
        return new INDArray[] {dx, dw};
    }

    /**
     * The gradient of ⟨g, conv2d(x, w)⟩ with respect to x ({@code conv2d_bp}, whose gradient with respect
     * to w is discarded; x's values do not enter it, so zeros stand in).
     */
    static INDArray conv2dInputGradient(JvmTensor g, JvmTensor w, Convolution2d.Shape s) {
        INDArray grad = array(g);
        INDArray dx = empty(grad.dataType(), s.geometry().inputShape());
        exec("conv2d_bp", convArguments(s.geometry().window()),
                new INDArray[] {Nd4j.zeros(grad.dataType(), longs(s.geometry().inputShape())), array(w), grad}, dx,
                empty(grad.dataType(), s.weightShape()));
        return dx;
    }

    /**
     * The gradient of ⟨g, conv2d(x, w)⟩ with respect to w ({@code conv2d_bp}, whose gradient with respect
     * to x is discarded; w's values do not enter it, so zeros stand in).
     */
    static INDArray conv2dWeightGradient(JvmTensor x, JvmTensor g, Convolution2d.Shape s) {
        INDArray in = array(x);
        SlidingWindow w = s.geometry().window();
        if (w.strideHeight() == 1 && w.strideWidth() == 1) {
            // with stride 1 the weight gradient is itself a convolution, of x's channels (as a batch) by g's
            // planes (as a kernel of outH × outW over N input channels): one forward kernel, without
            // conv2d_bp's input gradient (a third of the work for a first layer, whose data needs none)
            INDArray xT = in.permute(1, 0, 2, 3).dup('c');
            INDArray gT = array(g).permute(1, 0, 2, 3).dup('c');
            INDArray out = empty(in.dataType(), new int[] {s.geometry().channels(), s.outChannels(), w.kernelHeight(),
                w.kernelWidth()});
            exec("conv2d", new int[] {s.geometry().outHeight(), s.geometry().outWidth(), 1, 1, w.paddingHeight(),
                w.paddingWidth(), 1, 1, 0, 0, 1}, new INDArray[] {xT, gT}, out);
            return out.permute(1, 0, 2, 3).dup('c');
        }
        INDArray dw = empty(in.dataType(), s.weightShape());
        exec("conv2d_bp", convArguments(s.geometry().window()),
                new INDArray[] {in, Nd4j.zeros(in.dataType(), longs(s.weightShape())), array(g)},
                empty(in.dataType(), s.geometry().inputShape()), dw);
        return dw;
    }

    /**
     * The maxima of each channel's windows ({@code maxpool2d}; padding never wins); null when a value is
     * NaN (the JVM kernel propagates it).
     */
    static INDArray maxPool2d(JvmTensor x, SlidingWindow window) {
        INDArray in = array(x);
        if (hasNaN(in)) {
            return null;
        }
        INDArray out = empty(in.dataType(), new int[] {x.shape[0], x.shape[1], window.outputHeight(x.shape[2]),
            window.outputWidth(x.shape[3])});
        exec("maxpool2d", poolArguments(window), new INDArray[] {in}, out);
        return out;
    }

    /**
     * g routed to the largest element of each window of x ({@code maxpool2d_bp}); null when a value of x is
     * NaN (the JVM kernel then), which is not searched again if {@code checked} (x's maxPool2d found none).
     */
    static INDArray maxPool2dBackward(JvmTensor x, JvmTensor g, SlidingWindow window, boolean checked) {
        INDArray in = array(x);
        if (!checked && hasNaN(in)) {
            return null;
        }
        INDArray dx = Nd4j.create(in.dataType(), in.shape(), 'c');
        exec("maxpool2d_bp", poolArguments(window), new INDArray[] {in, array(g)}, dx);
        return dx;
    }

    /** The axes reordered, a new row-major array. */
    static INDArray permute(JvmTensor a, int[] axes) {
        return array(a).permute(axes).dup('c');
    }

    /** The same values viewed with {@code shape}. */
    static INDArray reshape(JvmTensor a, int[] shape) {
        return array(a).reshape('c', longs(shape));
    }

    /** {@code a} stretched to {@code shape} by broadcasting, a new array. */
    static INDArray broadcastTo(JvmTensor a, int[] shape) {
        return broadcast(array(a), shape).dup('c');
    }

    /** {@code a} summed down to {@code target}, a shape that broadcasts to {@code a}'s. */
    static INDArray sumTo(JvmTensor a, int[] target) {
        INDArray x = array(a);
        int[] shape = a.shape;
        int lead = shape.length - target.length;
        int[] axes = new int[shape.length];
        int count = 0;
        for (int i = 0; i < shape.length; i++) {
            if (i < lead || target[i - lead] == 1 && shape[i] != 1) {
                axes[count++] = i;
            }
        }
        INDArray s = x.sum(true, Arrays.copyOf(axes, count));
        return target.length == 0 ? Nd4j.scalar(x.dataType(), s.sumNumber().doubleValue())
                : s.reshape('c', longs(target));
    }
}
