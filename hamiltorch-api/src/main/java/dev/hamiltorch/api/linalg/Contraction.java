package dev.hamiltorch.api.linalg;

/**
 * The two contractions a Riemannian Hamiltonian's ∂H/∂θ is made of: Σⱼₖ Sⱼₖ Aⱼₖ (the trace term
 * tr(S A) for a symmetric S) and the quadratic form uᵀAu, on square arrays, summed in row order.
 */
public final class Contraction {

    private Contraction() {
    }

    /** Σⱼₖ Sⱼₖ Aⱼₖ, which is tr(S A) when S is symmetric. */
    public static double frobenius(double[][] s, double[][] a) {
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            double[] sj = s[j];
            double[] aj = a[j];
            for (int k = 0; k < sj.length; k++) {
                sum += sj[k] * aj[k];
            }
        }
        return sum;
    }

    /** uᵀAu = Σⱼ uⱼ (Σₖ Aⱼₖ uₖ). */
    public static double quadraticForm(double[][] a, double[] u) {
        double sum = 0;
        for (int j = 0; j < u.length; j++) {
            double[] aj = a[j];
            double row = 0;
            for (int k = 0; k < u.length; k++) {
                row += aj[k] * u[k];
            }
            sum += u[j] * row;
        }
        return sum;
    }
}
