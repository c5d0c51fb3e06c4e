package dev.hamiltorch.engine.autodiff;

import dev.hamiltorch.api.LogDensity;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle's derivatives on composite log densities: the Hessian against central differences of
 * the gradient, and the third-order contraction c(S)_i = ∂_i tr(S ∇² log π) against central
 * differences of tr(S ∇² log π), for a random symmetric S.
 */
class ThirdOrderContractionTest {

    private static final double H = 1e-5;

    private static final double[][] EYE3 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    /** Neal's funnel: v ~ N(0, 3²), xᵢ ~ N(0, e^{−v}); θ = (v, x₁, x₂, x₃). */
    static final LogDensity FUNNEL = theta -> {
        Tensor v = theta.index(0);
        Tensor x = theta.slice(0, 1, 4);
        return v.square().mul(-1.0 / 18).add(x.square().mul(v.exp()).mul(-0.5).add(v.mul(0.5)).sum());
    };

    private static final Tensor DESIGN = Tensor.of(new double[][] {
        {1.0, 0.3, -1.2}, {1.0, -0.8, 0.4}, {1.0, 1.5, 0.9}, {1.0, -0.2, -0.7}, {1.0, 0.6, 2.1}, {1.0, -1.9, 0.1}});
    private static final Tensor LABELS = Tensor.of(1, 0, 1, 0, 1, 0);

    /** Bayesian logistic regression: Σ y log σ(z) − (1 − y) softplus(z) with z = Xθ, prior N(0, 2²). */
    static final LogDensity LOGISTIC = theta -> {
        Tensor z = DESIGN.matvec(theta);
        Tensor ll = LABELS.mul(z.sigmoid().log()).sub(LABELS.neg().add(1.0).mul(z.softplus())).sum();
        return ll.sub(theta.square().sum().mul(0.5 / 4));
    };

    private static final Tensor P = Tensor.of(0.1, 0.2, 0.3, 0.4);

    /** A Dirichlet log density in α = e^θ at fixed p, log-sum-exp terms over all and per row, and ψ(α). */
    static final LogDensity DIRICHLET_LSE = theta -> {
        Tensor alpha = theta.exp();
        Tensor dirichlet = alpha.sum().lgamma().sub(alpha.lgamma().sum()).add(alpha.sub(1.0).mul(P.log()).sum());
        return dirichlet.add(theta.reshape(2, 2).logSumExp(1).mul(Tensor.of(0.7, -0.4)).sum())
                .sub(theta.mul(1.3).logSumExp()).add(alpha.digamma().mul(0.1).sum());
    };

    private static final Tensor B0 = Tensor.of(new double[][] {{0.9, 0.0, 0.0}, {0.3, 0.7, 0.0}, {-0.4, 0.2, 0.5}});
    private static final Tensor Y = Tensor.of(0.8, -1.1, 0.5);

    private static Tensor covariance(Tensor theta) {
        return B0.matmul(B0.transpose()).add(Tensor.of(EYE3).mul(theta.exp()));
    }

    /** log N(y; 0, Σ(θ)) with Σ = B₀B₀ᵀ + diag(e^θ), by logdet and solve. */
    static final LogDensity GAUSSIAN_LOGDET = theta -> {
        Tensor sigma = covariance(theta);
        return sigma.logdet().add(Y.dot(sigma.solve(Y))).mul(-0.5);
    };

    /** The same density with log|Σ| from the Cholesky factor's diagonal and a matrix right-hand side. */
    static final LogDensity GAUSSIAN_CHOLESKY = theta -> {
        Tensor sigma = covariance(theta);
        Tensor logDiag = sigma.cholesky().mul(Tensor.of(EYE3)).sum(1).log().sum();
        Tensor quad = Y.reshape(3, 1).transpose().matmul(sigma.solve(Y.reshape(3, 1))).sum();
        return logDiag.add(quad.mul(0.5)).neg();
    };

    /** Shape operations, where, max, pow and tanh in one density. */
    static final LogDensity MIXED = theta -> {
        Tensor a = Tensor.stack(0, theta.index(0).mul(theta.index(1)), theta.index(2).tanh(), theta.index(3).exp());
        Tensor b = Tensor.concat(0, theta.slice(0, 0, 2).square(), theta.slice(0, 2, 4).pow(3.0));
        Tensor w = Tensor.where(Tensor.of(1, 0, 1, 1), b, b.sin());
        return a.max().add(w.mul(a.sum()).sum()).add(theta.add(3.0).pow(Tensor.of(0.5, 1.5, 2.5, -0.5)).sum())
                .add(w.reshape(2, 2).max(1).sum());
    };

    static Stream<Arguments> densities() {
        return Stream.of(
                Arguments.of(Named.of("funnel", FUNNEL), new double[] {0.4, -0.7, 1.2, 0.3}),
                Arguments.of(Named.of("logistic regression (sigmoid, softplus)", LOGISTIC), new double[] {0.2, -0.5, 0.8}),
                Arguments.of(Named.of("Dirichlet (lgamma) + logSumExp", DIRICHLET_LSE), new double[] {0.3, -0.2, 0.5, 0.1}),
                Arguments.of(Named.of("Gaussian with logdet and solve", GAUSSIAN_LOGDET), new double[] {-0.3, 0.2, 0.1}),
                Arguments.of(Named.of("Gaussian with cholesky and matrix solve", GAUSSIAN_CHOLESKY), new double[] {-0.3, 0.2, 0.1}),
                Arguments.of(Named.of("stack, concat, where, max, pow, tanh", MIXED), new double[] {0.4, -0.6, 0.9, 0.2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("densities")
    void hessianMatchesFiniteDifferencesOfTheGradient(LogDensity density, double[] theta) {
        AutodiffTarget t = new AutodiffTarget(density, theta.length);
        double[][] h = t.hessian(theta);
        int d = theta.length;
        for (int i = 0; i < d; i++) {
            double[] gp = new double[d];
            double[] gm = new double[d];
            t.logDensityAndGradient(shifted(theta, i, H), gp);
            t.logDensityAndGradient(shifted(theta, i, -H), gm);
            double[] column = new double[d];
            double[] analytic = new double[d];
            for (int j = 0; j < d; j++) {
                column[j] = (gp[j] - gm[j]) / (2 * H);
                analytic[j] = h[j][i];
            }
            DerivativeCheck.assertClose("Hessian column " + i, column, analytic, 1e-6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("densities")
    void contractionMatchesFiniteDifferencesOfTraceSH(LogDensity density, double[] theta) {
        int d = theta.length;
        AutodiffTarget t = new AutodiffTarget(density, d);
        for (long seed = 1; seed <= 3; seed++) {
            double[][] s = randomSymmetric(d, seed);
            double[] c = t.thirdOrderContraction(theta, s);
            double[] numeric = new double[d];
            for (int i = 0; i < d; i++) {
                numeric[i] = (traceSH(t, shifted(theta, i, H), s) - traceSH(t, shifted(theta, i, -H), s)) / (2 * H);
            }
            DerivativeCheck.assertClose("c(S), seed " + seed, numeric, c, 1e-6);
        }
    }

    private static double traceSH(AutodiffTarget t, double[] theta, double[][] s) {
        double[][] h = t.hessian(theta);
        double tr = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                tr += s[i][j] * h[j][i];
            }
        }
        return tr;
    }

    private static double[][] randomSymmetric(int d, long seed) {
        Random r = new Random(seed);
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] = s[j][i] = r.nextGaussian();
            }
        }
        return s;
    }

    private static double[] shifted(double[] x, int i, double h) {
        double[] y = x.clone();
        y[i] += h;
        return y;
    }
}
