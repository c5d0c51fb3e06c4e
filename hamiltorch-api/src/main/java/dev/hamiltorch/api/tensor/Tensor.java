package dev.hamiltorch.api.tensor;

/**
 * An n-dimensional array of doubles that records the operations applied to it, so that
 * derivatives of any order can be taken by reverse-mode automatic differentiation.
 *
 * <p>Tensors are immutable, with one exception that fails loudly instead of changing silently: a tensor
 * made while a sampler records a log density belongs to the recorded graph, which later evaluations
 * replay in place; once they have, reading it (its values, or an operation on it) throws
 * {@link IllegalStateException}. A log density must not keep its tensors after it returns. Binary
 * operations broadcast as NumPy and PyTorch do: shapes are
 * aligned at their trailing axes and an axis of length 1 stretches to the other's length.
 * A tensor of rank 0 is a scalar.
 *
 * <p>Instances come from an engine found on the class or module path (see {@link TensorFactory});
 * the static factories here delegate to it.
 */
public interface Tensor {

    // ---- factories ----------------------------------------------------------------------------

    /** A vector holding {@code values} (a copy). */
    static Tensor of(double... values) {
        return TensorFactory.provider().vector(values);
    }

    /** A matrix whose rows are {@code rows} (copied; all rows must have one length). */
    static Tensor of(double[][] rows) {
        return TensorFactory.provider().matrix(rows);
    }

    /** A tensor of the given shape over {@code data} in row-major order (a copy). */
    static Tensor of(double[] data, int... shape) {
        return TensorFactory.provider().array(data, shape);
    }

    /** A rank-0 tensor. */
    static Tensor scalar(double value) {
        return TensorFactory.provider().scalar(value);
    }

    /**
     * Zeros of the given shape.
     *
     * @throws IllegalArgumentException if a length in {@code shape} is negative (so for every factory taking a shape)
     */
    static Tensor zeros(int... shape) {
        return TensorFactory.provider().full(0.0, shape);
    }

    /** Ones of the given shape. */
    static Tensor ones(int... shape) {
        return TensorFactory.provider().full(1.0, shape);
    }

    /** A tensor of the given shape filled with {@code value}. */
    static Tensor full(double value, int... shape) {
        return TensorFactory.provider().full(value, shape);
    }

    /** Joins tensors along an existing axis. */
    static Tensor concat(int axis, Tensor... parts) {
        return TensorFactory.provider().concat(axis, parts);
    }

    /** Stacks tensors of one shape along a new axis. */
    static Tensor stack(int axis, Tensor... parts) {
        return TensorFactory.provider().stack(axis, parts);
    }

