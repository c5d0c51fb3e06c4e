package dev.hamiltorch.examples.cli;

import dev.hamiltorch.engine.diagnostics.ConvergenceDiagnostics;
import dev.hamiltorch.engine.diagnostics.Quantiles;
import dev.hamiltorch.examples.report.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runner's {@code summary FILE... [--json OUT]} command (docs/runner.md): reads Stan CSV files, one per
 * chain (ours, CmdStan's or rstan's), and prints (and optionally writes as JSON) the diagnostics of
 * every parameter column; sampler columns, whose names end in {@code __}, are left out. Exit status 0
 * on success, 2 for a bad command line or bad input, 1 when the JSON cannot be written.
 */
public final class SummaryCommand {

    private static final String USAGE = "usage: summary FILE... [--json OUT]";

    private SummaryCommand() {
    }

    /** Runs {@code summary} with {@code args}, the arguments after the word {@code summary}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--json")) {
                if (i + 1 >= args.length || json != null) {
                    err.println("error: option --json needs one file name; " + USAGE);
                    return 2;
                }
                json = Path.of(args[++i]);
            } else if (args[i].startsWith("--")) {
                err.println("error: unknown option '" + args[i] + "'; " + USAGE);
                return 2;
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            err.println("error: no files; " + USAGE);
            return 2;
        }
        List<Chain> chains = new ArrayList<>();
        try {
            for (Path file : files) {
                Chain chain = read(file);
                if (!chains.isEmpty() && !chain.header().equals(chains.get(0).header())) {
                    throw new BadInput(file + ": columns differ from those of " + chains.get(0).file());
                }
                chains.add(chain);
            }
        } catch (BadInput e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        int draws = chains.stream().mapToInt(c -> c.rows().size()).min().orElseThrow();
        if (chains.stream().anyMatch(c -> c.rows().size() != draws)) {
            // the diagnostics need chains of equal length, as Samples.diagnostics does
            err.println("warning: chains have different lengths; using the first " + draws + " draws of each");
        }
        List<Map<String, Object>> params = summarise(chains, draws);
        print(params, chains.size(), draws, out);
        if (json != null) {
            try {
                Files.writeString(json, JsonWriter.write(Map.of("params", params)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write output: " + oneLine(e));
                return 1;
            }
        }
        return 0;
    }

    /**
     * The summary of every parameter column: name, mean, sd, mcse_mean, mcse_sd, q05, q50, q95,
     * ess_bulk, ess_tail, rhat, NaN where undefined. Uses the first {@code draws} rows of every chain.
     */
    static List<Map<String, Object>> summarise(List<Chain> chains, int draws) {
        List<String> header = chains.get(0).header();
        List<Map<String, Object>> params = new ArrayList<>();
        for (int col = 0; col < header.size(); col++) {
            if (header.get(col).endsWith("__")) {
                continue;
            }
            double[][] x = new double[chains.size()][draws];
            double[] pooled = new double[chains.size() * draws];
            for (int c = 0; c < chains.size(); c++) {
                for (int k = 0; k < draws; k++) {
                    x[c][k] = chains.get(c).rows().get(k)[col];
                    pooled[c * draws + k] = x[c][k];
                }
            }
            double[] q = Quantiles.type7Unsorted(pooled, 0.05, 0.5, 0.95);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", header.get(col));
            p.put("mean", mean(pooled));
            p.put("sd", sd(pooled));
            p.put("mcse_mean", ConvergenceDiagnostics.mcseMean(x));
            p.put("mcse_sd", ConvergenceDiagnostics.mcseSd(x));
            p.put("q05", q[0]);
            p.put("q50", q[1]);
            p.put("q95", q[2]);
            p.put("ess_bulk", ConvergenceDiagnostics.essBulk(x));
            p.put("ess_tail", ConvergenceDiagnostics.essTail(x));
            p.put("rhat", ConvergenceDiagnostics.rhat(x));
            params.add(p);
        }
        return params;
    }

    /** The mean of all draws, as posterior's {@code mean}. */
    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The sd of all draws with denominator n − 1, as R's {@code sd}; NaN for one draw. */
    static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** A compact version of posterior's {@code summarise_draws} table. */
    private static void print(List<Map<String, Object>> params, int chains, int draws, PrintStream out) {
        int width = Math.max(8, params.stream().mapToInt(p -> ((String) p.get("name")).length()).max().orElse(0));
        out.println(String.format(Locale.ROOT, "# %d variables, %d chains, %d draws each", params.size(), chains,
                draws));
        out.println(String.format(Locale.ROOT, "%-" + width + "s %9s %9s %9s %9s %9s %9s %8s %8s %6s", "variable",
                "mean", "sd", "mcse_mean", "q5", "q50", "q95", "ess_bulk", "ess_tail", "rhat"));
        for (Map<String, Object> p : params) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s %9s %9s %9s %9s %9s %9s %8s %8s %6s", p.get("name"),
                    sig(p.get("mean")), sig(p.get("sd")), sig(p.get("mcse_mean")), sig(p.get("q05")),
                    sig(p.get("q50")), sig(p.get("q95")), fixed(p.get("ess_bulk"), 0), fixed(p.get("ess_tail"), 0),
                    fixed(p.get("rhat"), 2)));
        }
    }

    /** Three significant digits, as posterior's printed tibble shows them; NA when undefined. */
    private static String sig(Object value) {
        double v = (Double) value;
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NA" : (v > 0 ? "Inf" : "-Inf");
        }
        if (v == 0) {
            return "0";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String fixed(Object value, int decimals) {
        double v = (Double) value;
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "NA";
    }

    /** One chain's file: its column names and its data rows. */
    record Chain(Path file, List<String> header, List<double[]> rows) {
    }

    /** Bad input: the message names the file (and line) and fits on one line. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /**
     * Reads one Stan CSV file: {@code #} comment lines anywhere (CmdStan writes adaptation and timing
     * comments after the header and at the end) and blank lines are skipped, the first other line is the
     * header (names quoted or not), every later line a row of numbers.
     */
    static Chain read(Path file) throws BadInput {
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] fields = t.split(",", -1);
                if (header == null) {
                    header = new ArrayList<>();
                    for (String f : fields) {
                        header.add(unquote(f.strip()));
                    }
                    continue;
                }
                if (fields.length != header.size()) {
                    throw new BadInput(file + ":" + lineNo + ": " + fields.length + " values, but the header has "
                            + header.size() + " columns");
                }
                double[] row = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    row[i] = number(fields[i].strip(), file, lineNo);
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new BadInput("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + oneLine(e));
        }
        if (header == null || rows.isEmpty()) {
            throw new BadInput(file + ": no draws (no data rows after the header)");
        }
        return new Chain(file, List.copyOf(header), rows);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Parses a value as CmdStan and R write them, {@code nan}, {@code inf} and {@code NA} included. */
    private static double number(String s, Path file, int line) throws BadInput {
        switch (unquote(s).toLowerCase(Locale.ROOT)) {
            case "nan", "na", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // Java also accepts hex floats and a trailing d/f; rejecting them would only add code
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new BadInput(file + ":" + line + ": not a number: '" + s + "'");
                }
            }
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse("");
    }
}
