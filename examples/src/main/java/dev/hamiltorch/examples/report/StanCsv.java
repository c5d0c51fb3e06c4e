package dev.hamiltorch.examples.report;

import dev.hamiltorch.engine.sampling.ChainSamples;
import dev.hamiltorch.engine.sampling.Samples;
import dev.hamiltorch.examples.workloads.Workload;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes kept draws in Stan's CSV layout: {@code #} comment lines, a header with the sampler columns
 * (ending in {@code __}) and then one column per parameter ({@code theta.1}, … as CmdStan names
 * array elements), one row per kept iteration. One file per chain: {@code FILE} for one chain, else
 * {@code FILE} with {@code -1}, {@code -2}, … before its extension.
 */
public final class StanCsv {

    private StanCsv() {
    }

    /** Writes the draws of every chain of {@code samples}. */
    public static void write(Path file, Workload workload, Samples samples, double stepSize, int steps)
            throws IOException {
        List<Path> files = files(file, samples.numChains());
        for (ChainSamples chain : samples.chains()) {
            Path target = files.get(chain.chain());
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                w.write("# hamiltorch for the JVM\n# workload = " + workload.name() + "\n# chain = "
                        + (chain.chain() + 1) + "\n# num_samples = " + samples.numSamples() + "\n# burn = "
                        + samples.burn() + "\n");
                StringBuilder header = new StringBuilder("lp__,accept_stat__,stepsize__,n_leapfrog__,energy__");
                for (int i = 0; i < chain.dimension(); i++) {
                    header.append(",theta.").append(i + 1);
                }
                w.write(header.append('\n').toString());
                double[] lp = chain.logDensity();
                double[] accept = chain.acceptanceProbability();
                double[] energy = chain.energy();
                double[][] draws = chain.draws();
                for (int k = 0; k < draws.length; k++) {
                    int it = chain.burn() + k;
                    StringBuilder row = new StringBuilder();
                    row.append(lp[it]).append(',').append(accept[it]).append(',').append(stepSize).append(',')
                            .append(steps).append(',').append(energy[it]);
                    for (double v : draws[k]) {
                        row.append(',').append(v);
                    }
                    w.write(row.append('\n').toString());
                }
            }
        }
    }

    /**
     * The files {@link #write} writes for {@code chains} chains: {@code file} itself for one chain, else
     * {@code name-1.csv}, {@code name-2.csv}, … beside it.
     *
     * @param file the file named on the command line
     * @param chains the number of chains
     * @return one file per chain, chain 1 first
     */
    public static List<Path> files(Path file, int chains) {
        if (chains == 1) {
            return List.of(file);
        }
        List<Path> files = new ArrayList<>(chains);
        for (int c = 1; c <= chains; c++) {
            files.add(numbered(file, c));
        }
        return files;
    }

    private static Path numbered(Path file, int chain) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + chain + name.substring(dot) : name + "-" + chain;
        return file.resolveSibling(numbered);
    }
}
