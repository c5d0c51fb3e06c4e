package dev.hamiltorch.examples.workloads;

import dev.hamiltorch.api.model.Model;
import dev.hamiltorch.api.spi.Likelihood;
import dev.hamiltorch.api.tensor.Tensor;
import dev.hamiltorch.engine.Hamiltorch;
import dev.hamiltorch.engine.bnn.Predictions;
import dev.hamiltorch.engine.nn.Conv2d;
import dev.hamiltorch.engine.nn.Flatten;
import dev.hamiltorch.engine.nn.Linear;
import dev.hamiltorch.engine.nn.MaxPool2d;
import dev.hamiltorch.engine.nn.Module;
import dev.hamiltorch.engine.nn.ReLU;
import dev.hamiltorch.engine.nn.Sequential;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.data.Mnist;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bnn-mnist}: the CNN of hamiltorch's introduction (conv 5×5 1→20, max-pool 2, ReLU, conv 5×5 20→50,
 * max-pool 2, ReLU, flatten, linear 800→500, ReLU, linear 500→10: 431,080 parameters) on MNIST digits with
 * pixels in [0, 1] (or standardised, {@code --pixels standardised}), the categorical likelihood on its logits, priors N(0, 1), HMC with step 0.003 and one
 * leapfrog step, τ_out 1, 3000 samples. Training digits: the first {@code --train} (default 100);
 * validation: the next {@code --val} (default 1000).
 *
 * <p>Quality on the validation digits: {@code val_accuracy_posterior}, the accuracy of the posterior-predictive
 * mean (the softmax probabilities averaged over the draws from iteration 500 on, or over the second half of
 * a run of at most 500 iterations, as {@code posterior_from_iteration} says); {@code val_accuracy_last}, the
 * last draw's accuracy; {@code val_accuracy_every_250}, the accuracy of the single draw at every 250th
 * iteration (250, 500, …).
 */
public final class BnnMnist implements ModelWorkload {

    /** The iteration from which draws enter the posterior-predictive mean. */
    static final int POSTERIOR_FROM = 500;

    private final Module net = network();
    private final Mnist data;
    private final int train;
    private final int val;
    private final long seed;

    /**
     * @param data the digits (the first {@code train} for training, the next {@code val} for validation)
     * @param seed seed of the network's initial parameters
     */
    public BnnMnist(Mnist data, int train, int val, long seed) {
        if (train + val > data.size()) {
            throw new IllegalArgumentException("--train " + train + " and --val " + val + " need " + (train + val)
                    + " digits; the data hold " + data.size());
        }
        this.data = data;
        this.train = train;
        this.val = val;
        this.seed = seed;
    }

    /** The introduction's CNN. */
    static Module network() {
        return Sequential.of(Conv2d.of(1, 20, 5), MaxPool2d.of(2), ReLU.of(), Conv2d.of(20, 50, 5), MaxPool2d.of(2),
                ReLU.of(), Flatten.of(), Linear.of(800, 500), ReLU.of(), Linear.of(500, 10));
    }

    @Override
    public String name() {
        return "bnn-mnist";
    }

    @Override
    public Model model() {
        return net;
    }

    @Override
    public double[] initialParameters() {
        return net.initialParameters(seed).toArray();
    }

    @Override
    public Tensor xTrain() {
        return data.images(0, train);
    }

    @Override
    public Tensor yTrain() {
        return data.labels(0, train);
    }

    @Override
    public String likelihood() {
        return Likelihood.MULTI_CLASS;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("samples", "3000", "step-size", "0.003", "steps", "1", "tau-out", "1", "draws-precision", "float32");
    }

    @Override
    public Map<String, Object> quality(Samples samples, Path plots) {
        Tensor yVal = data.labels(train, train + val);
        Predictions p = Hamiltorch.predictModel(net, samples, data.images(train, train + val), yVal);
        Map<String, Object> q = accuracies(p, yVal.toArray());
        q.put("train_digits", train);
        q.put("val_digits", val);
        return q;
    }

    /**
     * The accuracy block of {@code quality} from predictions of the validation digits: the posterior-predictive
     * mean's accuracy over the draws from iteration {@value #POSTERIOR_FROM} (or the second half of a shorter
     * run), the last draw's, and every 250th draw's.
     */
    public static Map<String, Object> accuracies(Predictions p, double[] labels) {
        int val = labels.length;
        int s = p.draws();
        int[] iteration = p.iteration();
        int last = 0;
        for (int k = 0; k < s; k++) {
            last = Math.max(last, iteration[k]);
        }
        int from = last + 1 > POSTERIOR_FROM ? POSTERIOR_FROM : (last + 1) / 2;
        double[] mean = new double[val * 10];
        int averaged = 0;
        List<Object> every = new ArrayList<>();
        double lastAccuracy = Double.NaN;
        for (int k = 0; k < s; k++) {
            double[] logits = p.outputs(k);
            if (iteration[k] >= from) {
                addSoftmax(logits, mean);
                averaged++;
            }
            if ((iteration[k] + 1) % 250 == 0) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("iteration", iteration[k] + 1);
                row.put("accuracy", accuracy(logits, labels));
                every.add(row);
            }
            if (iteration[k] == last) {
                lastAccuracy = accuracy(logits, labels);
            }
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("val_accuracy_posterior", averaged == 0 ? Double.NaN : accuracy(mean, labels));
        q.put("posterior_from_iteration", from);
        q.put("posterior_draws", averaged);
        q.put("val_accuracy_last", lastAccuracy);
        q.put("val_accuracy_every_250", every);
        return q;
    }

    /** Adds each row's softmax of {@code logits} (rows × 10) into {@code sum}. */
    private static void addSoftmax(double[] logits, double[] sum) {
        for (int n = 0; n < logits.length / 10; n++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                max = Math.max(max, logits[10 * n + c]);
            }
            double z = 0;
            for (int c = 0; c < 10; c++) {
                z += Math.exp(logits[10 * n + c] - max);
            }
            for (int c = 0; c < 10; c++) {
                sum[10 * n + c] += Math.exp(logits[10 * n + c] - max) / z;
            }
        }
    }

    /** The share of rows whose largest score is at their label. */
    static double accuracy(double[] scores, double[] labels) {
        int right = 0;
        for (int n = 0; n < labels.length; n++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (scores[10 * n + c] > scores[10 * n + best]) {
                    best = c;
                }
            }
            right += best == (int) labels[n] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
