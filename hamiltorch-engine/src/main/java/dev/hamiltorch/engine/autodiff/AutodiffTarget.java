package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.DerivativeOrder;
import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Target} whose derivatives come from automatic differentiation of a {@link LogDensity}:
 * gradients by one backward pass, Hessians row by row from a recorded gradient, third-order
 * contractions by differentiating tr(S ∇² log π).
 *
 * <h2>Replaying the recorded graph</h2>
 * The first gradient evaluation records the density's graph; when the graph can be replayed, later
 * gradients and log densities recompute its operations in place at the new θ instead of running the
 * density's Java code again (a {@link Tape}): for small models in a half to a third of the time, with
 * the same values bit for bit. Nodes of the recorded graph are overwritten by later evaluations, so a
 * density must not keep its intermediate tensors for use elsewhere; reading one after a replay throws
 * {@link IllegalStateException}. A graph can be replayed when the
 * density's code does not depend on θ except through tensor operations, which the recording checks on
 * every thread: reading a value that depends on θ ({@code item()}, {@code get},
 * {@code toArray()}, {@code toString()}), detaching or comparing such a tensor, taking a derivative inside
 * the density, an operation that throws (which the code may catch), or an operation that cannot
 * recompute itself makes the target evaluate eagerly, as it would without replay. An operation that
 * throws during a replay (a matrix no longer positive-definite) hands that evaluation to the density's
 * code. Tensors captured from outside the density are constants to the replay, whether or not they
 * require gradients. What the recording cannot see is state the density reads from outside its
 * argument that changes between calls; a target must be a fixed function for sampling anyway, and
 * {@link #AutodiffTarget(LogDensity, int, boolean)} turns replay off. Hessians and third derivatives
 * always evaluate eagerly; once asked for, gradients do too, so that they share one forward pass.
 *
 * <p>One instance serves one thread at a time as the {@link Target} contract says; {@link #copy()}
 * gives each chain its own. Threads that do share an instance stay correct: a tape is replayed only
 * by the thread that recorded it.
 */
public final class AutodiffTarget implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(AutodiffTarget.class);

    private final LogDensity logDensity;
    private final int dimension;
    /** The shape of θ, shared by every evaluation's variable (shapes are never modified). */
    private final int[] shape;

    /**
     * The graph recorded at the last θ, so that a geometry's gradient, Hessian and third derivatives
     * share one forward pass and one recorded gradient. It belongs to the thread that recorded it:
     * the target stays safe to share between threads, which then only miss the cache.
     */
    private Graph last;

    /** Whether recorded graphs may be replayed (the constructor's choice). */
    private final boolean replay;
    /** The graph to replay, recorded by its owner thread; null before the first gradient or without replay. */
    private Tape tape;
    /** Set when the density's graph cannot be replayed, or higher derivatives are asked for. */
    private boolean eager;

    /**
     * A target that replays the recorded graph when it can.
     *
     * @param logDensity the log density
     * @param dimension the number of parameters it takes
     */
    public AutodiffTarget(LogDensity logDensity, int dimension) {
        this(logDensity, dimension, true);
    }

    /**
     * @param logDensity the log density
     * @param dimension the number of parameters it takes
     * @param replay whether a recorded graph may be replayed at new θ (see the class comment); false
     *        runs the density's code at every evaluation
     */
    public AutodiffTarget(LogDensity logDensity, int dimension, boolean replay) {
        this.logDensity = Objects.requireNonNull(logDensity, "logDensity");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension = " + dimension + ": must be positive");
        }
        this.dimension = dimension;
        this.shape = new int[] {dimension};
        this.replay = replay;
        this.eager = !replay;
    }

    /** A target of the same density with a cache and tape of its own, for another thread. */
    @Override
    public AutodiffTarget copy() {
        return new AutodiffTarget(logDensity, dimension, replay);
    }

    /** Whether the current thread's evaluations replay a recorded graph. */
    boolean replays() {
        return ownTape() != null;
    }

    /** The tape this thread recorded, if evaluations replay it; else null. */
    private Tape ownTape() {
        Tape t = tape; // read once: another thread may replace it
        return t != null && t.owner == Thread.currentThread() && !eager ? t : null;
    }

    /** {@link DerivativeOrder#THIRD}: automatic differentiation gives derivatives of every order. */
    @Override
    public DerivativeOrder derivativeOrder() {
        return DerivativeOrder.THIRD;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Evaluated as the gradient is (replayed, or with the graph recorded), never with recording
     * switched off: a density that differentiates something itself, or whose checks depend on whether
     * its parameters require gradients, gives the value {@link #logDensityAndGradient} gives.
     */
    @Override
    public double logDensity(double[] theta) {
        checkLength(theta);
        Tape t = ownTape();
        if (t != null) {
            try {
                return t.logDensity(theta);
            } catch (RuntimeException e) {
                return forward(theta).y.data()[0]; // the code decides what happens where a replay throws
            }
        }
        return forward(theta).y.data()[0];
    }

    @Override
    public double logDensityAndGradient(double[] theta, double[] gradient) {
        Tape t = ownTape();
        if (t != null && theta.length == dimension) {
            try {
                return t.logDensityAndGradient(theta, gradient);
            } catch (RuntimeException e) {
                return evaluate(theta, gradient); // see logDensity
            }
        }
        checkLength(theta);
        if (!eager) {
            t = record(theta);
            if (t != null) {
                t.gradient(gradient); // the recording evaluated the density at θ already
                return t.output();
            }
        }
        return evaluate(theta, gradient);
    }

    /**
     * log π(θ) and its gradient by running the density's code. An operation that throws in a replay
     * (a matrix that is no longer positive-definite) lands here too: the code may catch the exception
     * and take another branch, which only running it can tell.
     */
    private double evaluate(double[] theta, double[] gradient) {
        Graph graph = forward(theta);
        Autodiff.gradient(graph.y, graph.x, gradient);
        return graph.y.data()[0];
    }

    /** The density's graph at θ, recorded under a {@link TraceWatch}, and what spoiled it for replay (or null). */
    private record Watched(JvmTensor x, JvmTensor y, String spoiled) {
    }

    private Watched watched(double[] theta) {
        JvmTensor x = JvmTensor.variableOfShape(theta, shape);
        TraceWatch watch = TraceWatch.start(x);
        JvmTensor y;
        try {
            y = scalarNode(logDensity.logProb(x));
        } finally {
            watch.stop();
        }
        return new Watched(x, y, watch.spoiled());
    }

    /**
     * Evaluates the density at θ while watching for what replay could not reproduce, and makes the
     * graph this thread's tape; null (and eager evaluation from now on) if it cannot be replayed.
     */
    private Tape record(double[] theta) {
        Watched w = watched(theta);
        String spoiled = w.spoiled;
        Tape t = spoiled == null ? Tape.of(w.y, w.x) : null;
        if (t == null) {
            eager = true;
            LOG.debug("the log density is evaluated eagerly, its graph cannot be replayed: {}",
                    spoiled != null ? spoiled + " that depends on θ" : "an operation on the way cannot be recomputed,"
                            + " or the value does not depend on θ");
            return null;
        }
        tape = t;
        return t;
    }

    /**
     * The coordinates of θ that the density does not read, found in its graph at {@code theta}: θ's
     * elements that no operation takes (only {@code index} and {@code slice} take part of θ), or all of
     * them when the value does not depend on θ. Such a coordinate has no posterior of its own: a chain
     * lets it drift without bound.
     *
     * @return the unread indices in increasing order, and whether the answer holds at every θ (the
     *         density's code does not depend on θ outside its graph, as for a replayable recording)
     */
    public UnreadParameters unreadParameters(double[] theta) {
        checkLength(theta);
        Watched w = watched(theta);
        JvmTensor x = w.x;
        JvmTensor y = w.y;
        boolean[] read = new boolean[dimension];
        if (y == x) {
            Arrays.fill(read, true);
        } else if (y.dependsOn(x)) {
            JvmTensor[] order = Autodiff.topologicalOrder(y, x, null, new Object());
            for (int k = 0; k <= y.slot; k++) {
                JvmTensor node = order[k];
                for (int j = 0; node.parents != null && j < node.parents.length; j++) {
                    if (node.parents[j] == x && !markRead(node, read)) {
                        Arrays.fill(read, true);
                    }
                }
            }
        }
        int[] unread = new int[dimension];
        int n = 0;
        for (int i = 0; i < dimension; i++) {
            if (!read[i]) {
                unread[n++] = i;
            }
        }
        return new UnreadParameters(Arrays.copyOf(unread, n), w.spoiled == null);
    }

    /** Marks what {@code node} reads of θ if it takes a part of it; false if it reads all of θ. */
    private static boolean markRead(JvmTensor node, boolean[] read) {
        if (node.backward == ShapeOps.Rule.INDEX) {
            read[(int) node.param] = true;
            return true;
        }
        if (node.backward == ShapeOps.Rule.SLICE) {
            int from = (int) node.param;
            Arrays.fill(read, from, from + node.shape[0], true);
            return true;
        }
        return false;
    }

    /**
     * What {@link #unreadParameters} found.
     *
     * @param indices the coordinates of θ the density does not read
     * @param certain whether that holds at every θ, not only at the one examined
     */
    public record UnreadParameters(int[] indices, boolean certain) {
    }

    /** log π recorded at θ, this thread's last graph when θ's contents are unchanged. */
    private Graph forward(double[] theta) {
        Graph g = last; // read once: another thread may replace it
        Thread current = Thread.currentThread();
        if (g != null && g.owner == current && sameValues(g.theta, theta)) {
            return g;
        }
        JvmTensor x = JvmTensor.variableOfShape(theta, shape);
        // x's data is a private copy of θ that is never modified: it serves as the key
        g = new Graph(current, x.data(), x, scalarNode(logDensity.logProb(x)));
        last = g;
        return g;
    }

    /**
     * {@link Arrays#equals(double[], double[])} for two arrays of length D, rejecting a new θ at its
     * first changed element without the library's calls.
     */
    private static boolean sameValues(double[] key, double[] theta) {
        for (int i = 0; i < key.length; i++) {
            double a = key[i];
            double b = theta[i];
            if (a != b && (a == a || b == b)) {
                return false; // differ, and not both NaN (which Arrays.equals calls equal)
            }
        }
        return Arrays.equals(key, theta); // 0.0 == −0.0: the exact comparison tells them apart
    }

    /** A forward graph and, once a higher derivative needed it, its recorded gradient. */
    private static final class Graph {
        final Thread owner;
        /** The key, a private copy of θ (the variable's data). */
        final double[] theta;
        final JvmTensor x;
        final JvmTensor y;
        /** Read and written by {@link #owner} only. */
        private Tensor gradient;

        Graph(Thread owner, double[] theta, JvmTensor x, JvmTensor y) {
            this.owner = owner;
            this.theta = theta;
            this.x = x;
            this.y = y;
        }

        /** The recorded ∇ log π, or null if log π does not depend on θ. */
        Tensor gradient() {
            if (gradient == null && y.requiresGrad()) {
                gradient = Autodiff.recordedGradient(y, x);
            }
            return gradient;
        }
    }

    @Override
    public double[][] hessian(double[] theta) {
        checkLength(theta);
        eager = true; // gradients then come from the graph the Hessian is taken of
        Graph graph = forward(theta);
        JvmTensor x = graph.x;
        double[][] h = new double[dimension][dimension];
        Tensor g = graph.gradient();
        if (g == null) {
            return h;
        }
        // row i of the Hessian is eᵢᵀ ∂g/∂x
        double[][] rows = Autodiff.unitVectorJacobianRows(JvmTensor.of(g), x, 0, dimension);
        for (int i = 0; i < dimension; i++) {
            System.arraycopy(rows[i], 0, h[i], 0, dimension);
        }
        return h;
    }

    @Override
    public double[] thirdOrderContraction(double[] theta, double[][] s) {
        checkLength(theta);
        eager = true;
        Graph graph = forward(theta);
        JvmTensor x = graph.x;
        double[] c = new double[dimension];
        Tensor g = graph.gradient();
        if (g == null || !g.requiresGrad()) {
            return c;
        }
        // tr(S H) = Σⱼ (H sⱼ)ⱼ with sⱼ the columns of S; each H sⱼ is a recorded vector–Jacobian product
        Tensor trace = null;
        for (int j = 0; j < dimension; j++) {
            double[] column = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                column[i] = s[i][j];
            }
            Tensor hs = Autodiff.grad(g, JvmTensor.wrap(column, new int[] {dimension}), new Tensor[] {x}, true)[0];
            Tensor term = hs.mul(unit(j)).sum();
            trace = trace == null ? term : trace.add(term);
        }
        if (!trace.requiresGrad()) {
            return c;
        }
        return JvmTensor.of(Autodiff.grad(trace, x, false)).data().clone();
    }

    @Override
    public double[][][] thirdDerivatives(double[] theta) {
        checkLength(theta);
        eager = true;
        Graph graph = forward(theta);
        JvmTensor x = graph.x;
        double[][][] t = new double[dimension][dimension][dimension];
        Tensor g = graph.gradient();
        if (g == null || !g.requiresGrad()) {
            return t;
        }
        // Pass (i, j) gives ∂ₖHᵢⱼ for every k. T is symmetric in all three indices, so each sorted
        // triple needs one pass on a pair inside it: with the indices split in two halves, the pairs
        // within a half suffice (a triple has two indices in one half), about D²/4 + D passes, not D(D+1)/2.
        int half = (dimension + 1) / 2;
        JvmTensor[] rows = Autodiff.recordedUnitVectorJacobianRows(JvmTensor.of(g), x, dimension);
        for (int i = 0; i < dimension; i++) {
            JvmTensor row = rows[i];
            if (!row.requiresGrad()) {
                continue;
            }
            int end = i < half ? half : dimension;
            double[][] passes = Autodiff.unitVectorJacobianRows(row, x, i, end);
            for (int j = i; j < end; j++) {
                double[] dk = passes[j - i];
                for (int k = 0; k < dimension; k++) {
                    if (isSource(i, j, k, half)) {
                        setSymmetric(t, i, j, k, dk[k]);
                    }
                }
            }
        }
        return t;
    }

    /**
     * Whether pass (i, j), i ≤ j in one half, is the one that fills the triple {i, j, k}: sorted
     * a ≤ b ≤ c, that is pass (a, b) if a and b share a half, else pass (b, c).
     */
    private static boolean isSource(int i, int j, int k, int half) {
        int a;
        int b;
        int c;
        if (k <= i) {
            a = k;
            b = i;
            c = j;
        } else if (k <= j) {
            a = i;
            b = k;
            c = j;
        } else {
            a = i;
            b = j;
            c = k;
        }
        boolean abSameHalf = (a < half) == (b < half);
        return abSameHalf ? a == i && b == j : b == i && c == j;
    }

    /** Sets T at every permutation of (i, j, k). */
    private static void setSymmetric(double[][][] t, int i, int j, int k, double v) {
        t[i][j][k] = v;
        t[i][k][j] = v;
        t[j][i][k] = v;
        t[j][k][i] = v;
        t[k][i][j] = v;
        t[k][j][i] = v;
    }

    private JvmTensor unit(int i) {
        double[] e = new double[dimension];
        e[i] = 1.0;
        return JvmTensor.wrap(e, new int[] {dimension});
    }

    private void checkLength(double[] theta) {
        if (theta.length != dimension) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + dimension);
        }
    }

    /** {@link #scalar}'s checks, keeping the engine's tensor. */
    private static JvmTensor scalarNode(Tensor y) {
        if (y instanceof JvmTensor t && t.size() == 1) {
            return t;
        }
        scalar(y);
        return JvmTensor.of(y);
    }

    private static double scalar(Tensor y) {
        if (y == null) {
            throw new IllegalArgumentException("log density returned null");
        }
        if (y.size() != 1) {
            throw new IllegalArgumentException("log density must return a scalar, returned shape "
                    + Arrays.toString(y.shape()));
        }
        return y.item();
    }
}
