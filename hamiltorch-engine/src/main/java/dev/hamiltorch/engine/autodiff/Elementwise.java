package dev.hamiltorch.engine.autodiff;

/** Elementwise operations with broadcasting, and their differentiable backward rules. */
final class Elementwise {

    private static final int PLUS = 0;
    private static final int MINUS = 1;
    private static final int TIMES = 2;
    private static final int OVER = 3;

    private Elementwise() {
    }

    // ---- binary ----------------------------------------------------------------------------------------

    /** Applies {@code op} with broadcasting; fast paths for equal shapes and a scalar operand. */
    static double[] combine(double[] x, int[] xShape, double[] y, int[] yShape, int[] shape, int op) {
        int n = shape == xShape ? x.length : shape == yShape ? y.length : Broadcasting.size(shape);
        double[] out = new double[n];
        combineInto(x, xShape, y, yShape, shape, op, out);
        return out;
    }

    /** {@link #combine} into {@code out}, of the result's size: what an operation's replay recomputes. */
    static void combineInto(double[] x, int[] xShape, double[] y, int[] yShape, int[] shape, int op, double[] out) {
        int n = out.length;
        if (x.length != n || y.length != n) {
            if (y.length == 1 && x.length == n) {
                combineScalarRight(x, y[0], n, op, out);
            } else if (x.length == 1 && y.length == n) {
                combineScalarLeft(x[0], y, n, op, out);
            } else {
                combineBroadcast(x, xShape, y, yShape, shape, n, op, out);
            }
            return;
        }
        switch (op) {
            case PLUS -> { for (int i = 0; i < n; i++) out[i] = x[i] + y[i]; }
            case MINUS -> { for (int i = 0; i < n; i++) out[i] = x[i] - y[i]; }
            case TIMES -> { for (int i = 0; i < n; i++) out[i] = x[i] * y[i]; }
            default -> { for (int i = 0; i < n; i++) out[i] = x[i] / y[i]; }
        }
    }

    private static void combineScalarRight(double[] x, double c, int n, int op, double[] out) {
        switch (op) {
            case PLUS -> { for (int i = 0; i < n; i++) out[i] = x[i] + c; }
            case MINUS -> { for (int i = 0; i < n; i++) out[i] = x[i] - c; }
            case TIMES -> { for (int i = 0; i < n; i++) out[i] = x[i] * c; }
            default -> { for (int i = 0; i < n; i++) out[i] = x[i] / c; }
        }
    }

    private static void combineScalarLeft(double c, double[] y, int n, int op, double[] out) {
        switch (op) {
            case PLUS -> { for (int i = 0; i < n; i++) out[i] = c + y[i]; }
            case MINUS -> { for (int i = 0; i < n; i++) out[i] = c - y[i]; }
            case TIMES -> { for (int i = 0; i < n; i++) out[i] = c * y[i]; }
            default -> { for (int i = 0; i < n; i++) out[i] = c / y[i]; }
        }
    }

    private static void combineBroadcast(double[] x, int[] xShape, double[] y, int[] yShape, int[] shape, int n,
                                         int op, double[] out) {
        int[] ia = Broadcasting.sourceIndex(xShape, shape);
        int[] ib = Broadcasting.sourceIndex(yShape, shape);
        switch (op) {
            case PLUS -> { for (int i = 0; i < n; i++) out[i] = x[ia[i]] + y[ib[i]]; }
            case MINUS -> { for (int i = 0; i < n; i++) out[i] = x[ia[i]] - y[ib[i]]; }
            case TIMES -> { for (int i = 0; i < n; i++) out[i] = x[ia[i]] * y[ib[i]]; }
            default -> { for (int i = 0; i < n; i++) out[i] = x[ia[i]] / y[ib[i]]; }
        }
    }

    private static int[] resultShape(JvmTensor a, JvmTensor b) {
        return a.shape == b.shape || Broadcasting.sameShape(a.shape, b.shape) ? a.shape
                : Broadcasting.broadcastShape(a.shape, b.shape);
    }

