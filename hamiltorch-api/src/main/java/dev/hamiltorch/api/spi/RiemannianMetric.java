package dev.hamiltorch.api.spi;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.dynamics.CachedRiemannianHamiltonian;
import dev.hamiltorch.api.dynamics.CholeskyGeometry;
import dev.hamiltorch.api.dynamics.Jitter;
import dev.hamiltorch.api.dynamics.RiemannianHamiltonian;
import dev.hamiltorch.api.kernel.Event;
import dev.hamiltorch.api.linalg.Cholesky;
import dev.hamiltorch.api.linalg.Contraction;
import java.util.List;

/**
 * A Riemannian metric plugin given by its metric tensor G(θ) and the derivative ∂G/∂θ alone; this class
 * does the rest of H(θ, p) = −log π(θ) + ½ log|G(θ)| + ½ pᵀG(θ)⁻¹p (Girolami &amp; Calderhead 2011): the
 * Cholesky factorisation of G, ½ log|G|, u = G⁻¹p, momentum p ~ N(0, G), and
 * <pre>  ∂H/∂θᵢ = −∂ᵢ log π + ½ tr(G⁻¹ ∂ᵢG) − ½ uᵀ(∂ᵢG)u,</pre>
 * with jitter, caching per θ (G and its factor once per position, ∂G once more when ∂H/∂θ is first
 * needed) and failures reported as data ({@link RiemannianHamiltonian.Geometry#failure()}), never thrown.
 *
 * <p>A subclass names itself, declares in {@link #requiredDerivatives()} what {@link Point} asks of the
 * target (so that a target without them is refused before sampling), writes G into {@link #metric} and
 * ∂G into {@link #metricDerivative}. A metric that is a tensor function of θ extends
 * {@link TensorRiemannianMetric} instead and gets ∂G from automatic differentiation.
 *
 * <p>Jitter: with the option {@code jitter} &gt; 0 ({@link Jitter}) each trajectory draws d = jitter · U(0,1)ᴰ
 * once and factorises G + diag(d); where that is not positive-definite, G + diag(10ᵏd) for k = 1, 2, … up to
 * {@code jitterMaxTries} attempts in all, so that H stays one deterministic function of
 * θ within the trajectory. Failures: a G still not positive-definite gives
 * {@link Event#NON_SPD_METRIC}; a non-finite log density, G or ∂G {@link Event#INVALID_LOG_PROB}; a
 * {@link DomainException} thrown by {@link #metric} or {@link #metricDerivative} {@link Event#DOMAIN_ERROR}.
 */
public abstract class RiemannianMetric implements Metric {

    /** Factor by which the drawn jitter grows on each further attempt to make G positive-definite. */
    public static final double JITTER_GROWTH = 10.0;

    /** For subclasses, which {@link java.util.ServiceLoader} creates with their no-argument constructor. */
    protected RiemannianMetric() {
    }

    /**
     * Writes G(θ), symmetric positive-definite, into {@code g} (D×D, all zeros on entry). Only the lower
     * triangle is read.
     */
    protected abstract void metric(Point at, double[][] g);

    /**
     * Writes ∂G/∂θ into {@code dg} (D×D×D, all zeros on entry): {@code dg[i][j][k]} = ∂Gⱼₖ/∂θᵢ, each slice
     * symmetric. Called once per position, when ∂H/∂θ is first needed there, after {@link #metric}.
     */
    protected abstract void metricDerivative(Point at, double[][][] dg);

    /**
     * The jitter options ({@link Jitter#OPTIONS}); a subclass with options of its own adds them to these
     * and reads them in {@link #metric} through {@link Point#options()}.
     */
    @Override
    public List<PluginOption<?>> options() {
        return Jitter.OPTIONS;
    }

    /**
     * This metric's Hamiltonian on {@code target}, without jitter until
     * {@link RiemannianHamiltonian#forTrajectory} draws it.
     */
    @Override
    public RiemannianHamiltonian hamiltonian(Target target, PluginOptions options) {
        return new MetricHamiltonian(target, options, null);
    }

    /**
     * What {@link #metric} and {@link #metricDerivative} may read at one θ: θ, log π, ∇ log π, and, computed
     * on first request and kept, ∇² log π and the third derivatives (which the metric must declare in
     * {@link #requiredDerivatives()}). Arrays returned are shared and must not be modified.
     */
    public static final class Point {
        private final Target target;
        private final PluginOptions options;
        private final double[] theta;
        private final double logDensity;
        private final double[] gradient;
        private double[][] hessian;
        private double[][][] third;

        Point(Target target, PluginOptions options, double[] theta, double logDensity, double[] gradient) {
            this.target = target;
            this.options = options;
            this.theta = theta;
            this.logDensity = logDensity;
            this.gradient = gradient;
        }

        /** θ. */
        public double[] position() {
            return theta;
        }

        /** log π(θ). */
        public double logDensity() {
            return logDensity;
        }

