package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.tensor.SlidingWindow;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The engine's {@link Tensor}: a node of the differentiation graph over a storage. The storage is a
 * JVM {@code double[]} (row-major) for the small tensors of log densities, where a native call would
 * cost more than the arithmetic, or an ND4J array ({@link Nd4jStorage}) for large ones, whose
 * operations run on ND4J's CPU kernels; an operation's result gets the storage its kernel chose (see
 * {@link StoragePolicy} and docs/engine.md). The node, its parents and its backward rule are the same
 * whichever the storage.
 *
 * <p>A tensor produced by an operation on inputs that require gradients remembers those inputs and
 * the operation's {@link Backward} rule; {@link Autodiff} walks these links. The data array is never
 * modified after construction. A backward pass keeps scratch fields on the nodes it visits, which are
 * only those that depend on its inputs, so one graph must not be differentiated with respect to the same
 * variables from two threads at once (as in PyTorch); separate graphs may, even when they read one shared
 * tensor, e.g. one a log density captured from outside.
 */
public final class JvmTensor implements Tensor {

    static final int[] SCALAR = new int[0];

    /**
     * The JVM storage: the values, row-major. Null while they live in {@link #nd4j} only; read through
     * {@link #data()}, which then copies them here once.
     */
    double[] data;
    /** The ND4J storage, or null for a tensor on JVM arrays. */
    Nd4jStorage nd4j;
    /**
     * A large constant's copy on ND4J, kept for the ND4J kernels that read it again. It never decides where
     * an operation runs ({@link #nd4j} does), so whether another thread made it first changes no result.
     */
    volatile Nd4jStorage nd4jCopy;
    /** A constant matrix's columns, kept for its products with vectors once it is reused (see LinearAlgebra). */
    volatile double[][] columns;
    final int[] shape;
    final JvmTensor[] parents;
    final Backward backward;
    final boolean requiresGrad;
    /** A number the backward rule needs besides the parents (e.g. the factor of a scalar product). */
    final double param;
    /**
     * The variables (leaves that require gradients) this tensor depends on, null for a constant. A
     * backward pass visits only nodes that depend on its inputs, so it never writes its scratch fields
     * onto a tensor that other threads may differentiate (one a density captured from outside); and a
     * recording learns from it whether a value read into Java depends on the recorded variable.
     */
    final JvmTensor[] sources;
    /** While this variable's evaluation is recorded, the watch that must hear of values leaving the graph. */
    volatile TraceWatch watch;
    /**
     * The tape this tensor is a node of, if it was made by a recorded evaluation: once the tape replays,
     * the tensor holds another θ's values, and reading it fails (see {@link #checkCurrent()}).
     */
    Tape tape;

    /** The token of the backward pass that last reached this node ({@link Autodiff}'s scratch, no map). */
    Object visitMark;
    /** This node's position in that pass's topological order, where its gradient is kept. */
    int slot;

    /** An operation's result that requires gradients, depending on the variables {@code sources}. */
    private JvmTensor(double[] data, int[] shape, JvmTensor[] parents, Backward backward, double param,
                      JvmTensor[] sources) {
        this.data = data;
        this.shape = shape;
        this.parents = parents;
        this.backward = backward;
        this.requiresGrad = true;
        this.param = param;
        this.sources = sources;
    }

    /** A leaf: a variable (its own source) or a constant. */
    private JvmTensor(double[] data, int[] shape, boolean requiresGrad) {
        this.data = data;
        this.shape = shape;
        this.parents = null;
        this.backward = null;
        this.requiresGrad = requiresGrad;
        this.param = 0.0;
        this.sources = requiresGrad ? new JvmTensor[] {this} : null;
    }

    // ---- construction ----------------------------------------------------------------------------

    /** A constant over {@code data} (not copied: the caller gives up the array). */
    static JvmTensor wrap(double[] data, int[] shape) {
        return new JvmTensor(data, shape, false);
    }

