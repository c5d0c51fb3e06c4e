package dev.hamiltorch.examples.cli;

import dev.hamiltorch.examples.data.Mnist;
import dev.hamiltorch.examples.workloads.BnnMnist;
import dev.hamiltorch.examples.workloads.ModelWorkload;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the {@code bnn-mnist} workload from its options. */
final class BnnMnistRun {

    private BnnMnistRun() {
    }

    /** The digits: the shipped 10,000, or {@code --data FOLDER} of the standard MNIST files. */
    static ModelWorkload workload(Options o) throws UsageException {
        int train = ModelRuns.positive(o, "train", 100);
        int val = ModelRuns.positive(o, "val", 1000);
        if (o.has("hidden")) {
            throw new UsageException("option --hidden applies to bnn-regression; bnn-mnist's network is fixed");
        }
        Mnist data;
        try {
            data = o.has("data") ? Mnist.folder(Runner.path(o, "data")) : Mnist.shipped();
        } catch (IOException e) {
            throw new UsageException("option --data: " + e.getMessage());
        }
        String pixels = o.string("pixels", "unit");
        switch (pixels) {
            case "unit" -> { }
            case "standardised" -> data = data.standardised();
            default -> throw new UsageException("option --pixels needs unit or standardised, got '" + pixels + "'");
        }
        try {
            return new BnnMnist(data, train, val, o.longValue("seed", 123));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
