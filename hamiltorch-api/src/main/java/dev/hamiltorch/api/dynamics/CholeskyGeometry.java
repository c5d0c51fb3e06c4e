package dev.hamiltorch.api.dynamics;

import dev.hamiltorch.api.Target;
import dev.hamiltorch.api.linalg.Cholesky;
import java.util.random.RandomGenerator;

/**
 * A {@link LazyGeometry} whose metric is held as its Cholesky factor G = LLᵀ: K = ½ log|G| + ½|L⁻¹p|²,
 * ∂H/∂p = G⁻¹p and p = Lz with z ~ N(0, I), written once for the metrics that factorise G. A subclass
 * calls {@link #useFactor} from {@link #computeMetric()}.
 */
public abstract class CholeskyGeometry extends LazyGeometry {

    /** L with G = LLᵀ, once {@link #useFactor} has run. */
    protected Cholesky cholesky;
    private double halfLogDet;
    private final double[] scratch;

    /** @param theta a private copy of θ, kept */
    protected CholeskyGeometry(Target target, double[] theta) {
        super(target, theta);
        scratch = new double[theta.length];
    }

    /** Makes {@code factor} this geometry's metric. */
    protected final void useFactor(Cholesky factor) {
        cholesky = factor;
        halfLogDet = factor.halfLogDeterminant();
    }

    @Override
    protected double kineticEnergyWithMetric(double[] momentum) {
        System.arraycopy(momentum, 0, scratch, 0, dimension);
        cholesky.solveLower(scratch, 0);
        double quadratic = 0;
        for (double y : scratch) {
            quadratic += y * y;
        }
        return halfLogDet + 0.5 * quadratic;
    }

    @Override
    protected void velocityWithMetric(double[] momentum, double[] out) {
        System.arraycopy(momentum, 0, out, 0, dimension);
        cholesky.solve(out, 0);
    }

    @Override
    protected void sampleMomentumWithMetric(RandomGenerator rng, double[] out) {
        for (int i = 0; i < dimension; i++) {
            scratch[i] = rng.nextGaussian();
        }
        cholesky.multiplyLower(scratch, out);
    }
}