    static JvmTensor scalarConstant(double v) {
        return new JvmTensor(new double[] {v}, SCALAR, false);
    }

    /** A leaf whose gradient is tracked: the variable a derivative is taken with respect to. */
    public static JvmTensor variable(double[] values, int... shape) {
        checkShape(values.length, shape);
        return new JvmTensor(values.clone(), shape.clone(), true);
    }

    /** A vector leaf whose gradient is tracked. */
    public static JvmTensor variable(double[] values) {
        return new JvmTensor(values.clone(), new int[] {values.length}, true);
    }

    /** A constant tensor (copied). */
    public static JvmTensor constant(double[] values, int... shape) {
        checkShape(values.length, shape);
        return new JvmTensor(values.clone(), shape.clone(), false);
    }

    /** A leaf whose gradient is tracked over a copy of {@code values}, sharing the (checked) {@code shape}. */
    static JvmTensor variableOfShape(double[] values, int[] shape) {
        return new JvmTensor(values.clone(), shape, true);
    }

    /**
     * The result of an operation: it records {@code parents} and {@code backward} only if some parent
     * requires gradients and recording is on.
     */
    static JvmTensor op(double[] data, int[] shape, Backward backward, JvmTensor... parents) {
        for (JvmTensor p : parents) {
            if (p.tape != null) {
                p.checkCurrent();
            }
        }
        for (JvmTensor p : parents) {
            if (p.requiresGrad) {
                if (GradMode.openPauses == 0 || GradMode.recording()) {
                    JvmTensor[] sources = null;
                    for (JvmTensor q : parents) {
                        sources = union(sources, q.sources);
                    }
                    return new JvmTensor(data, shape, parents, backward, 0.0, sources);
                }
                if (TraceWatch.open != 0) {
                    TraceWatch.leftGraph(p, "an operation ran while recording was paused");
                }
                return new JvmTensor(data, shape, false);
            }
        }
        return new JvmTensor(data, shape, false);
    }

