package dev.hamiltorch.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The runner's command line: {@code <workload> [--name value | --flag]...}, with the option names of
 * docs/runner.md (hamiltorch's names in kebab-case). Each option may be given once.
 */
public final class Options {

    /** Options that take a value. */
    static final Set<String> VALUED = Set.of("sampler", "integrator", "metric", "samples", "burn", "step-size",
            "steps", "seed", "chains", "jitter", "softabs-const", "explicit-binding-const", "fixed-point-threshold",
            "fixed-point-max-iterations", "reversibility-tolerance", "tau-out", "data", "json", "draws", "dim",
            "train", "val", "hidden", "terms", "plots", "draws-precision", "keep-every", "pixels",
            "adapt-metric", "target-accept", "max-tree-depth");
    /** Options that are flags. */
    static final Set<String> FLAGS = Set.of("quiet", "no-replay", "no-adapt");

    private final String workload;
    private final Map<String, String> values;
    /** The options given on the command line, apart from the workload's defaults merged in. */
    private final Set<String> given;

    private Options(String workload, Map<String, String> values, Set<String> given) {
        this.workload = workload;
        this.values = values;
        this.given = Set.copyOf(given);
    }

    /**
     * Parses {@code args}: the workload, then options.
     *
     * @param args the command line
     * @return the options given
     * @throws UsageException for an unknown, repeated or incomplete option, or a missing workload
     */
    public static Options parse(String[] args) throws UsageException {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new UsageException("usage: <workload> [options]; the workload comes first (e.g. gaussian3d); --help lists them");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (values.containsKey(name)) {
                // which of two values was meant is a guess; the last one silently winning hid typos
                throw new UsageException("option --" + name + " is given more than once");
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                values.put(name, "true");
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Options(args[0], values, values.keySet());
    }

    /** The workload named first. */
    public String workload() {
        return workload;
    }

    /** These options with {@code defaults} under them. */
    public Options withDefaults(Map<String, String> defaults) {
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(values);
        return new Options(workload, merged, given);
    }

    /** Whether option {@code --name} was given on the command line (not only as a workload default). */
    public boolean given(String name) {
        return given.contains(name);
    }

    /** Whether option {@code --name} was given (or has a workload default). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether flag {@code --name} was given. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code --name}, or {@code fallback} when it is absent. */
    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The value of {@code --name} as an int, or {@code fallback} when it is absent. */
    public int integer(String name, int fallback) throws UsageException {
        return parsed(name, fallback, Integer::valueOf, "an integer");
    }

    /** The value of {@code --name} as a long, or {@code fallback} when it is absent. */
    public long longValue(String name, long fallback) throws UsageException {
        return parsed(name, fallback, Long::valueOf, "an integer");
    }

    /** The value of {@code --name} as a double, or {@code fallback} when it is absent. */
    public double real(String name, double fallback) throws UsageException {
        return parsed(name, fallback, Double::valueOf, "a number");
    }

    /** The option's value parsed by {@code parse}, or {@code fallback} when the option is absent. */
    private <T> T parsed(String name, T fallback, java.util.function.Function<String, T> parse, String what)
            throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs " + what + ", got '" + v + "'");
        }
    }
}