        /** ∇ log π(θ). */
        public double[] gradient() {
            return gradient;
        }

        /**
         * ∇² log π(θ), symmetrised as ½(A + Aᵀ) where the target's rows and columns differ (autodiff's may, in
         * the last bits); the target's own array when it is symmetric already.
         */
        public double[][] hessian() {
            if (hessian == null) {
                double[][] h = target.hessian(theta);
                hessian = isSymmetric(h) ? h : symmetricPart(h);
            }
            return hessian;
        }

        private static boolean isSymmetric(double[][] a) {
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (Double.doubleToRawLongBits(a[i][j]) != Double.doubleToRawLongBits(a[j][i])) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static double[][] symmetricPart(double[][] h) {
            int n = h.length;
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0.5 * (h[i][j] + h[j][i]);
                    s[i][j] = v;
                    s[j][i] = v;
                }
            }
            return s;
        }

        /** Tᵢⱼₖ = ∂ᵢ∂ⱼ∂ₖ log π(θ). */
        public double[][][] thirdDerivatives() {
            if (third == null) {
                third = target.thirdDerivatives(theta);
            }
            return third;
        }

        /** The run's plugin options, where the metric reads its own ({@link PluginOptions#get}). */
        public PluginOptions options() {
            return options;
        }

        /** The target, for what the accessors above do not cover. */
        public Target target() {
            return target;
        }
    }

    /** H with G from the enclosing metric, cached per position. */
    private final class MetricHamiltonian extends CachedRiemannianHamiltonian {

        private final PluginOptions options;

        MetricHamiltonian(Target target, PluginOptions options, double[] jitter) {
            super(target, Jitter.of(options), jitter);
            this.options = options;
        }

        @Override
        protected CachedRiemannianHamiltonian withJitter(double[] jitter) {
            return new MetricHamiltonian(target, options, jitter);
        }

        @Override
        protected Geometry newGeometry(double[] theta) {
            return new MetricGeometry(theta);
        }

        /** The metric at one θ. */
        private final class MetricGeometry extends CholeskyGeometry {

            private final Point point;
            /** ∂ᵢGⱼₖ. */
            private double[][][] dg;
            /** ½ tr(G⁻¹ ∂ᵢG). */
            private double[] halfTrace;
            private final double[] u;

            MetricGeometry(double[] theta) {
                super(MetricHamiltonian.this.target, theta);
                point = new Point(target, options, theta, logDensity, gradient);
                u = new double[dimension];
            }

            @Override
            protected Event computeMetric() {
                double[][] g = new double[dimension][dimension];
                try {
                    metric(point, g);
                } catch (DomainException e) {
                    return Event.DOMAIN_ERROR;
                }
                for (int i = 0; i < dimension; i++) {
                    for (int j = 0; j <= i; j++) {
                        if (!Double.isFinite(g[i][j])) {
                            return Event.INVALID_LOG_PROB;
                        }
                    }
                }
                if (!MetricHamiltonian.this.jittered) {
                    return factorise(g) ? null : Event.NON_SPD_METRIC;
                }
                double[][] withJitter = new double[dimension][dimension];
                double scale = 1.0;
                for (int attempt = 0; attempt < jitterOptions.maxTries(); attempt++) {
                    for (int i = 0; i < dimension; i++) {
                        System.arraycopy(g[i], 0, withJitter[i], 0, i);
                        withJitter[i][i] = g[i][i] + scale * jitter[i];
                    }
                    if (factorise(withJitter)) {
                        return null;
                    }
                    // a deterministic function of this trajectory's jitter keeps H one function of θ
                    scale *= JITTER_GROWTH;
                }
                return Event.NON_SPD_METRIC;
            }

            /** Factorises {@code a} (its lower triangle) into the geometry's Cholesky factor; false if not SPD. */
            private boolean factorise(double[][] a) {
                Cholesky factor = Cholesky.tryDecompose(a);
                if (factor == null) {
                    return false;
                }
                useFactor(factor);
                return true;
            }

            @Override
            protected Event computeDerivatives() {
                double[][][] d = new double[dimension][dimension][dimension];
                try {
                    metricDerivative(point, d);
                } catch (DomainException e) {
                    return Event.DOMAIN_ERROR;
                }
                if (!allFinite(d)) {
                    return Event.INVALID_LOG_PROB;
                }
                dg = d;
                double[][] inverse = cholesky.inverse();
                halfTrace = new double[dimension];
                for (int i = 0; i < dimension; i++) {
                    halfTrace[i] = 0.5 * Contraction.frobenius(inverse, d[i]);
                }
                return null;
            }

            @Override
            protected void positionGradientWithDerivatives(double[] momentum, double[] out) {
                velocityWithMetric(momentum, u);
                for (int i = 0; i < dimension; i++) {
                    out[i] = -gradient[i] + halfTrace[i] - 0.5 * Contraction.quadraticForm(dg[i], u);
                }
            }

        }
    }
}