    /** {@link #op} of one parent, with a stateless rule and its parameter: no varargs, no capture. */
    static JvmTensor op1(double[] data, int[] shape, Backward rule, double param, JvmTensor a) {
        if (a.tape != null) {
            a.checkCurrent();
        }
        // openPauses == 0 is recording()'s fast path, read here without the call
        if (a.requiresGrad && (GradMode.openPauses == 0 || GradMode.recording())) {
            return new JvmTensor(data, shape, new JvmTensor[] {a}, rule, param, a.sources);
        }
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(a, "an operation ran while recording was paused");
        }
        return new JvmTensor(data, shape, false);
    }

    /** {@link #op} of two parents with a stateless rule. */
    static JvmTensor op2(double[] data, int[] shape, Backward rule, JvmTensor a, JvmTensor b) {
        if (a.tape != null || b.tape != null) {
            a.checkCurrent();
            b.checkCurrent();
        }
        if ((a.requiresGrad || b.requiresGrad) && (GradMode.openPauses == 0 || GradMode.recording())) {
            return new JvmTensor(data, shape, new JvmTensor[] {a, b}, rule, 0.0, union(a.sources, b.sources));
        }
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(a, "an operation ran while recording was paused");
            TraceWatch.leftGraph(b, "an operation ran while recording was paused");
        }
        return new JvmTensor(data, shape, false);
    }

    /** The variables of both (either may be null); one of the arrays itself when it holds the other's. */
    static JvmTensor[] union(JvmTensor[] a, JvmTensor[] b) {
        if (a == b || b == null) {
            return a;
        }
        if (a == null || containsAll(b, a)) {
            return b;
        }
        if (containsAll(a, b)) {
            return a;
        }
        JvmTensor[] u = Arrays.copyOf(a, a.length + b.length);
        int n = a.length;
        for (JvmTensor v : b) {
            if (!contains(a, v)) {
                u[n++] = v;
            }
        }
        return Arrays.copyOf(u, n);
    }

    private static boolean containsAll(JvmTensor[] set, JvmTensor[] of) {
        for (JvmTensor v : of) {
            if (!contains(set, v)) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(JvmTensor[] set, JvmTensor v) {
        for (JvmTensor s : set) {
            if (s == v) {
                return true;
            }
        }
        return false;
    }

    /** Whether this tensor depends on the variable {@code x}. */
    boolean dependsOn(JvmTensor x) {
        return sources != null && contains(sources, x);
    }

    /**
     * The engine's view of a tensor: itself, or a constant over the values of another engine's tensor
     * (its storage is then this engine's).
     *
     * @throws IllegalArgumentException for another engine's tensor that requires gradients: they cannot
     *         flow from this engine's graph into that one's
     */
    static JvmTensor of(Tensor t) {
        if (t instanceof JvmTensor j) {
            return j;
        }
        if (t == null) {
            throw new NullPointerException("tensor");
        }
        if (t.requiresGrad()) {
            throw new IllegalArgumentException("tensor of class " + t.getClass().getName()
                    + " requires gradients but does not belong to this engine: derivatives cannot flow between"
                    + " engines; make it with Autograd.variable or the Tensor factories");
        }
        return constant(t.toArray(), t.shape());
    }

    private static void checkShape(int length, int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape = " + Arrays.toString(shape) + ": negative length");
            }
        }
        if (Broadcasting.size(shape) != length) {
            throw new IllegalArgumentException("shape = " + Arrays.toString(shape) + " needs "
                    + Broadcasting.size(shape) + " values, got " + length);
        }
    }

    /**
     * Fails if this tensor was made by a recorded evaluation whose tape has replayed since: its data then
     * holds the values of a later θ, and a tensor must never change under its holder's eyes.
     *
     * @throws IllegalStateException if so
     */
    void checkCurrent() {
        Tape t = tape;
        if (t != null && t.stale()) {
            throw new IllegalStateException("this tensor was made while a log density was recorded, and the recorded"
                    + " graph has been replayed at another θ since, so its values are gone; a density must not keep"
                    + " its tensors for use after it returns (or turn replay off: replay(false))");
        }
    }

    /**
     * The values as a JVM array, for kernels on JVM arrays (never modify it); copied once from the
     * ND4J storage when the values live there.
     */
    double[] data() {
        double[] d = data;
        return d != null ? d : hostCopy();
    }

    private double[] hostCopy() {
        double[] d = nd4j.toDoubleArray();
        data = d; // a racing reader copies the same values
        return d;
    }

    /** The result of an ND4J kernel: {@link #op} of the parents, holding {@code storage} instead of an array. */
    static JvmTensor onNd4j(Nd4jStorage storage, int[] shape, Backward rule, double param, JvmTensor... parents) {
        JvmTensor t = parents.length == 1 ? op1(null, shape, rule, param, parents[0]) : op(null, shape, rule, parents);
        t.nd4j = storage;
        return t;
    }

    boolean isScalarShaped() {
        return size() == 1;
    }

    // ---- shape and values --------------------------------------------------------------------------

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int rank() {
        return shape.length;
    }

    @Override
    public int size() {
        double[] d = data;
        return d != null ? d.length : nd4j.length();
    }

    @Override
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs one element, shape is " + Arrays.toString(shape));
        }
        checkCurrent();
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(this, "item() read a value");
        }
        return data()[0];
    }

    @Override
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index = " + Arrays.toString(index) + " for shape "
                    + Arrays.toString(shape));
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index = " + Arrays.toString(index) + " for shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[i] + index[i];
        }
        checkCurrent();
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(this, "get() read a value");
        }
        return data()[flat];
    }

    @Override
    public double[] toArray() {
        checkCurrent();
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(this, "toArray() read the values");
        }
        return data().clone();
    }

    @Override
    public boolean requiresGrad() {
        return requiresGrad;
    }

    @Override
    public JvmTensor detach() {
        checkCurrent();
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(this, "detach() made a constant");
        }
        if (!requiresGrad) {
            return this;
        }
        if (data == null) {
            JvmTensor t = new JvmTensor(null, shape, false);
            t.nd4j = nd4j;
            return t;
        }
        return wrap(data, shape);
    }

    @Override
    public String toString() {
        if (tape != null && tape.stale()) {
            return "tensor(shape=" + Arrays.toString(shape) + ", stale: its recorded graph was replayed since)";
        }
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(this, "toString() read the values");
        }
        double[] data = data();
        StringBuilder sb = new StringBuilder("tensor(");
        if (shape.length == 0) {
            sb.append(data[0]);
        } else if (shape.length == 1) {
            sb.append(Arrays.toString(data));
        } else {
            sb.append("shape=").append(Arrays.toString(shape)).append(", ");
            sb.append(Arrays.toString(Arrays.copyOf(data, Math.min(data.length, 12))));
            if (data.length > 12) {
                sb.setLength(sb.length() - 1);
                sb.append(", ...]");
            }
        }
        if (requiresGrad) {
            sb.append(", requiresGrad");
        }
        return sb.append(')').toString();
    }

    // ---- elementwise arithmetic ----------------------------------------------------------------------

    @Override
    public JvmTensor add(Tensor other) {
        return Elementwise.add(this, other instanceof JvmTensor t ? t : of(other));
    }

    @Override
    public JvmTensor add(double c) {
        return Elementwise.addScalar(this, c);
    }

    @Override
    public JvmTensor sub(Tensor other) {
        return Elementwise.sub(this, other instanceof JvmTensor t ? t : of(other));
    }

    @Override
    public JvmTensor sub(double c) {
        return Elementwise.addScalar(this, -c);
    }

    @Override
    public JvmTensor mul(Tensor other) {
        return Elementwise.mul(this, other instanceof JvmTensor t ? t : of(other));
    }

    @Override
    public JvmTensor mul(double c) {
        return Elementwise.mulScalar(this, c);
    }

    @Override
    public JvmTensor div(Tensor other) {
        return Elementwise.div(this, other instanceof JvmTensor t ? t : of(other));
    }

    @Override
    public JvmTensor div(double c) {
        return Elementwise.divScalar(this, c);
    }

    @Override
    public JvmTensor pow(Tensor exponent) {
        return Elementwise.pow(this, of(exponent));
    }

    @Override
    public JvmTensor pow(double exponent) {
        return Elementwise.powScalar(this, exponent);
    }

    @Override
    public JvmTensor neg() {
        return Elementwise.mulScalar(this, -1.0);
    }

    @Override
    public JvmTensor exp() {
        return Elementwise.exp(this);
    }

    @Override
    public JvmTensor log() {
        return Elementwise.log(this);
    }

    @Override
    public JvmTensor log1p() {
        return Elementwise.log1p(this);
    }

    @Override
    public JvmTensor expm1() {
        return Elementwise.expm1(this);
    }

    @Override
    public JvmTensor sqrt() {
        return Elementwise.sqrt(this);
    }

    @Override
    public JvmTensor abs() {
        return Elementwise.abs(this);
    }

    @Override
    public JvmTensor square() {
        return Elementwise.square(this);
    }

    @Override
    public JvmTensor sin() {
        return Elementwise.sin(this);
    }

    @Override
    public JvmTensor cos() {
        return Elementwise.cos(this);
    }

    @Override
    public JvmTensor tanh() {
        return Elementwise.tanh(this);
    }

    @Override
    public JvmTensor sigmoid() {
        return Elementwise.sigmoid(this);
    }

    @Override
    public JvmTensor softplus() {
        return Elementwise.softplus(this);
    }

    @Override
    public JvmTensor relu() {
        return Elementwise.relu(this);
    }

    @Override
    public JvmTensor lgamma() {
        return Elementwise.lgamma(this);
    }

    @Override
    public JvmTensor digamma() {
        return Elementwise.polygamma(0, this);
    }

    @Override
    public JvmTensor clamp(double lo, double hi) {
        return Elementwise.clamp(this, lo, hi);
    }

    @Override
    public JvmTensor gt(Tensor other) {
        return Elementwise.compare(this, of(other), true);
    }

    @Override
    public JvmTensor lt(Tensor other) {
        return Elementwise.compare(this, of(other), false);
    }

    // ---- reductions ----------------------------------------------------------------------------------

    @Override
    public JvmTensor sum() {
        return Reductions.sum(this);
    }

    @Override
    public JvmTensor sum(int axis) {
        return Reductions.sum(this, axis);
    }

    @Override
    public JvmTensor mean() {
        return Reductions.sum(this).mul(1.0 / size());
    }

    @Override
    public JvmTensor mean(int axis) {
        int a = Broadcasting.normaliseAxis(axis, shape.length);
        return Reductions.sum(this, a).mul(1.0 / shape[a]);
    }

    @Override
    public JvmTensor max() {
        return Reductions.max(this);
    }

    @Override
    public JvmTensor max(int axis) {
        return Reductions.max(this, axis);
    }

    @Override
    public JvmTensor logSumExp() {
        return Reductions.logSumExp(this);
    }

    @Override
    public JvmTensor logSumExp(int axis) {
        return Reductions.logSumExp(this, axis);
    }

    // ---- linear algebra ------------------------------------------------------------------------------

    @Override
    public JvmTensor dot(Tensor other) {
        return LinearAlgebra.dot(this, of(other));
    }

    @Override
    public JvmTensor matvec(Tensor vector) {
        return LinearAlgebra.matvec(this, of(vector));
    }

    @Override
    public JvmTensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, of(other));
    }

    @Override
    public JvmTensor transpose() {
        return LinearAlgebra.transpose(this);
    }

    @Override
    public JvmTensor cholesky() {
        return LinearAlgebra.cholesky(this);
    }

    @Override
    public JvmTensor solve(Tensor b) {
        return LinearAlgebra.solve(this, of(b));
    }

    @Override
    public JvmTensor logdet() {
        return LinearAlgebra.logdet(this);
    }

    // ---- shape operations ----------------------------------------------------------------------------

    @Override
    public JvmTensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    @Override
    public JvmTensor slice(int axis, int from, int to) {
        return ShapeOps.slice(this, axis, from, to);
    }

    @Override
    public JvmTensor index(int i) {
        return ShapeOps.index(this, i);
    }

    @Override
    public JvmTensor permute(int... axes) {
        return Permute.permute(this, axes);
    }

    // ---- sliding windows -----------------------------------------------------------------------------

    @Override
    public JvmTensor unfold(SlidingWindow window) {
        return Unfold.unfold(this, java.util.Objects.requireNonNull(window, "window"), 0.0);
    }

    @Override
    public JvmTensor unfold(SlidingWindow window, double padValue) {
        return Unfold.unfold(this, java.util.Objects.requireNonNull(window, "window"), padValue);
    }

    @Override
    public JvmTensor fold(SlidingWindow window, int height, int width) {
        return Fold.fold(this, java.util.Objects.requireNonNull(window, "window"), height, width);
    }

    @Override
    public JvmTensor conv2d(Tensor weight, SlidingWindow window) {
        return Convolution2d.convolve(this, of(weight), java.util.Objects.requireNonNull(window, "window"));
    }

    @Override
    public JvmTensor maxPool2d(SlidingWindow window) {
        return MaxPooling.maxPool(this, java.util.Objects.requireNonNull(window, "window"));
    }

    /** This tensor stretched to {@code target} by broadcasting. */
    JvmTensor broadcastTo(int[] target) {
        return ShapeOps.broadcastTo(this, target);
    }

    /** The sum of this tensor over the axes along which {@code target} was broadcast to its shape. */
    JvmTensor sumTo(int[] target) {
        return ShapeOps.sumTo(this, target);
    }
}