    /**
     * Elementwise choice: {@code a} where {@code condition} is non-zero, else {@code b}
     * (broadcast together). The condition is not differentiated.
     */
    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return TensorFactory.provider().where(condition, a, b);
    }

    // ---- shape and values ---------------------------------------------------------------------

    /** The shape (a copy); empty for a scalar. */
    int[] shape();

    /** Number of axes. */
    int rank();

    /** Number of elements. */
    int size();

    /** The value of a tensor with one element. */
    double item();

    /** The element at the given index (one coordinate per axis). */
    double get(int... index);

    /** The elements in row-major order (a copy). */
    double[] toArray();

    /** Whether derivatives with respect to this tensor are being recorded. */
    boolean requiresGrad();

    /** The same values, cut from the recorded graph. */
    Tensor detach();

    // ---- elementwise arithmetic (broadcasting) ------------------------------------------------

    Tensor add(Tensor other);

    Tensor add(double c);

    Tensor sub(Tensor other);

    Tensor sub(double c);

    Tensor mul(Tensor other);

    Tensor mul(double c);

    Tensor div(Tensor other);

    Tensor div(double c);

    /** Elementwise power with a tensor exponent (the base must be positive where the exponent varies). */
    Tensor pow(Tensor exponent);

    Tensor pow(double exponent);

    Tensor neg();

    Tensor exp();

    Tensor log();

    Tensor log1p();

    Tensor expm1();

    Tensor sqrt();

    Tensor abs();

    Tensor square();

    Tensor sin();

    Tensor cos();

    Tensor tanh();

    Tensor sigmoid();

    /** log(1 + e^x), computed without overflow. */
    Tensor softplus();

    /** max(x, 0) elementwise; NaN stays NaN (so a NaN cannot become a finite density), and so does its derivative. */
    Tensor relu();

    /** log Γ(x) for x &gt; 0 (+∞ at +∞, where its derivative ψ is +∞ too). */
    Tensor lgamma();

    /** ψ(x) = d/dx log Γ(x). */
    Tensor digamma();

    /** Elementwise clamp to [lo, hi]; the derivative is 0 where clamped. */
    Tensor clamp(double lo, double hi);

    /** 1 where this &gt; other, else 0; not differentiated. */
    Tensor gt(Tensor other);

    /** 1 where this &lt; other, else 0; not differentiated. */
    Tensor lt(Tensor other);

    // ---- reductions -----------------------------------------------------------------------------

    /** Sum of all elements (a scalar). */
    Tensor sum();

    /** Sum over one axis, which is removed. */
    Tensor sum(int axis);

    Tensor mean();

    Tensor mean(int axis);

    Tensor max();

    Tensor max(int axis);

    /** log Σ exp(x), stable. */
    Tensor logSumExp();

    Tensor logSumExp(int axis);

    // ---- linear algebra -------------------------------------------------------------------------

    /** Inner product of two vectors. */
    Tensor dot(Tensor other);

    /** Matrix (m×n) times vector (n). */
    Tensor matvec(Tensor vector);

    /** Matrix (m×k) times matrix (k×n). */
    Tensor matmul(Tensor other);

    /** The transpose of a matrix. */
    Tensor transpose();

    /** Lower-triangular L with this = L Lᵀ, for a symmetric positive-definite matrix. */
    Tensor cholesky();

    /** X with this · X = b, for a symmetric positive-definite matrix (Cholesky). */
    Tensor solve(Tensor b);

    /** log |det A| of a symmetric positive-definite matrix (Cholesky). */
    Tensor logdet();

    // ---- shape operations -------------------------------------------------------------------------

    Tensor reshape(int... shape);

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}. */
    Tensor slice(int axis, int from, int to);

    /** The sub-tensor at position {@code i} of the first axis (the axis is removed). */
    Tensor index(int i);

    /**
     * The axes reordered: axis {@code d} of the result is axis {@code axes[d]} of this tensor (as
     * PyTorch's {@code permute}); {@code axes} lists every axis once. The gradient is permuted back.
     *
     * @throws IllegalArgumentException if {@code axes} is not a permutation of 0 … rank − 1
     */
    Tensor permute(int... axes);

    // ---- sliding windows (convolution and pooling) ------------------------------------------------

    /**
     * The windows of an N × C × H × W tensor as columns (im2col, PyTorch's {@code unfold}): a tensor of
     * shape N × (C·kh·kw) × L with L = outH · outW windows in row-major order, whose entry
     * {@code (n, (c·kh + i)·kw + j, r·outW + s)} is this tensor's
     * {@code (n, c, r·strideHeight − paddingHeight + i, s·strideWidth − paddingWidth + j)}, or 0 where that
     * position lies in the padding. A convolution is then one matrix product with the reshaped kernel, a
     * pooling a reduction over axis 1. Linear; its gradient is {@link #fold}.
     *
     * @throws IllegalArgumentException if this tensor is not of rank 4 or the window does not fit
     */
    Tensor unfold(SlidingWindow window);

    /**
     * {@link #unfold(SlidingWindow)} with {@code padValue} in the padding instead of 0 (−∞ for max
     * pooling, so that the padding never wins). The gradient does not depend on {@code padValue}.
     */
    Tensor unfold(SlidingWindow window, double padValue);

    /**
     * The adjoint of {@link #unfold(SlidingWindow)} (col2im, PyTorch's {@code fold}): from columns of shape
     * N × (C·kh·kw) × L it builds the N × C × height × width tensor in which every column entry is added
     * to the input position it was read from; entries that fall in the padding are dropped. Linear; its
     * gradient is {@code unfold}.
     *
     * @throws IllegalArgumentException if this tensor's shape does not match the window over
     *     {@code height × width}
     */
    Tensor fold(SlidingWindow window, int height, int width);

    /**
     * The 2-D convolution (cross-correlation, as PyTorch's {@code conv2d} with dilation 1, one group, zero
     * padding) of this N × C × H × W tensor with the O × C × kh × kw {@code weight}: N × O × outH × outW,
     * entry (n, o, r, s) = Σ weight[o, c, i, j] · this[n, c, r·strideHeight − paddingHeight + i,
     * s·strideWidth − paddingWidth + j] over c, i, j (0 in the padding). Differentiable in both, to any
     * order; its input gradient is a transposed convolution and its weight gradient another operation, each
     * computed by its own kernel.
     *
     * @throws IllegalArgumentException if the shapes do not fit each other or the window
     */
    Tensor conv2d(Tensor weight, SlidingWindow window);

    /**
     * Max pooling (PyTorch's {@code max_pool2d}, dilation 1, floor mode) of this N × C × H × W tensor: the
     * largest value of each channel's window, N × C × outH × outW; padding never wins and may be at most half
     * the kernel. The gradient goes to each window's first largest element; the pooling's own second and
     * higher derivatives are 0.
     *
     * @throws IllegalArgumentException if this tensor is not of rank 4 or the window does not fit
     */
    Tensor maxPool2d(SlidingWindow window);
}
