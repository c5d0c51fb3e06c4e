package dev.hamiltorch.metrics.softabs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** Reference values computed another way than the code under test: commons-math3 and BigDecimal. */
final class Reference {

    private Reference() {
    }

    /** ½ log|G| + ½ pᵀG⁻¹p by LU decomposition. */
    static double kineticEnergy(double[][] g, double[] p) {
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(g));
        double[] u = lu.getSolver().solve(new ArrayRealVector(p)).toArray();
        double quadratic = 0;
        for (int i = 0; i < p.length; i++) {
            quadratic += p[i] * u[i];
        }
        return 0.5 * Math.log(lu.getDeterminant()) + 0.5 * quadratic;
    }

    /** G = Q diag(λ coth(αλ)) Qᵀ for −∇² log π + diag(jitter) = QΛQᵀ. */
    static double[][] softAbsMetric(double[][] hessian, double[] jitter, double alpha) {
        int d = jitter.length;
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = -0.5 * (hessian[i][j] + hessian[j][i]);
            }
            a[i][i] += jitter[i];
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(a));
        double[] soft = eigen.getRealEigenvalues().clone();
        for (int b = 0; b < d; b++) {
            double x = alpha * soft[b];
            soft[b] = x == 0 ? 1 / alpha : soft[b] / Math.tanh(x);
        }
        RealMatrix q = eigen.getV();
        return q.multiply(MatrixUtils.createRealDiagonalMatrix(soft)).multiply(q.transpose()).getData();
    }

    // ---- f(x) = x coth x and its divided differences in BigDecimal ----------------------------------

    /** Working precision: 60 digits plus what the cancellation near x = 0 costs. */
    private static MathContext context(BigDecimal x) {
        int digits = 60;
        if (x.signum() != 0) {
            int exponent = x.precision() - x.scale() - 1; // ⌊log10 |x|⌋
            digits += 2 * Math.max(0, -exponent);
        }
        return new MathContext(digits, RoundingMode.HALF_EVEN);
    }

    /** e^y − 1: the Taylor series for |y| ≤ 1 (no cancellation), else e^y by halving and squaring. */
    private static BigDecimal expm1(BigDecimal y, MathContext mc) {
        if (y.abs().compareTo(BigDecimal.ONE) <= 0) {
            BigDecimal term = y;
            BigDecimal sum = y;
            BigDecimal tiny = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5).multiply(y.abs(), mc);
            for (int k = 2; term.abs().compareTo(tiny) > 0; k++) {
                term = term.multiply(y, mc).divide(BigDecimal.valueOf(k), mc);
                sum = sum.add(term, mc);
            }
            return sum;
        }
        int halvings = 0;
        BigDecimal reduced = y;
        while (reduced.abs().compareTo(BigDecimal.ONE) > 0) {
            reduced = reduced.divide(BigDecimal.valueOf(2), mc);
            halvings++;
        }
        BigDecimal exp = expm1(reduced, mc).add(BigDecimal.ONE);
        for (int i = 0; i < halvings; i++) {
            exp = exp.multiply(exp, mc);
        }
        return exp.subtract(BigDecimal.ONE, mc);
    }

    /** coth x = (e^{2x} + 1)/(e^{2x} − 1), for x ≠ 0; ±1 beyond |x| = 1000, where it is within e^{−2000}. */
    private static BigDecimal coth(BigDecimal x, MathContext mc) {
        if (x.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
            return BigDecimal.valueOf(x.signum());
        }
        BigDecimal e = expm1(x.add(x), mc);
        return e.add(BigDecimal.valueOf(2)).divide(e, mc);
    }

    /** f(x) = x coth x (1 at x = 0). */
    static BigDecimal f(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        MathContext mc = context(x);
        return x.multiply(coth(x, mc), mc);
    }

    /** f'(x) = coth x − x(coth²x − 1) (0 at x = 0). */
    static BigDecimal fPrime(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        MathContext mc = context(x);
        BigDecimal c = coth(x, mc);
        return c.subtract(x.multiply(c.multiply(c, mc).subtract(BigDecimal.ONE), mc), mc);
    }

    /** λ coth(αλ), rounded to double. */
    static double softAbs(double lambda, double alpha) {
        BigDecimal x = new BigDecimal(alpha).multiply(new BigDecimal(lambda));
        return f(x).divide(new BigDecimal(alpha), MathContext.DECIMAL128).doubleValue();
    }

    /** d/dλ [λ coth(αλ)] = f'(αλ), rounded to double. */
    static double derivative(double lambda, double alpha) {
        return fPrime(new BigDecimal(alpha).multiply(new BigDecimal(lambda))).doubleValue();
    }

    /** Jⱼₖ = (λ̃ⱼ − λ̃ₖ)/(λⱼ − λₖ), or f'(αλ) when they are equal, rounded to double. */
    static double dividedDifference(double lambdaJ, double lambdaK, double alpha) {
        if (lambdaJ == lambdaK) {
            return derivative(lambdaJ, alpha);
        }
        BigDecimal a = new BigDecimal(alpha);
        BigDecimal xj = a.multiply(new BigDecimal(lambdaJ));
        BigDecimal xk = a.multiply(new BigDecimal(lambdaK));
        MathContext mc = new MathContext(Math.max(context(xj).getPrecision(), context(xk).getPrecision()) + 40);
        return f(xj).subtract(f(xk), mc).divide(xj.subtract(xk), mc).doubleValue();
    }
}
