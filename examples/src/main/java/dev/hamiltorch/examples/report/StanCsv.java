package dev.hamiltorch.examples.report;

import dev.hamiltorch.api.InverseMass;
import dev.hamiltorch.api.kernel.ChainState;
import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.kernel.TransitionInfo;
import dev.hamiltorch.engine.sampling.Provenance;
import dev.hamiltorch.engine.sampling.TransitionListener;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams kept draws in Stan's CSV layout while chains run: {@code #} comment lines from the run's
 * provenance, a header with the sampler columns (ending in {@code __}: {@code lp__},
 * {@code accept_stat__}, {@code stepsize__}, {@code n_leapfrog__} as the steps actually taken,
 * {@code divergent__}, {@code energy__} as the Hamiltonian after the transition, then the sampler's own
 * statistics) and one column per parameter ({@code theta[0]} written {@code theta.1}, as CmdStan names
 * array elements), one row per kept iteration. One file per chain: {@code FILE} for one chain, else
 * {@code FILE} with {@code -1}, {@code -2}, … before its extension. Each chain writes its own file from
 * its own thread.
 */
public final class StanCsv implements TransitionListener, Closeable {

    private static final Pattern ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");

    private final Path file;
    private final String workload;
    private BufferedWriter[] writers = new BufferedWriter[0];
    private int burn;
    private double stepSize;
    /** Whether warm-up adapted the tuning (then the adapted values are written before the first kept draw). */
    private boolean adapted;

    /** A writer of {@code file} (and its numbered siblings) for a run of {@code workload}. */
    public StanCsv(Path file, String workload) {
        this.file = file;
        this.workload = workload;
    }


    @Override
    public void onStart(Provenance run, List<String> statisticNames) {
        burn = run.burn();
        stepSize = run.tuning().stepSize();
        adapted = run.adaptation().adaptsAnything();
        StringBuilder header = new StringBuilder("lp__,accept_stat__,stepsize__,n_leapfrog__,divergent__,energy__");
        for (String name : statisticNames) {
            header.append(',').append(name).append("__");
        }
        for (String name : run.parameterNames()) {
            header.append(',').append(csvName(name));
        }
        header.append('\n');
        writers = new BufferedWriter[run.chains()];
        List<Path> paths = files(file, run.chains());
        try {
            for (int c = 0; c < run.chains(); c++) {
                writers[c] = Files.newBufferedWriter(paths.get(c), StandardCharsets.UTF_8);
                writers[c].write("# hamiltorch for the JVM " + run.libraryVersion() + "\n# workload = " + workload
                        + "\n# sampler = " + run.sampler() + "\n# metric = " + run.metric() + "\n# integrator = "
                        + run.integrator() + "\n# chain = " + (c + 1) + "\n# seed = " + run.seed()
                        + "\n# num_samples = " + run.numSamples() + "\n# burn = " + burn
                        + "\n# step_size = " + stepSize + "\n# steps_per_sample = " + run.tuning().numSteps()
                        + "\n");
                writers[c].write(header.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTransition(int chain, int iteration, ChainState state, TransitionInfo info) {
        onTransition(chain, iteration, state, info, null);
    }

    /**
     * Writes a kept draw with the step size it was made with; before the first kept draw of a run that
     * adapted, writes the adapted step size and inverse mass as CmdStan's comment lines do.
     */
    @Override
    public void onTransition(int chain, int iteration, ChainState state, TransitionInfo info,
                             StepParameters parameters) {
        if (iteration < burn) {
            return;
        }
        double epsilon = parameters == null ? stepSize : parameters.stepSize();
        StringBuilder row = new StringBuilder();
        if (adapted && iteration == burn && parameters != null) {
            row.append("# Adaptation terminated\n# Step size = ").append(epsilon).append('\n');
            InverseMass m = parameters.inverseMass();
            if (m instanceof InverseMass.Diagonal d) {
                row.append("# Diagonal elements of inverse mass matrix:\n# ").append(joined(d.values())).append('\n');
            } else if (m instanceof InverseMass.Dense dense) {
                row.append("# Elements of inverse mass matrix:\n");
                for (double[] r : dense.matrix()) {
                    row.append("# ").append(joined(r)).append('\n');
                }
            }
        }
        row.append(state.logDensity()).append(',').append(info.acceptanceProbability()).append(',').append(epsilon)
                .append(',').append(info.steps()).append(',').append(info.divergent() ? 1 : 0).append(',')
                .append(info.energyAfter());
        for (double v : info.statistics()) {
            row.append(',').append(v);
        }
        for (double v : state.position()) {
            row.append(',').append(v);
        }
        try {
            writers[chain].write(row.append('\n').toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the draws of chain " + (chain + 1) + ": " + e.getMessage(), e);
        }
    }

    private static String joined(double[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.toString();
    }

    /** Flushes and closes every chain's file. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (BufferedWriter w : writers) {
            try {
                if (w != null) {
                    w.close();
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** CmdStan's spelling of an array element, {@code theta[0]} → {@code theta.1}; other names as they are. */
    static String csvName(String name) {
        Matcher m = ELEMENT.matcher(name);
        return m.matches() ? m.group(1) + "." + (Integer.parseInt(m.group(2)) + 1) : name;
    }

    /**
     * The files this writer writes for {@code chains} chains: {@code file} itself for one chain, else
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
