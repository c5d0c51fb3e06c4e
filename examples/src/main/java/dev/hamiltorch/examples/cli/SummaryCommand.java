package dev.hamiltorch.examples.cli;

import dev.hamiltorch.engine.diagnostics.Summary;
import dev.hamiltorch.examples.report.JsonWriter;
import dev.hamiltorch.examples.report.SummaryJson;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner's {@code summary FILE... [--json OUT]} command (docs/runner.md): reads Stan CSV files, one per
 * chain (ours, CmdStan's or rstan's), prints the stansummary-like {@link Summary} (sampler columns, whose
 * names end in {@code __}, and parameters; divergences, E-BFMI and tree-depth hits per chain; warnings),
 * and optionally writes the parameters' diagnostics and the per-chain ones as JSON. Exit status 0
 * on success, 2 for a bad command line or bad input, 1 when the JSON cannot be written.
 */
public final class SummaryCommand {

    /** CmdStan's comment {@code #       max_depth = 10 (Default)}. */
    private static final Pattern MAX_DEPTH = Pattern.compile("#\\s*max_depth\\s*=\\s*(\\d{1,4})\\b.*");

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
        Summary summary = summarise(chains, draws);
        out.print(summary.toText());
        if (json != null) {
            try {
                Files.writeString(json, JsonWriter.write(json(summary)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write output: " + oneLine(e));
                return 1;
            }
        }
        return 0;
    }

    /**
     * The {@link Summary} of the first {@code draws} rows of every chain: the columns whose names end in
     * {@code __} are sampler columns, the others parameters; the maximum tree depth is CmdStan's
     * {@code max_depth} comment, else {@value Summary#DEFAULT_MAX_TREE_DEPTH} when there is a
     * {@code treedepth__} column.
     */
    static Summary summarise(List<Chain> chains, int draws) {
        List<String> header = chains.get(0).header();
        List<String> names = new ArrayList<>();
        List<double[][]> parameters = new ArrayList<>();
        Map<String, double[][]> sampler = new LinkedHashMap<>();
        for (int col = 0; col < header.size(); col++) {
            double[][] x = new double[chains.size()][draws];
            for (int c = 0; c < chains.size(); c++) {
                for (int k = 0; k < draws; k++) {
                    x[c][k] = chains.get(c).rows().get(k)[col];
                }
            }
            if (header.get(col).endsWith("__")) {
                sampler.put(header.get(col), x);
            } else {
                names.add(header.get(col));
                parameters.add(x);
            }
        }
        int maxDepth = chains.get(0).maxTreeDepth();
        if (maxDepth <= 0 && sampler.containsKey(Summary.TREE_DEPTH)) {
            maxDepth = Summary.DEFAULT_MAX_TREE_DEPTH;
        }
        return Summary.of(names, parameters, sampler, maxDepth);
    }

    /**
     * The JSON of docs/runner.md: {@code params} (every parameter column, sampler columns left out), the
     * divergences, each chain's E-BFMI and tree-depth hits, and the warnings.
     */
    static Map<String, Object> json(Summary summary) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("params", SummaryJson.params(summary));
        SummaryJson.putChainDiagnostics(summary, r);
        r.put("warnings", summary.warnings());
        return r;
    }

    /** One chain's file: its column names, its data rows, and CmdStan's {@code max_depth} comment (0 if none). */
    record Chain(Path file, List<String> header, List<double[]> rows, int maxTreeDepth) {
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
        int maxTreeDepth = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.startsWith("#")) {
                    Matcher m = MAX_DEPTH.matcher(t);
                    if (m.matches()) {
                        maxTreeDepth = Integer.parseInt(m.group(1));
                    }
                    continue;
                }
                if (t.isEmpty()) {
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
        return new Chain(file, List.copyOf(header), rows, maxTreeDepth);
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
