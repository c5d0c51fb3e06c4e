package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.linalg.Cholesky;
import dev.hamiltorch.api.linalg.Triangular;
import java.util.Arrays;

/**
 * Products and small dense factorizations, in plain Java (small matrices: a native call costs more).
 *
 * <h2>Symmetric positive-definite operations and their gradient convention</h2>
 *
 * {@link #cholesky}, {@link #solve} and {@link #logdet} accept a square matrix A that is symmetric to
 * within {@link #SYMMETRY_TOLERANCE} (relative to its largest entry) and positive-definite; otherwise
 * they throw {@link IllegalArgumentException} ("matrix is not symmetric positive-definite: …"). They
 * are <em>defined</em> as functions of the symmetric part S = (A + Aᵀ)/2, which is what they factor.
 * Hence every entry of A is an independent input, and the gradient with respect to A is the exact
 * derivative of the computed function: it is symmetric, and perturbing the single entry A_ij by h
 * changes the result by h·Ā_ij (the perturbation moves S_ij and S_ji by h/2 each). For a matrix
 * built symmetrically from parameters θ (the usual case) this gives the same θ-gradient as any other
 * convention (they differ by antisymmetric matrices, orthogonal to symmetric perturbations); we
 * prefer it to the unsymmetrised −A⁻¹ g Xᵀ of a general solve because that one disagrees with finite
 * differences of the forward function actually computed, and its derivatives are inconsistent along
 * non-symmetric directions. The rules below are written in differentiable operations, so gradients
 * of any order are exact derivatives of the same function.
 */
final class LinearAlgebra {

    /**
     * Largest accepted |A_ij − A_ji| relative to max |A_kl|: well above rounding (~1e-16 n), well below
     * any modelling mistake.
     */
    static final double SYMMETRY_TOLERANCE = 1e-8;

    private static final String NOT_SPD = "matrix is not symmetric positive-definite";

    private LinearAlgebra() {
    }

    // ---- products -------------------------------------------------------------------------------------

    /** Inner product of two vectors of one length. */
    static JvmTensor dot(JvmTensor a, JvmTensor b) {
        if (a.shape.length != 1 || b.shape.length != 1 || a.shape[0] != b.shape[0]) {
            throw new IllegalArgumentException("dot needs two vectors of one length: this has shape "
                    + Arrays.toString(a.shape) + ", other has shape " + Arrays.toString(b.shape));
        }
        return JvmTensor.op2(new double[] {dot(a.data(), b.data())}, JvmTensor.SCALAR, Rule.DOT, a, b);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** (m×n)·(n): Ā = g vᵀ, v̄ = Aᵀ g. */
    static JvmTensor matvec(JvmTensor a, JvmTensor v) {
        if (a.shape.length != 2 || v.shape.length != 1 || a.shape[1] != v.shape[0]) {
            throw new IllegalArgumentException("matvec needs an m×n matrix and a vector of length n: this has shape "
                    + Arrays.toString(a.shape) + ", vector has shape " + Arrays.toString(v.shape));
        }
        double[] out = new double[a.shape[0]];
        matvec(a, v.data(), out);
        return JvmTensor.op2(out, new int[] {out.length}, Rule.MATVEC, a, v);
    }

    /**
     * Rows from which a constant matrix's product runs column by column on a copy of its columns
     * ({@link #columnsTimes}); below it the row kernel is as fast and no copy is kept.
     */
    static final int COLUMN_KERNEL_ROWS = 64;
    /** Largest constant matrix (in values) whose column copy is kept: the copy doubles its memory. */
    static final int COLUMN_COPY_LIMIT = 1 << 22;

    /** {@link JvmTensor#columns} of a constant that has been in one product: the next one copies its columns. */
    private static final double[][] USED_ONCE = new double[0][];

    /** out = A v by the kernel that suits A: its column copy for a large enough constant, else its rows. */
    private static void matvec(JvmTensor a, double[] v, double[] out) {
        double[][] columns = columnsOfConstant(a);
        if (columns != null) {
            columnsTimes(columns, v, out);
        } else {
            matvec(a.data(), v, a.shape[1], out);
        }
    }

    /**
     * A constant matrix's columns, made at its second product and kept on the tensor, or null where the
     * column kernels do not pay: a matrix that requires gradients (its values belong to one evaluation),
     * few rows, a copy too large to keep, or a first product (the row kernel gives the same bits). One
     * array per column: the compiler vectorises a loop over two arrays read and written at one index, not
     * over one array read at an offset (measured: 2.4 against 8–11 µs for A v with A 1000 × 25). Threads
     * racing here at worst copy the columns twice.
     */
    private static double[][] columnsOfConstant(JvmTensor a) {
        if (a.requiresGrad || a.shape[0] < COLUMN_KERNEL_ROWS || a.size() > COLUMN_COPY_LIMIT) {
            return null;
        }
        double[][] columns = a.columns;
        if (columns == null) {
            // a matrix made for one product (a density's own constant) would pay for a copy it never reuses
            a.columns = USED_ONCE;
            return null;
        }
        if (columns == USED_ONCE) {
            int m = a.shape[0];
            int n = a.shape[1];
            double[] x = a.data();
            columns = new double[n][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    columns[j][i] = x[i * n + j];
                }
            }
            a.columns = columns; // a racing thread makes the same copy
        }
        return columns;
    }

