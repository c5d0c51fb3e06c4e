package dev.hamiltorch.engine.sampling;

import dev.hamiltorch.api.kernel.StepParameters;
import dev.hamiltorch.api.spi.PluginOptions;
import dev.hamiltorch.engine.adaptation.Adaptation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What produced a result: the plugins by name, the run's settings (iterations, burn-in, seed, chains), the
 * tuning it started from, the plugins' options, the parameters' names and the library's version. Enough to
 * run it again.
 *
 * @param sampler the sampler's plugin name (e.g. {@code hmc})
 * @param metric the metric's plugin name
 * @param integrator the integrator's plugin name
 * @param numSamples iterations per chain, burn-in included
 * @param burn leading iterations discarded (the warm-up)
 * @param tuning the tuning of the first transition (step size, inverse mass, steps, tree depth), before
 *        any adaptation; each chain's adapted tuning is {@link ChainSamples#stepParameters()}
 * @param options the plugins' options the user gave (the others took their defaults)
 * @param seed the run's seed; chain c drew from {@link ChainRandom#of(long, int) ChainRandom.of(seed, c)}
 * @param chains the number of chains
 * @param parameterNames one name per parameter, {@code theta[i]} unless the user named them
 * @param libraryVersion this library's version
 * @param adaptation what warm-up adapted, the sampler's defaults resolved ({@link Adaptation#NONE} when
 *        nothing was, also for a run without burn-in)
 */
public record Provenance(String sampler, String metric, String integrator, int numSamples, int burn,
                         StepParameters tuning, PluginOptions options, long seed, int chains,
                         List<String> parameterNames, String libraryVersion, Adaptation adaptation) {

    /** The version of this library, from its build. */
    public static final String LIBRARY_VERSION = readVersion();

    /** @throws NullPointerException if a name, the tuning, the options or the parameter names are null */
    public Provenance {
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(options, "options");
        parameterNames = List.copyOf(parameterNames);
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(adaptation, "adaptation");
    }

    /** The provenance of a run that adapted nothing. */
    public Provenance(String sampler, String metric, String integrator, int numSamples, int burn,
                      StepParameters tuning, PluginOptions options, long seed, int chains,
                      List<String> parameterNames, String libraryVersion) {
        this(sampler, metric, integrator, numSamples, burn, tuning, options, seed, chains, parameterNames,
                libraryVersion, Adaptation.NONE);
    }

    /** Iterations kept after burn-in per chain. */
    public int keptSamples() {
        return numSamples - burn;
    }

    /** {@code theta[0]}, …, {@code theta[d − 1]}: hamiltorch's single parameter vector. */
    public static List<String> defaultParameterNames(int d) {
        String[] names = new String[d];
        for (int i = 0; i < d; i++) {
            names[i] = "theta[" + i + "]";
        }
        return List.of(names);
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/dev/hamiltorch/engine/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
