package dev.hamiltorch.engine.bnn;

import dev.hamiltorch.api.model.ParameterBlock;
import dev.hamiltorch.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Independent zero-mean Gaussians on a model's parameters, one precision per block or per element
 * (hamiltorch's {@code tau_list}): log p(θ) = Σᵢ (−½ τᵢ θᵢ² + ½ log τᵢ − ½ log 2π).
 */
public final class GaussianPrior {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** One precision per coordinate of θ. */
    private final double[] precision;
    /** Whether every precision is the same, so the prior needs no vector. */
    private final boolean uniform;
    private final double constant;
    /** The precisions as a constant tensor (null when uniform), made once and shared by every evaluation. */
    private final Tensor precisionTensor;

    private GaussianPrior(double[] precision) {
        this.precision = precision;
        boolean same = true;
        double logSum = 0;
        for (double t : precision) {
            same &= t == precision[0];
            logSum += Math.log(t);
        }
        this.uniform = same;
        this.constant = 0.5 * logSum - 0.5 * precision.length * LOG_2PI;
        this.precisionTensor = same ? null : Tensor.of(precision);
    }

    /**
     * The prior over {@code blocks} with precisions {@code tauList}: one entry per block, each either one
     * value (the block's elements share it) or one value per element of the block; an empty list gives
     * precision 1 everywhere (hamiltorch's default).
     *
     * @throws IllegalArgumentException naming a list of the wrong length, an entry of the wrong length or
     *         a precision that is not finite and positive
     */
    public static GaussianPrior of(List<ParameterBlock> blocks, List<double[]> tauList) {
        int d = 0;
        for (ParameterBlock b : blocks) {
            d += b.size();
        }
        double[] precision = new double[d];
        if (tauList.isEmpty()) {
            Arrays.fill(precision, 1.0);
            return new GaussianPrior(precision);
        }
        if (tauList.size() != blocks.size()) {
            throw new IllegalArgumentException("tauList has " + tauList.size() + " entries: the model has "
                    + blocks.size() + " parameter blocks " + names(blocks) + ", one precision (or one per element)"
                    + " each");
        }
        int at = 0;
        for (int b = 0; b < blocks.size(); b++) {
            double[] tau = tauList.get(b);
            int size = blocks.get(b).size();
            if (tau == null || tau.length != 1 && tau.length != size) {
                throw new IllegalArgumentException("tauList[" + b + "] has " + (tau == null ? "no" : tau.length)
                        + " values: block " + blocks.get(b) + " needs 1 or " + size);
            }
            for (int i = 0; i < size; i++) {
                double t = tau.length == 1 ? tau[0] : tau[i];
                if (!(t > 0) || !Double.isFinite(t)) {
                    throw new IllegalArgumentException("tauList[" + b + "] holds " + t + ": precisions must be finite"
                            + " and positive");
                }
                precision[at + i] = t;
            }
            at += size;
        }
        return new GaussianPrior(precision);
    }

    private static List<String> names(List<ParameterBlock> blocks) {
        List<String> names = new ArrayList<>();
        for (ParameterBlock b : blocks) {
            names.add(b.toString());
        }
        return names;
    }

    /** The number of parameters. */
    public int dimension() {
        return precision.length;
    }

    /** The precision of coordinate {@code i}. */
    public double precision(int i) {
        return precision[i];
    }

    /** log p(θ) for the model's parameter vector θ, differentiable in θ. */
    public Tensor logProb(Tensor theta) {
        Tensor squares = theta.square();
        Tensor weighted = uniform ? squares.sum().mul(precision[0]) : squares.mul(precisionTensor).sum();
        return weighted.mul(-0.5).add(constant);
    }
}