    /**
     * out = A v from A's columns: each output adds its row's products in column order from 0, as the row
     * kernel does, so the values are the same bit for bit; but the loop over rows carries no dependence,
     * so the compiler vectorises it (A 1000 × 25: about 3.5 times faster than the row kernel's four sums
     * at a time).
     */
    private static void columnsTimes(double[][] columns, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < v.length; j++) {
            double vj = v[j];
            double[] column = columns[j];
            for (int i = 0; i < out.length && i < column.length; i++) {
                out[i] += column[i] * vj;
            }
        }
    }

    /**
     * Aᵀ g from A's columns, four entries at a time: each entry sums over the rows in order from 0, as
     * {@link #transposedTimes(double[], int, int, double[])} does (the same bits), with four independent
     * sums in flight (A 1000 × 25: about 4.7 against 8.5–9.5 µs).
     */
    private static double[] columnsTransposedTimes(double[][] columns, double[] g) {
        int n = columns.length;
        int m = g.length;
        double[] out = new double[n];
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double[] c0 = columns[j];
            double[] c1 = columns[j + 1];
            double[] c2 = columns[j + 2];
            double[] c3 = columns[j + 3];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < m; i++) {
                double gi = g[i];
                s0 += c0[i] * gi;
                s1 += c1[i] * gi;
                s2 += c2[i] * gi;
                s3 += c3[i] * gi;
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
        }
        for (; j < n; j++) {
            double[] c = columns[j];
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += c[i] * g[i];
            }
            out[j] = s;
        }
        return out;
    }

    /** Aᵀ g on arrays, by A's columns where it keeps them. */
    private static double[] transposedTimes(JvmTensor a, double[] g) {
        double[][] columns = columnsOfConstant(a);
        return columns != null ? columnsTransposedTimes(columns, g) : transposedTimes(a.data(), a.shape[0], a.shape[1], g);
    }

    /**
     * out = x y for the row-major matrix x with rows of length n. Four rows at a time: each row's sum is
     * still taken in column order (the same value bit for bit), but four independent sums keep the
     * processor busy where one waits on each addition (a data matrix of 1000 rows runs about twice as fast).
     */
    private static void matvec(double[] x, double[] y, int n, double[] out) {
        int m = out.length;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int r0 = i * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int j = 0; j < n; j++) {
                double yj = y[j];
                s0 += x[r0 + j] * yj;
                s1 += x[r1 + j] * yj;
                s2 += x[r2 + j] * yj;
                s3 += x[r3 + j] * yj;
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < m; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += x[row + j] * y[j];
            }
            out[i] = s;
        }
    }

    /**
     * Aᵀ g as a constant, without forming Aᵀ: matvec's backward when no higher-order graph is recorded
     * (a data matrix X in X w, whose transpose would be copied at every gradient). Each entry sums over
     * the rows in the same order as {@code matvec(transpose(a), g)}, so the values are the same bit for bit.
     */
    private static JvmTensor transposedTimes(JvmTensor a, JvmTensor g) {
        return JvmTensor.wrap(transposedTimes(a, g.data()), new int[] {a.shape[1]});
    }

    /**
     * Aᵀ g for the row-major m × n matrix {@code a}: row by row, so each entry sums over the rows in
     * order.
     */
    private static double[] transposedTimes(double[] a, int m, int n, double[] g) {
        double[] out = new double[n];
        for (int i = 0; i < m; i++) {
            double gi = g[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a[row + j] * gi;
            }
        }
        return out;
    }

    /** (m×k)·(k×n): Ā = g Bᵀ, B̄ = Aᵀ g. */
    static JvmTensor matmul(JvmTensor a, JvmTensor b) {
        if (a.shape.length != 2 || b.shape.length != 2 || a.shape[1] != b.shape[0]) {
            throw new IllegalArgumentException("matmul needs an m×k and a k×n matrix: this has shape "
                    + Arrays.toString(a.shape) + ", other has shape " + Arrays.toString(b.shape));
        }
        int m = a.shape[0];
        int k = a.shape[1];
        int n = b.shape[1];
        if (StoragePolicy.matmulOnNd4j(a, b, m, k, n)) {
            return Nd4jStorage.result(Nd4jStorage.matmul(a, b, m, n), new int[] {m, n}, Rule.MATMUL, 0.0, a, b);
        }
        double[] out = multiply(a.data(), b.data(), m, k, n);
        return JvmTensor.op2(out, new int[] {m, n}, Rule.MATMUL, a, b);
    }

    static JvmTensor transpose(JvmTensor a) {
        if (a.shape.length != 2) {
            throw new IllegalArgumentException("transpose needs a matrix, this has shape " + Arrays.toString(a.shape));
        }
        // a large matrix goes to ND4J, where the transpose is a view and the next product reads it in place
        if (StoragePolicy.onNd4j(a)) {
            return Nd4jStorage.result(Nd4jStorage.transpose(a), new int[] {a.shape[1], a.shape[0]}, Rule.TRANSPOSE, 0.0, a);
        }
        double[] out = new double[a.size()];
        transpose(a.data(), a.shape[0], a.shape[1], out);
        return JvmTensor.op1(out, new int[] {a.shape[1], a.shape[0]}, Rule.TRANSPOSE, 0.0, a);
    }

    private static void transpose(double[] x, int m, int n, double[] out) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[j * m + i] = x[i * n + j];
            }
        }
    }

    /**
     * Backward rules of the products and the transpose, which need nothing but their node, and their
     * replays by the operations' own kernels.
     */
    private enum Rule implements Backward, Recomputable {
        DOT {
            @Override
            public void recompute(JvmTensor node) {
                node.data()[0] = dot(node.parents[0].data(), node.parents[1].data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? Elementwise.mul(b, g) : null,
                                        b.requiresGrad ? Elementwise.mul(a, g) : null};
            }
        },
        /** (m×n)·(n): Ā = g vᵀ, v̄ = Aᵀ g. */
        MATVEC {
            @Override
            public void recompute(JvmTensor node) {
                matvec(node.parents[0], node.parents[1].data(), node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor v = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? outer(g, v) : null,
                                        !v.requiresGrad ? null
                                        : a.requiresGrad || g.requiresGrad ? matvec(transpose(a), g)
                                        : transposedTimes(a, g)};
            }

            /** A constant matrix's product, its vector's gradient Aᵀ g on arrays, as {@link #apply} computes it. */
            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                JvmTensor v = node.parents[1];
                if (grads.wants(a) || !grads.wants(v)) {
                    Backward.accumulateByApply(this, node, g, grads);
                    return;
                }
                grads.add(v, transposedTimes(a, g));
            }
        },
        /** (m×k)·(k×n): Ā = g Bᵀ, B̄ = Aᵀ g. */
        MATMUL {
            @Override
            public void recompute(JvmTensor node) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                java.util.Arrays.fill(node.data(), 0.0); // multiply accumulates into zeros
                multiplyInto(a.data(), b.data(), a.shape[0], a.shape[1], b.shape[1], node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? matmul(g, transpose(b)) : null,
                                        b.requiresGrad ? matmul(transpose(a), g) : null};
            }
        },
        TRANSPOSE {
            @Override
            public void recompute(JvmTensor node) {
                JvmTensor a = node.parents[0];
                transpose(a.data(), a.shape[0], a.shape[1], node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {transpose(g)};
            }
        }
    }

    // ---- symmetric positive-definite --------------------------------------------------------------------

    /**
     * Lower-triangular L with L Lᵀ = S = (A + Aᵀ)/2. Backward (Murray 2016, symmetrised):
     * Ā = sym(L⁻ᵀ Φ(Lᵀ L̄) L⁻¹), Φ = lower triangle with the diagonal halved.
     */
    static JvmTensor cholesky(JvmTensor a) {
        int n = squareSize(a, "cholesky");
        return JvmTensor.op1(factor(a, n), new int[] {n, n}, Factorisations.CHOLESKY, 0.0, a);
    }

    /** sym(L⁻ᵀ Φ(Lᵀ L̄) L⁻¹), with the recorded L so that it differentiates again. */
    private static JvmTensor choleskyBackward(JvmTensor l, JvmTensor lBar) {
        int n = l.shape[0];
        // only L̄'s lower triangle reaches Φ(Lᵀ L̄), so L̄'s (constant-zero) upper part needs no mask
        JvmTensor phi = Elementwise.mul(matmul(transpose(l), lBar), phiMask(n));
        JvmTensor z = triangularSolve(l, phi, true);              // L⁻ᵀ Φ
        JvmTensor yT = triangularSolve(l, transpose(z), true);    // (L⁻ᵀ Φ L⁻¹)ᵀ
        return symmetrise(yT);
    }

    /**
     * X with op(L) X = B, op(L) = L or Lᵀ, for a lower-triangular L (its upper triangle is not read) and
     * B a vector or a matrix. Backward: B̄ = op(L)⁻ᵀ X̄, L̄ = tril(−B̄ Xᵀ) (or tril(−X B̄ᵀ) for Lᵀ).
     */
    static JvmTensor triangularSolve(JvmTensor l, JvmTensor b, boolean transposed) {
        double[] x = b.data().clone();
        triangularSolve(l, b, transposed, x);
        return JvmTensor.op2(x, b.shape, transposed ? Factorisations.TRANSPOSED_TRIANGULAR_SOLVE
                : Factorisations.TRIANGULAR_SOLVE, l, b);
    }

    /** op(L)⁻¹ applied in place to x, a copy of b's values. */
    private static void triangularSolve(JvmTensor l, JvmTensor b, boolean transposed, double[] x) {
        int n = l.shape[0];
        int k = b.shape.length == 1 ? 1 : b.shape[1];
        if (transposed) {
            Triangular.solveLowerTranspose(l.data(), n, x, 0, k);
        } else {
            Triangular.solveLower(l.data(), n, x, 0, k);
        }
    }

    /**
     * X = S⁻¹ B for S = (A + Aᵀ)/2 by Cholesky, B a vector or an n×k matrix. Backward: B̄ = S⁻¹ g,
     * Ā = −sym(B̄ Xᵀ) (see the class comment for why symmetric).
     */
    static JvmTensor solve(JvmTensor a, JvmTensor b) {
        int n = squareSize(a, "solve");
        if (b.shape.length < 1 || b.shape.length > 2 || b.shape[0] != n) {
            throw new IllegalArgumentException("solve needs b of shape [" + n + "] or [" + n + ", k] for a " + n + "×"
                    + n + " matrix, b has shape " + Arrays.toString(b.shape));
        }
        return solve(a, b, factor(a, n));
    }

    /** {@link #solve(JvmTensor, JvmTensor)} with the Cholesky factor of A already computed. */
    private static JvmTensor solve(JvmTensor a, JvmTensor b, double[] l) {
        double[] x = b.data().clone();
        solve(l, a.shape[0], b, x);
        return JvmTensor.op2(x, b.shape, new SolveRule(l), a, b);
    }

    /** S⁻¹ applied in place to x, a copy of b's values, with S = L Lᵀ. */
    private static void solve(double[] l, int n, JvmTensor b, double[] x) {
        int k = b.shape.length == 1 ? 1 : b.shape[1];
        Triangular.solveLower(l, n, x, 0, k);
        Triangular.solveLowerTranspose(l, n, x, 0, k);
    }

    /** log det S = 2 Σ log L_ii for S = (A + Aᵀ)/2. Backward: g·S⁻¹ (symmetric). */
    static JvmTensor logdet(JvmTensor a) {
        int n = squareSize(a, "logdet");
        double[] l = factor(a, n);
        return JvmTensor.op1(new double[] {logdet(l, n)}, JvmTensor.SCALAR, new LogdetRule(l), 0.0, a);
    }

    private static double logdet(double[] l, int n) {
        return 2.0 * Triangular.logDeterminant(l, n);
    }

    /**
     * Backward rules of the Cholesky factor and the triangular solves, which need nothing but their
     * node, and their replays. A replay factors again, and throws where the eager operation would.
     */
    private enum Factorisations implements Backward, Recomputable {
        CHOLESKY {
            @Override
            public void recompute(JvmTensor node) {
                refactor(node.parents[0], node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {choleskyBackward(node, g)};
            }
        },
        TRIANGULAR_SOLVE,
        TRANSPOSED_TRIANGULAR_SOLVE;

        /** The triangular solves' replay: b's values solved in place. */
        @Override
        public void recompute(JvmTensor node) {
            JvmTensor b = node.parents[1];
            System.arraycopy(b.data(), 0, node.data(), 0, node.size());
            triangularSolve(node.parents[0], b, this == TRANSPOSED_TRIANGULAR_SOLVE, node.data());
        }

        /** The triangular solves' backward: B̄ = op(L)⁻ᵀ X̄, L̄ = tril(−B̄ Xᵀ) (or tril(−X B̄ᵀ) for Lᵀ). */
        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor l = node.parents[0];
            JvmTensor b = node.parents[1];
            boolean transposed = this == TRANSPOSED_TRIANGULAR_SOLVE;
            JvmTensor bBar = triangularSolve(l, g, !transposed);
            JvmTensor lBar = null;
            if (l.requiresGrad) {
                JvmTensor t = transposed ? outer(node, bBar) : outer(bBar, node);
                lBar = Elementwise.mul(t, lowerMask(l.shape[0], -1.0));
            }
            return new JvmTensor[] {lBar, b.requiresGrad ? bBar : null};
        }
    }

    /**
     * solve's rule, holding the Cholesky factor of A at the values it was last computed for: the backward
     * pass reuses it, and a replay factors A again into it.
     */
    private static final class SolveRule implements Backward, Recomputable {
        private final double[] l;

        SolveRule(double[] l) {
            this.l = l;
        }

        @Override
        public void recompute(JvmTensor node) {
            JvmTensor a = node.parents[0];
            JvmTensor b = node.parents[1];
            int n = a.shape[0];
            if (a.requiresGrad) {
                // a constant A (a covariance given as data) keeps the factor of the recording: it cannot have
                // changed, and refactoring it cost O(n³) per gradient where the solve costs O(n²)
                refactor(a, l);
            }
            System.arraycopy(b.data(), 0, node.data(), 0, node.size());
            solve(l, n, b, node.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor a = node.parents[0];
            JvmTensor b = node.parents[1];
            JvmTensor bBar = solve(a, g, l);
            JvmTensor aBar = a.requiresGrad ? symmetrise(outer(bBar, node)).neg() : null;
            return new JvmTensor[] {aBar, b.requiresGrad ? bBar : null};
        }
    }

    /** The Cholesky factor of the square matrix {@code a}'s current values, into {@code l}. */
    private static void refactor(JvmTensor a, double[] l) {
        System.arraycopy(factor(a.data(), a.shape[0]), 0, l, 0, l.length);
    }

    /** logdet's rule, holding the Cholesky factor as {@link SolveRule} does. */
    private static final class LogdetRule implements Backward, Recomputable {
        private final double[] l;

        LogdetRule(double[] l) {
            this.l = l;
        }

        @Override
        public void recompute(JvmTensor node) {
            JvmTensor a = node.parents[0];
            if (a.requiresGrad) { // a constant A keeps the recording's factor and value, as in SolveRule
                refactor(a, l);
                node.data()[0] = logdet(l, a.shape[0]);
            }
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor a = node.parents[0];
            return new JvmTensor[] {Elementwise.mul(solve(a, identity(a.shape[0]), l), g)};
        }
    }

    // ---- differentiable helpers ------------------------------------------------------------------------

    /** u vᵀ for vectors, U Vᵀ for matrices. */
    private static JvmTensor outer(JvmTensor u, JvmTensor v) {
        if (u.shape.length == 1) {
            return Elementwise.mul(u.reshape(u.shape[0], 1), v.reshape(1, v.shape[0]));
        }
        return matmul(u, transpose(v));
    }

    /** (Y + Yᵀ)/2. */
    private static JvmTensor symmetrise(JvmTensor y) {
        return Elementwise.mulScalar(Elementwise.add(y, transpose(y)), 0.5);
    }

    // ---- constants ----------------------------------------------------------------------------------------

    /** 1 below the diagonal, ½ on it, 0 above: Φ as a mask. */
    private static JvmTensor phiMask(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i * n + j] = 1.0;
            }
            m[i * n + i] = 0.5;
        }
        return JvmTensor.wrap(m, new int[] {n, n});
    }

    /** {@code value} on and below the diagonal, 0 above. */
    private static JvmTensor lowerMask(int n, double value) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                m[i * n + j] = value;
            }
        }
        return JvmTensor.wrap(m, new int[] {n, n});
    }

    private static JvmTensor identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1.0;
        }
        return JvmTensor.wrap(m, new int[] {n, n});
    }

    // ---- kernels ------------------------------------------------------------------------------------------

    private static int squareSize(JvmTensor a, String op) {
        if (a.shape.length != 2 || a.shape[0] != a.shape[1]) {
            throw new IllegalArgumentException(op + " needs a square matrix, this has shape " + Arrays.toString(a.shape));
        }
        return a.shape[0];
    }

    /** Row-major (m×k)·(k×n), i-k-j order so the inner loop runs along rows of both. */
    static double[] multiply(double[] a, double[] b, int m, int k, int n) {
        double[] out = new double[m * n];
        multiplyInto(a, b, m, k, n, out);
        return out;
    }

    /** Adds the product of a (m×k) and b (k×n) into out. */
    private static void multiplyInto(double[] a, double[] b, int m, int k, int n, double[] out) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int brow = p * n;
                for (int j = 0; j < n; j++) {
                    out[row + j] += aip * b[brow + j];
                }
            }
        }
    }

    /**
     * {@link #factor(double[], int)} of a tensor: when it throws, a density may branch on the exception
     * (catch it and return another expression), so a recording of that evaluation cannot be replayed.
     */
    private static double[] factor(JvmTensor a, int n) {
        try {
            return factor(a.data(), n);
        } catch (DomainException e) {
            if (TraceWatch.open != 0) {
                TraceWatch.leftGraph(a, "a factorisation threw");
            }
            throw e;
        }
    }

    /**
     * The lower Cholesky factor (row-major, zeros above the diagonal) of (A + Aᵀ)/2, after checking
     * that A is symmetric within tolerance and the factorization's pivots are positive.
     *
     * @throws DomainException if it is not: a density is undefined at such a point
     */
    static double[] factor(double[] a, int n) {
        double scale = 0;
        for (double v : a) {
            scale = Math.max(scale, Math.abs(v));
        }
        double tolerance = SYMMETRY_TOLERANCE * scale;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double aij = a[i * n + j];
                double aji = a[j * n + i];
                // written so that NaN fails the test
                if (!(Math.abs(aij - aji) <= tolerance)) {
                    throw new DomainException(NOT_SPD + ": entries (" + i + ", " + j + ") = " + aij
                            + " and (" + j + ", " + i + ") = " + aji + " differ");
                }
                l[i * n + j] = 0.5 * (aij + aji);
            }
        }
        int failed = Cholesky.factorLower(l, n);
        if (failed >= 0) {
            throw new DomainException(NOT_SPD + ": pivot " + failed + " is " + l[failed * n + failed]);
        }
        return l;
    }
}
