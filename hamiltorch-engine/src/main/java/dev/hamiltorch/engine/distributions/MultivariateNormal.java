package dev.hamiltorch.engine.distributions;

import dev.hamiltorch.api.DomainException;
import dev.hamiltorch.api.linalg.Cholesky;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.autodiff.ConstantCovarianceNormal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The d-dimensional normal distribution with mean μ ({@code loc}, a vector [d]) and covariance Σ
 * (symmetric positive-definite [d, d]):
 * <pre>  log p(x) = −½ ((x − μ)ᵀ Σ⁻¹ (x − μ) + log det Σ + d log 2π),   x ∈ ℝᵈ.</pre>
 *
 * <p>Σ may be given directly ({@link #of}), as its lower-triangular Cholesky factor L with Σ = LLᵀ
 * ({@link #ofScaleTril}), or through the precision P = Σ⁻¹ ({@link #ofPrecision}, which needs neither
 * a solve nor an inverse: the quadratic form is (x − μ)ᵀ P (x − μ) and log det Σ = −log det P). The
 * covariance forms use the Cholesky-based {@link Tensor#solve} and {@link Tensor#logdet}; a constant
 * covariance or factor (the usual case: Σ given as data) is factored once and evaluated as one operation,
 * {@link ConstantCovarianceNormal}, whose gradient takes two triangular solves.
 *
 * <p>{@code logProb} takes a vector [d], giving a scalar, or a batch [..., d] of vectors along the last
 * axis, giving one log density per vector (shape [...]).
 */
public final class MultivariateNormal implements Distribution {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final Tensor loc;
    private final Tensor covariance;
    private final Tensor precision;
    private final int dim;
    /** The density for a constant Σ, factored once; null when Σ requires gradients or P was given. */
    private final ConstantCovarianceNormal constant;

    private MultivariateNormal(Tensor loc, Tensor covariance, Tensor precision, int dim,
                               ConstantCovarianceNormal constant) {
        this.loc = loc;
        this.covariance = covariance;
        this.precision = precision;
        this.dim = dim;
        this.constant = constant;
    }

    /** N(loc, covariance); a constant covariance must be symmetric positive-definite. */
    public static MultivariateNormal of(Tensor loc, Tensor covariance) {
        int d = dimension(loc);
        checkSquare("covariance", covariance, d);
        if (covariance.requiresGrad()) {
            return new MultivariateNormal(loc, covariance, null, d, null);
        }
        checkPositiveDefinite("covariance", covariance.toArray(), d);
        return new MultivariateNormal(loc, covariance, null, d, ConstantCovarianceNormal.ofCovariance(covariance));
    }

    /**
     * N(loc, LLᵀ) for the lower-triangular {@code scaleTril} L; a constant L must have zeros above and
     * positive entries on its diagonal.
     */
    public static MultivariateNormal ofScaleTril(Tensor loc, Tensor scaleTril) {
        int d = dimension(loc);
        checkSquare("scaleTril", scaleTril, d);
        Tensor covariance = scaleTril.matmul(scaleTril.transpose());
        if (scaleTril.requiresGrad()) {
            return new MultivariateNormal(loc, covariance, null, d, null);
        }
        checkLowerCholesky(scaleTril.toArray(), d);
        return new MultivariateNormal(loc, covariance, null, d, ConstantCovarianceNormal.ofScaleTril(scaleTril));
    }

    /** N(loc, precision⁻¹); a constant precision must be symmetric positive-definite. */
    public static MultivariateNormal ofPrecision(Tensor loc, Tensor precision) {
        int d = dimension(loc);
        checkSquare("precision", precision, d);
        if (!precision.requiresGrad()) {
            checkPositiveDefinite("precision", precision.toArray(), d);
        }
        return new MultivariateNormal(loc, null, precision, d, null);
    }

    public static MultivariateNormal of(double[] loc, double[][] covariance) {
        return of(Tensor.of(loc), Tensor.of(covariance));
    }

    public static MultivariateNormal ofScaleTril(double[] loc, double[][] scaleTril) {
        return ofScaleTril(Tensor.of(loc), Tensor.of(scaleTril));
    }

    public static MultivariateNormal ofPrecision(double[] loc, double[][] precision) {
        return ofPrecision(Tensor.of(loc), Tensor.of(precision));
    }

    public Tensor loc() {
        return loc;
    }

    /** The covariance Σ, computed as P⁻¹ (with {@link Tensor#solve}) if the precision P was given. */
    public Tensor covariance() {
        return covariance != null ? covariance : precision.solve(Tensor.of(identity(dim), dim, dim));
    }

    /** The dimension d. */
    public int dimension() {
        return dim;
    }

    @Override
    public Tensor logProb(Tensor value) {
        Objects.requireNonNull(value, "value");
        int[] shape = value.shape();
        if (shape.length == 0 || shape[shape.length - 1] != dim) {
            throw new IllegalArgumentException("MultivariateNormal: value must have shape [..., " + dim
                    + "], got " + Arrays.toString(shape));
        }
        if (constant != null) {
            Tensor fused = constant.logProb(value, loc);
            if (fused != null) {
                return fused;
            }
        }
        int[] batch = Arrays.copyOf(shape, shape.length - 1);
        int n = value.size() / dim;
        // one column per vector, so a single solve or product handles the whole batch
        Tensor diffT = value.reshape(n, dim).sub(loc).transpose();
        Tensor weighted = covariance != null ? covariance.solve(diffT) : precision.matmul(diffT);
        Tensor quadratic = weighted.mul(diffT).sum(0);
        Tensor logDet = covariance != null ? covariance.logdet() : precision.logdet().neg();
        return quadratic.add(logDet).add(dim * LOG_TWO_PI).mul(-0.5).reshape(batch);
    }

    @Override
    public String toString() {
        return "MultivariateNormal(loc=" + loc + ", "
                + (covariance != null ? "covariance=" + covariance : "precision=" + precision) + ")";
    }

    // ---- checks ----------------------------------------------------------------------------------------

    private static int dimension(Tensor loc) {
        Params.real("MultivariateNormal", "loc", loc);
        if (loc.rank() != 1 || loc.size() == 0) {
            throw new IllegalArgumentException("MultivariateNormal: loc must be a non-empty vector, got shape "
                    + Arrays.toString(loc.shape()));
        }
        return loc.size();
    }

    private static void checkSquare(String name, Tensor m, int d) {
        Objects.requireNonNull(m, name);
        if (!Arrays.equals(m.shape(), new int[] {d, d})) {
            throw new IllegalArgumentException("MultivariateNormal: " + name + " must have shape [" + d + ", "
                    + d + "] to match loc, got " + Arrays.toString(m.shape()));
        }
        Params.real("MultivariateNormal", name, m);
    }

    private static void checkPositiveDefinite(String name, double[] a, int d) {
        double largest = 0;
        for (double v : a) {
            largest = Math.max(largest, Math.abs(v));
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                // relative tolerance: a product such as A·Aᵀ may round differently on either side
                if (Math.abs(a[i * d + j] - a[j * d + i]) > 1e-10 * largest) {
                    throw new DomainException("MultivariateNormal: " + name + " must be symmetric, got "
                            + name + "[" + i + ", " + j + "] = " + a[i * d + j] + " but " + name + "[" + j
                            + ", " + i + "] = " + a[j * d + i]);
                }
            }
        }
        // Cholesky on the lower triangle: a non-positive pivot means the matrix is not positive-definite
        double[] l = a.clone();
        int failed = Cholesky.factorLower(l, d);
        if (failed >= 0) {
            throw new DomainException("MultivariateNormal: " + name + " must be positive-definite, its Cholesky pivot "
                    + failed + " is " + l[failed * d + failed]);
        }
    }

    private static void checkLowerCholesky(double[] l, int d) {
        for (int i = 0; i < d; i++) {
            if (!(l[i * d + i] > 0)) {
                throw new DomainException("MultivariateNormal: scaleTril must have a positive diagonal, got "
                        + "scaleTril[" + i + ", " + i + "] = " + l[i * d + i]);
            }
            for (int j = i + 1; j < d; j++) {
                if (l[i * d + j] != 0) {
                    throw new IllegalArgumentException("MultivariateNormal: scaleTril must be lower-triangular, got "
                            + "scaleTril[" + i + ", " + j + "] = " + l[i * d + j]);
                }
            }
        }
    }

    private static double[] identity(int d) {
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            eye[i * d + i] = 1.0;
        }
        return eye;
    }
}
