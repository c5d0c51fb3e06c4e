package dev.hamiltorch.engine.metric;

/** The same metric with ∂G written by hand: ∂ᵢGⱼₖ = Σₙ Xₙᵢ σₙ(1 − σₙ)(1 − 2σₙ) XₙⱼXₙₖ. */
public final class FisherPlusPriorHandDerivative extends FisherPlusPriorMetric {
    @Override
    protected void metricDerivative(Point at, double[][][] dg) {
        double[] theta = at.position();
        for (double[] row : DESIGN) {
            double eta = row[0] * theta[0] + row[1] * theta[1];
            double s = 1 / (1 + Math.exp(-eta));
            double w = s * (1 - s) * (1 - 2 * s);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    for (int k = 0; k < 2; k++) {
                        dg[i][j][k] += row[i] * w * row[j] * row[k];
                    }
                }
            }
        }
    }
}
