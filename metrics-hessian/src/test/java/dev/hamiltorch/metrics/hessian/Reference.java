package dev.hamiltorch.metrics.hessian;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** K(θ, p) from an explicit G by commons-math3, independently of the code under test. */
final class Reference {

    private Reference() {
    }

    /** ½ log|G| + ½ pᵀG⁻¹p by LU decomposition. */
    static double kineticEnergy(double[][] g, double[] p) {
        RealMatrix m = new Array2DRowRealMatrix(g);
        LUDecomposition lu = new LUDecomposition(m);
        double[] u = lu.getSolver().solve(new ArrayRealVector(p)).toArray();
        double quadratic = 0;
        for (int i = 0; i < p.length; i++) {
            quadratic += p[i] * u[i];
        }
        return 0.5 * Math.log(lu.getDeterminant()) + 0.5 * quadratic;
    }

    /** −∇² log π + diag(jitter). */
    static double[][] hessianMetric(double[][] hessian, double[] jitter) {
        int d = jitter.length;
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                g[i][j] = -hessian[i][j];
            }
            g[i][i] += jitter[i];
        }
        return g;
    }
}
