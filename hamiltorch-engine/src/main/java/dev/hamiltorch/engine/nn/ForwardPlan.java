package dev.hamiltorch.engine.nn;

import dev.hamiltorch.api.tensor.SlidingWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network of the engine's own layers described as a list of steps, each with where its weights start in
 * θ: what an inference engine needs to run the forward pass with its own kernels, without the tensor
 * graph (no tape, no gradient bookkeeping). Only networks built from {@link Sequential}, {@link Conv2d},
 * {@link MaxPool2d} and {@link AvgPool2d} without padding, {@link ReLU}, {@link Tanh}, {@link Sigmoid},
 * {@link Flatten}, {@link Linear} and {@link LogSoftmax} over the last axis have a plan; any other module
 * (one's own, padded pooling) runs through {@link Module#forward} instead.
 *
 * @param steps the steps in the order they apply
 * @param parameterCount the length of θ
 */
public record ForwardPlan(List<Step> steps, int parameterCount) {

    /** @throws IllegalArgumentException if the list is empty */
    public ForwardPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps: a plan needs at least one step");
        }
    }

    /** One step of the forward pass. */
    public sealed interface Step permits Convolution, Pooling2d, Activation, FlattenRows, Affine, LogSoftmaxRows {
    }

    /**
     * A convolution with zero padding: weight (out × in × kh × kw) at θ[weight…], bias (out) at θ[bias…] or
     * bias −1 when it has none.
     *
     * @param inChannels C
     * @param outChannels O
     * @param window kernel, strides and padding
     * @param weight offset of the weight in θ
     * @param bias offset of the bias in θ, or −1
     */
    public record Convolution(int inChannels, int outChannels, SlidingWindow window, int weight, int bias)
            implements Step {
    }

    /**
     * A pooling without padding.
     *
     * @param max the maximum of each window, else its mean
     * @param window kernel and strides
     */
    public record Pooling2d(boolean max, SlidingWindow window) implements Step {
    }

    /** An elementwise activation. */
    public record Activation(Kind kind) implements Step {

        /** The activations a plan knows. */
        public enum Kind {
            /** max(0, x) */
            RELU,
            /** tanh x */
            TANH,
            /** 1 / (1 + e^−x) */
            SIGMOID
        }
    }

    /** N × … → N × (the product of the rest). */
    public record FlattenRows() implements Step {
    }

    /**
     * x Wᵀ + b on rows: weight (out × in) at θ[weight…], bias (out) at θ[bias…] or −1.
     *
     * @param inFeatures in
     * @param outFeatures out
     * @param weight offset of the weight in θ
     * @param bias offset of the bias in θ, or −1
     */
    public record Affine(int inFeatures, int outFeatures, int weight, int bias) implements Step {
    }

    /** log softmax along the last axis of N × K rows. */
    public record LogSoftmaxRows() implements Step {
    }

    /** The plan of {@code module}, or empty when it holds a module a plan does not describe. */
    public static Optional<ForwardPlan> of(Module module) {
        Objects.requireNonNull(module, "module");
        List<Step> steps = new ArrayList<>();
        if (!add(module, 0, steps)) {
            return Optional.empty();
        }
        return Optional.of(new ForwardPlan(steps, module.parameterCount()));
    }

    /** Adds the steps of {@code m}, whose parameters start at θ[offset]; false if it has no plan. */
    private static boolean add(Module m, int offset, List<Step> steps) {
        if (m instanceof Sequential s) {
            int at = offset;
            for (Module child : s.children()) {
                if (!add(child, at, steps)) {
                    return false;
                }
                at += child.parameterCount();
            }
            return true;
        }
        if (m instanceof Conv2d c) {
            int weight = c.inChannels * c.outChannels * c.window.kernelHeight() * c.window.kernelWidth();
            steps.add(new Convolution(c.inChannels, c.outChannels, c.window, offset, c.hasBias() ? offset + weight : -1));
            return true;
        }
        if (m instanceof Linear l) {
            int weight = l.inFeatures * l.outFeatures;
            steps.add(new Affine(l.inFeatures, l.outFeatures, offset, l.hasBias() ? offset + weight : -1));
            return true;
        }
        if (m instanceof Pooling p) {
            if (p.window.paddingHeight() != 0 || p.window.paddingWidth() != 0) {
                return false;
            }
            steps.add(new Pooling2d(p instanceof MaxPool2d, p.window));
            return true;
        }
        if (m instanceof ReLU) {
            steps.add(new Activation(Activation.Kind.RELU));
            return true;
        }
        if (m instanceof Tanh) {
            steps.add(new Activation(Activation.Kind.TANH));
            return true;
        }
        if (m instanceof Sigmoid) {
            steps.add(new Activation(Activation.Kind.SIGMOID));
            return true;
        }
        if (m instanceof Flatten) {
            steps.add(new FlattenRows());
            return true;
        }
        if (m instanceof LogSoftmax ls && ls.lastAxis()) {
            steps.add(new LogSoftmaxRows());
            return true;
        }
        return false;
    }
}