    static JvmTensor add(JvmTensor a, JvmTensor b) {
        int[] shape = resultShape(a, b);
        if (a.nd4j != null || b.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.combine(a, b, shape, PLUS), shape, Rule.ADD, 0.0, a, b);
        }
        return JvmTensor.op2(combine(a.data(), a.shape, b.data(), b.shape, shape, PLUS), shape, Rule.ADD, a, b);
    }

    static JvmTensor sub(JvmTensor a, JvmTensor b) {
        int[] shape = resultShape(a, b);
        if (a.nd4j != null || b.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.combine(a, b, shape, MINUS), shape, Rule.SUB, 0.0, a, b);
        }
        return JvmTensor.op2(combine(a.data(), a.shape, b.data(), b.shape, shape, MINUS), shape, Rule.SUB, a, b);
    }

    static JvmTensor mul(JvmTensor a, JvmTensor b) {
        int[] shape = resultShape(a, b);
        if (a.nd4j != null || b.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.combine(a, b, shape, TIMES), shape, Rule.MUL, 0.0, a, b);
        }
        return JvmTensor.op2(combine(a.data(), a.shape, b.data(), b.shape, shape, TIMES), shape, Rule.MUL, a, b);
    }

    static JvmTensor div(JvmTensor a, JvmTensor b) {
        int[] shape = resultShape(a, b);
        if (a.nd4j != null || b.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.combine(a, b, shape, OVER), shape, Rule.DIV, 0.0, a, b);
        }
        return JvmTensor.op2(combine(a.data(), a.shape, b.data(), b.shape, shape, OVER), shape, Rule.DIV, a, b);
    }

    /** a^e with a tensor exponent; ∂/∂e = a^e log a. */
    static JvmTensor pow(JvmTensor a, JvmTensor e) {
        // a constant one-element exponent is a scalar power, unless its rank would grow the result
        if (!e.requiresGrad && e.size() == 1 && e.shape.length <= a.shape.length) {
            return powScalar(a, e.data()[0]);
        }
        int[] shape = resultShape(a, e);
        double[] out = new double[Broadcasting.size(shape)];
        pow(a, e, shape, out);
        return JvmTensor.op2(out, shape, Rule.POW, a, e);
    }

    private static void pow(JvmTensor a, JvmTensor e, int[] shape, double[] out) {
        int n = out.length;
        if (a.size() == n && e.size() == n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.pow(a.data()[i], e.data()[i]);
            }
        } else {
            int[] ia = Broadcasting.sourceIndex(a.shape, shape);
            int[] ie = Broadcasting.sourceIndex(e.shape, shape);
            for (int i = 0; i < n; i++) {
                out[i] = Math.pow(a.data()[ia[i]], e.data()[ie[i]]);
            }
        }
    }

    // ---- with a constant ---------------------------------------------------------------------------------

    static JvmTensor addScalar(JvmTensor a, double c) {
        if (a.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.addScalar(a, c), a.shape, Rule.ADD_SCALAR, c, a);
        }
        double[] out = new double[a.size()];
        shift(a.data(), c, out);
        return JvmTensor.op1(out, a.shape, Rule.ADD_SCALAR, c, a);
    }

    static JvmTensor mulScalar(JvmTensor a, double c) {
        if (a.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.mulScalar(a, c), a.shape, Rule.MUL_SCALAR, c, a);
        }
        double[] out = new double[a.size()];
        scale(a.data(), c, out);
        return JvmTensor.op1(out, a.shape, Rule.MUL_SCALAR, c, a);
    }

    /** a / c: a true division, so it gives the bits of dividing by a scalar tensor, not of multiplying by 1/c. */
    static JvmTensor divScalar(JvmTensor a, double c) {
        if (a.nd4j != null) {
            return Nd4jStorage.result(Nd4jStorage.divScalar(a, c), a.shape, Rule.DIV_SCALAR, c, a);
        }
        double[] out = new double[a.size()];
        divide(a.data(), c, out);
        return JvmTensor.op1(out, a.shape, Rule.DIV_SCALAR, c, a);
    }

    private static void divide(double[] x, double c, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / c;
        }
    }

    /** x·c elementwise, a new array. */
    static double[] scaled(double[] x, double c) {
        double[] out = new double[x.length];
        scale(x, c, out);
        return out;
    }

    private static void shift(double[] x, double c, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + c;
        }
    }

    private static void scale(double[] x, double c, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * c;
        }
    }

    static JvmTensor powScalar(JvmTensor a, double p) {
        if (p == 2.0) {
            return square(a);
        }
        if (p == 1.0) {
            return a;
        }
        double[] out = new double[a.size()];
        powScalar(a.data(), p, out);
        return JvmTensor.op1(out, a.shape, Rule.POW_SCALAR, p, a);
    }

    private static void powScalar(double[] x, double p, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = p == 0.5 ? Math.sqrt(x[i]) : Math.pow(x[i], p);
        }
    }

    // ---- unary -----------------------------------------------------------------------------------------------

    static JvmTensor exp(JvmTensor a) {
        return unary(a, Rule.EXP);
    }

    static JvmTensor log(JvmTensor a) {
        return unary(a, Rule.LOG);
    }

    static JvmTensor log1p(JvmTensor a) {
        return unary(a, Rule.LOG1P);
    }

    static JvmTensor expm1(JvmTensor a) {
        return unary(a, Rule.EXPM1);
    }

    static JvmTensor sqrt(JvmTensor a) {
        return unary(a, Rule.SQRT);
    }

    /** A unary operation by its rule's kernel, which the operation's replay calls as well. */
    private static JvmTensor unary(JvmTensor a, Rule rule) {
        if (a.nd4j != null) {
            org.nd4j.linalg.api.ndarray.INDArray r = Nd4jStorage.unary(rule, a);
            if (r != null) {
                return Nd4jStorage.result(r, a.shape, rule, 0.0, a);
            }
        }
        double[] out = new double[a.size()];
        unary(rule, a.data(), out);
        return JvmTensor.op1(out, a.shape, rule, 0.0, a);
    }

    /** The kernel of a unary rule: a loop of its own per function, so the function is inlined into it. */
    private static void unary(Rule rule, double[] x, double[] out) {
        switch (rule) {
            case SQUARE -> square(x, out);
            case EXP -> exp(x, out);
            case LOG -> log(x, out);
            case LOG1P -> log1p(x, out);
            case EXPM1 -> expm1(x, out);
            case SQRT -> sqrt(x, out);
            case SIN -> sin(x, out);
            case COS -> cos(x, out);
            case TANH -> tanh(x, out);
            case SIGMOID -> sigmoid(x, out);
            case LGAMMA -> lgamma(x, out);
            case ABS -> abs(x, out);
            case RELU -> relu(x, out);
            case SOFTPLUS -> softplus(x, out);
            default -> throw new IllegalArgumentException(rule + " is not a unary operation");
        }
    }

    private static void exp(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    private static void log(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.log(x[i]);
        }
    }

    private static void log1p(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.log1p(x[i]);
        }
    }

    private static void expm1(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.expm1(x[i]);
        }
    }

    private static void sqrt(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.sqrt(x[i]);
        }
    }

    private static void square(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i];
        }
    }

    private static void sin(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.sin(x[i]);
        }
    }

    private static void cos(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.cos(x[i]);
        }
    }

    private static void tanh(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.tanh(x[i]);
        }
    }

    private static void sigmoid(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = sigmoid(x[i]);
        }
    }

    private static void softplus(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = softplus(x[i]);
        }
    }

    static JvmTensor abs(JvmTensor a) {
        return unary(a, Rule.ABS);
    }

    private static void abs(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]);
        }
    }

    /** sign(x), the derivative of |x| (0 at 0), as a constant of x's current values. */
    private static JvmTensor signOf(JvmTensor a) {
        double[] x = a.data();
        double[] sign = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sign[i] = Math.signum(x[i]);
        }
        return JvmTensor.wrap(sign, a.shape);
    }

    static JvmTensor square(JvmTensor a) {
        return unary(a, Rule.SQUARE);
    }

    static JvmTensor sin(JvmTensor a) {
        return unary(a, Rule.SIN);
    }

    static JvmTensor cos(JvmTensor a) {
        return unary(a, Rule.COS);
    }

    static JvmTensor tanh(JvmTensor a) {
        return unary(a, Rule.TANH);
    }

    static JvmTensor sigmoid(JvmTensor a) {
        return unary(a, Rule.SIGMOID);
    }

    static double sigmoid(double x) {
        return sigmoid(x, Math.exp(-Math.abs(x)));
    }

    /**
     * σ(x) from e = exp(−|x|), which softplus needs too (a fused density computes it once for both):
     * 1/(1 + e) for x ≥ 0, e/(1 + e) below, so exp's argument is never positive and neither side overflows.
     */
    static double sigmoid(double x, double e) {
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    static JvmTensor softplus(JvmTensor a) {
        return unary(a, Rule.SOFTPLUS);
    }

    static double softplus(double x) {
        return softplus(x, Math.exp(-Math.abs(x)));
    }

    /** log(1 + eˣ) from e = exp(−|x|): max(x, 0) + log1p(e), without overflow. */
    static double softplus(double x, double e) {
        return Math.max(x, 0.0) + Math.log1p(e);
    }

    static JvmTensor relu(JvmTensor a) {
        return unary(a, Rule.RELU);
    }

    private static void relu(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] <= 0 ? 0.0 : x[i]; // NaN fails the test and stays NaN: no finite density from a NaN
        }
    }

    /**
     * 1 where x &gt; 0, 0 where x ≤ 0, NaN where x is NaN: the derivative of relu, as a constant of x's
     * current values.
     */
    private static JvmTensor stepOf(JvmTensor a) {
        if (a.nd4j != null) {
            JvmTensor step = Nd4jStorage.step(a);
            if (step != null) {
                return step;
            }
        }
        double[] x = a.data();
        double[] step = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            step[i] = x[i] > 0 ? 1.0 : x[i] <= 0 ? 0.0 : Double.NaN;
        }
        return JvmTensor.wrap(step, a.shape);
    }

    static JvmTensor clamp(JvmTensor a, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp bounds lo = " + lo + ", hi = " + hi + ": need lo <= hi");
        }
        double[] out = new double[a.size()];
        ClampRule rule = new ClampRule(lo, hi);
        rule.clamp(a.data(), out);
        return JvmTensor.op1(out, a.shape, rule, 0.0, a);
    }

    /** clamp's rule: the gradient passes where lo ≤ x ≤ hi; its bounds are the rule's own. */
    private static final class ClampRule implements Backward, Recomputable {
        private final double lo;
        private final double hi;

        ClampRule(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        void clamp(double[] x, double[] out) {
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                out[i] = v < lo ? lo : Math.min(v, hi);
            }
        }

        @Override
        public void recompute(JvmTensor node) {
            clamp(node.parents[0].data(), node.data());
        }

        @Override
        public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
            JvmTensor a = node.parents[0];
            double[] inside = new double[a.size()];
            for (int i = 0; i < inside.length; i++) {
                double v = a.data()[i];
                inside[i] = v >= lo && v <= hi ? 1.0 : 0.0;
            }
            return new JvmTensor[] {mul(g, JvmTensor.wrap(inside, a.shape))};
        }
    }

    static JvmTensor lgamma(JvmTensor a) {
        return unary(a, Rule.LGAMMA);
    }

    private static void lgamma(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = SpecialFunctions.lgamma(x[i]);
        }
    }

    /** ψ⁽ⁿ⁾(x): digamma for n = 0, trigamma for n = 1, … */
    static JvmTensor polygamma(int n, JvmTensor a) {
        double[] out = new double[a.size()];
        polygamma(n, a.data(), out);
        return JvmTensor.op1(out, a.shape, Rule.POLYGAMMA, n, a);
    }

    private static void polygamma(int n, double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = SpecialFunctions.polygamma(n, x[i]);
        }
    }

    /**
     * {@code a} where {@code condition} is non-zero (NaN counts as non-zero), else {@code b}, all three
     * broadcast together; the condition is a constant.
     */
    static JvmTensor where(JvmTensor condition, JvmTensor a, JvmTensor b) {
        int[] shape = Broadcasting.broadcastShape(Broadcasting.broadcastShape(condition.shape, a.shape), b.shape);
        double[] out = new double[Broadcasting.size(shape)];
        where(condition, a, b, shape, out);
        // the condition is a parent, without a gradient, so that a replay reads its current values
        return JvmTensor.op(out, shape, Rule.WHERE, condition, a, b);
    }

    /** where's values into out. */
    private static void where(JvmTensor condition, JvmTensor a, JvmTensor b, int[] shape, double[] out) {
        int[] ic = Broadcasting.sourceIndex(condition.shape, shape);
        int[] ia = Broadcasting.sourceIndex(a.shape, shape);
        int[] ib = Broadcasting.sourceIndex(b.shape, shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = condition.data()[ic[i]] != 0.0 ? a.data()[ia[i]] : b.data()[ib[i]];
        }
    }

    /** 1 where the condition, broadcast to {@code shape}, picks its first branch ({@code picked}), else 0. */
    private static JvmTensor branchMask(JvmTensor condition, int[] shape, boolean picked) {
        int[] ic = Broadcasting.sourceIndex(condition.shape, shape);
        double[] mask = new double[ic.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (condition.data()[ic[i]] != 0.0) == picked ? 1.0 : 0.0;
        }
        return JvmTensor.wrap(mask, shape);
    }

    /** 1 where a &gt; b (or a &lt; b), else 0: a constant. */
    static JvmTensor compare(JvmTensor a, JvmTensor b, boolean greater) {
        if (TraceWatch.open != 0) {
            TraceWatch.leftGraph(a, "a comparison made a constant");
            TraceWatch.leftGraph(b, "a comparison made a constant");
        }
        int[] shape = resultShape(a, b);
        int n = Broadcasting.size(shape);
        int[] ia = Broadcasting.sourceIndex(a.shape, shape);
        int[] ib = Broadcasting.sourceIndex(b.shape, shape);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = a.data()[ia[i]];
            double y = b.data()[ib[i]];
            out[i] = (greater ? x > y : x < y) ? 1.0 : 0.0;
        }
        return JvmTensor.wrap(out, shape);
    }

    // ---- backward rules of the common operations ----------------------------------------------------------

    /**
     * Backward rules that need nothing but their node (its parents, output and {@link JvmTensor#param}),
     * so one instance serves every node. {@code apply} is the differentiable rule; {@code accumulate}
     * does the same arithmetic, in the same order, on arrays; {@code recompute} is the operation itself,
     * by the kernel the operation calls.
     */
    enum Rule implements Backward, Recomputable {
        ADD {
            @Override
            public void recompute(JvmTensor node) {
                combineBinary(node, PLUS);
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? g.sumTo(a.shape) : null,
                                        b.requiresGrad ? g.sumTo(b.shape) : null};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                int[] s = node.shape;
                // the operand's own shape needs no sum; kept: funnel10k (JMH) ran about 4 % slower without it
                if (grads.wants(a)) {
                    grads.add(a, a.shape == s ? g : ShapeOps.sumTo(g, s, a.shape));
                }
                if (grads.wants(b)) {
                    grads.add(b, b.shape == s ? g : ShapeOps.sumTo(g, s, b.shape));
                }
            }
        },
        SUB {
            @Override
            public void recompute(JvmTensor node) {
                combineBinary(node, MINUS);
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? g.sumTo(a.shape) : null,
                                        b.requiresGrad ? g.neg().sumTo(b.shape) : null};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                int[] s = node.shape;
                if (grads.wants(a)) {
                    grads.add(a, a.shape == s ? g : ShapeOps.sumTo(g, s, a.shape));
                }
                if (grads.wants(b)) {
                    double[] minusG = scaled(g, -1.0);
                    grads.add(b, b.shape == s ? minusG : ShapeOps.sumTo(minusG, s, b.shape));
                }
            }
        },
        MUL {
            @Override
            public void recompute(JvmTensor node) {
                combineBinary(node, TIMES);
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? mul(g, b).sumTo(a.shape) : null,
                                        b.requiresGrad ? mul(g, a).sumTo(b.shape) : null};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                int[] s = node.shape;
                if (grads.wants(a)) {
                    double[] gb = combine(g, s, b.data(), b.shape, s, TIMES);
                    grads.add(a, a.shape == s ? gb : ShapeOps.sumTo(gb, s, a.shape));
                }
                if (grads.wants(b)) {
                    double[] ga = combine(g, s, a.data(), a.shape, s, TIMES);
                    grads.add(b, b.shape == s ? ga : ShapeOps.sumTo(ga, s, b.shape));
                }
            }
        },
        DIV {
            @Override
            public void recompute(JvmTensor node) {
                combineBinary(node, OVER);
            }

            // d(a/b)/db = −(a/b)/b: written with a and b, not the output, so the rule stays differentiable
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                return new JvmTensor[] {a.requiresGrad ? div(g, b).sumTo(a.shape) : null,
                                        b.requiresGrad ? div(mul(g, a), mul(b, b)).neg().sumTo(b.shape) : null};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                JvmTensor a = node.parents[0];
                JvmTensor b = node.parents[1];
                int[] s = node.shape;
                if (grads.wants(a)) {
                    grads.add(a, ShapeOps.sumTo(combine(g, s, b.data(), b.shape, s, OVER), s, a.shape));
                }
                if (grads.wants(b)) {
                    double[] ga = combine(g, s, a.data(), a.shape, s, TIMES);
                    double[] bb = combine(b.data(), b.shape, b.data(), b.shape, b.shape, TIMES);
                    grads.add(b, ShapeOps.sumTo(scaled(combine(ga, s, bb, b.shape, s, OVER), -1.0), s, b.shape));
                }
            }
        },
        ADD_SCALAR {
            @Override
            public void recompute(JvmTensor node) {
                shift(node.parents[0].data(), node.param, node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {g};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                grads.add(node.parents[0], g);
            }
        },
        MUL_SCALAR {
            @Override
            public void recompute(JvmTensor node) {
                scale(node.parents[0].data(), node.param, node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mulScalar(g, node.param)};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                grads.add(node.parents[0], scaled(g, node.param));
            }
        },
        DIV_SCALAR {
            @Override
            public void recompute(JvmTensor node) {
                divide(node.parents[0].data(), node.param, node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {divScalar(g, node.param)};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                double[] out = new double[g.length];
                divide(g, node.param, out);
                grads.add(node.parents[0], out);
            }
        },
        SQUARE {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, mulScalar(node.parents[0], 2.0))};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                double[] x = node.parents[0].data();
                double[] out = new double[g.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = g[i] * (x[i] * 2.0);
                }
                grads.add(node.parents[0], out);
            }
        },
        EXP {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, node)};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                double[] y = node.data();
                double[] out = new double[g.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = g[i] * y[i];
                }
                grads.add(node.parents[0], out);
            }
        },
        LOG {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {div(g, node.parents[0])};
            }

            @Override
            public void accumulate(JvmTensor node, double[] g, Gradients grads) {
                double[] x = node.parents[0].data();
                double[] out = new double[g.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = g[i] / x[i];
                }
                grads.add(node.parents[0], out);
            }
        },
        LOG1P {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                return new JvmTensor[] {div(g, addScalar(a, 1.0))};
            }
        },
        EXPM1 {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                return new JvmTensor[] {mul(g, exp(a))};
            }
        },
        SQRT {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {div(mulScalar(g, 0.5), node)};
            }
        },
        SIN {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                return new JvmTensor[] {mul(g, cos(a))};
            }
        },
        COS {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                return new JvmTensor[] {mul(g, sin(a)).neg()};
            }
        },
        TANH {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, addScalar(square(node).neg(), 1.0))};
            }
        },
        SIGMOID {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, mul(node, addScalar(node.neg(), 1.0)))};
            }
        },
        LGAMMA {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, polygamma(0, node.parents[0]))};
            }
        },
        /** ψ⁽ⁿ⁾ with n in {@code param}. */
        POLYGAMMA {
            @Override
            public void recompute(JvmTensor node) {
                polygamma((int) node.param, node.parents[0].data(), node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, polygamma((int) node.param + 1, node.parents[0]))};
            }
        },
        /** x^p with p in {@code param}. */
        POW_SCALAR {
            @Override
            public void recompute(JvmTensor node) {
                powScalar(node.parents[0].data(), node.param, node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                double p = node.param;
                return new JvmTensor[] {p == 0.0 ? mulScalar(g, 0.0) : mul(g, mulScalar(powScalar(node.parents[0], p - 1.0), p))};
            }
        },
        /** a^e with a tensor exponent; ∂/∂e = a^e log a. */
        POW {
            @Override
            public void recompute(JvmTensor node) {
                pow(node.parents[0], node.parents[1], node.shape, node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                JvmTensor e = node.parents[1];
                return new JvmTensor[] {
                    a.requiresGrad ? mul(g, mul(e, pow(a, e.sub(1.0)))).sumTo(a.shape) : null,
                    e.requiresGrad ? mul(g, mul(pow(a, e), log(a))).sumTo(e.shape) : null};
            }
        },
        /** where(condition, a, b): the gradient to a where it was taken, to b elsewhere; none to the condition. */
        WHERE {
            @Override
            public void recompute(JvmTensor node) {
                where(node.parents[0], node.parents[1], node.parents[2], node.shape, node.data());
            }

            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor condition = node.parents[0];
                JvmTensor a = node.parents[1];
                JvmTensor b = node.parents[2];
                return new JvmTensor[] {null,
                    a.requiresGrad ? mul(g, branchMask(condition, node.shape, true)).sumTo(a.shape) : null,
                    b.requiresGrad ? mul(g, branchMask(condition, node.shape, false)).sumTo(b.shape) : null};
            }
        },
        ABS {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, signOf(node.parents[0]))};
            }
        },
        RELU {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                return new JvmTensor[] {mul(g, stepOf(node.parents[0]))};
            }
        },
        SOFTPLUS {
            @Override
            public JvmTensor[] apply(JvmTensor node, JvmTensor g) {
                JvmTensor a = node.parents[0];
                return new JvmTensor[] {mul(g, sigmoid(a))};
            }
        };

        /** A unary operation's replay, by its kernel; the other rules override it. */
        @Override
        public void recompute(JvmTensor node) {
            unary(this, node.parents[0].data(), node.data());
        }

        /** A binary operation's output from its parents' current data. */
        private static void combineBinary(JvmTensor node, int op) {
            JvmTensor a = node.parents[0];
            JvmTensor b = node.parents[1];
            combineInto(a.data(), a.shape, b.data(), b.shape, node.shape, op, node.data());
        }
    }
}
