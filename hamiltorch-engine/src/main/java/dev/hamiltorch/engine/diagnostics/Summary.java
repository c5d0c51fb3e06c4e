package dev.hamiltorch.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The summary of a run, as CmdStan's {@code stansummary} shows it: one {@link SummaryRow} per sampler
 * column ({@code lp__}, {@code accept_stat__}, …) and per parameter, with mean, MCSE, sd, 5 %, 50 %,
 * 95 %, bulk and tail ESS and R̂; each chain's divergences, E-BFMI and tree-depth saturation; and
 * warnings when something needs the user's attention:
 * <ul>
 * <li>R̂ above {@value #RHAT_LIMIT} for a parameter;</li>
 * <li>bulk or tail ESS below {@value #ESS_PER_CHAIN} per chain for a parameter;</li>
 * <li>an R̂ or ESS that is undefined (constant draws, too few draws, a NaN or infinite draw);</li>
 * <li>any divergent transition;</li>
 * <li>E-BFMI below {@value #EBFMI_LIMIT} in a chain;</li>
 * <li>transitions that hit the maximum tree depth.</li>
 * </ul>
 * Everything is over the kept (post-warm-up) draws. Immutable; {@link #toText()} (and {@link #toString()})
 * renders the table and the warnings.
 *
 * @param chains the number of chains
 * @param drawsPerChain kept draws per chain
 * @param samplerRows one row per sampler column, in the order given
 * @param parameterRows one row per parameter, in order
 * @param chainDiagnostics per chain: divergences, E-BFMI, tree-depth hits
 * @param maxTreeDepth the run's maximum tree depth, or 0 when it builds no trees or it is unknown
 * @param warnings one sentence each; empty when nothing is wrong
 */
public record Summary(int chains, int drawsPerChain, List<SummaryRow> samplerRows, List<SummaryRow> parameterRows,
                      List<ChainDiagnostics> chainDiagnostics, int maxTreeDepth, List<String> warnings) {

    /** Sampler column: log π (Stan's name). */
    public static final String LOG_DENSITY = "lp__";
    /** Sampler column: the Hamiltonian after each transition, whose E-BFMI is reported. */
    public static final String ENERGY = "energy__";
    /** Sampler column: 1 for a divergent transition. */
    public static final String DIVERGENT = "divergent__";
    /** Sampler column: the depth of NUTS's tree. */
    public static final String TREE_DEPTH = "treedepth__";
    /** The maximum tree depth of Stan's NUTS and this library's, assumed when a run does not name its own. */
    public static final int DEFAULT_MAX_TREE_DEPTH = 10;
    /** R̂ above this is flagged (Vehtari et al. 2021). */
    public static final double RHAT_LIMIT = 1.01;
    /** Bulk or tail ESS below this many per chain is flagged (Vehtari et al. 2021). */
    public static final int ESS_PER_CHAIN = 100;
    /** E-BFMI below this is flagged (Betancourt 2016, as Stan does). */
    public static final double EBFMI_LIMIT = 0.3;
    /** Parameters a warning names before it says how many more. */
    private static final int NAMED = 5;

    /** Copies the lists. */
    public Summary {
        samplerRows = List.copyOf(samplerRows);
        parameterRows = List.copyOf(parameterRows);
        chainDiagnostics = List.copyOf(chainDiagnostics);
        warnings = List.copyOf(warnings);
    }

    /**
     * Summarises draws given per parameter and per sampler column as {@code x[c][i]}, draw i of chain c;
     * every array has the same chains of the same length (at least one draw).
     *
     * @param parameterNames one name per parameter
     * @param parameterDraws one array per parameter, in the order of the names
     * @param samplerColumns sampler columns by Stan's name ({@link #LOG_DENSITY}, {@link #ENERGY},
     *        {@link #DIVERGENT}, {@link #TREE_DEPTH}, …), rows in iteration order of the map
     * @param maxTreeDepth the run's maximum tree depth, ≤ 0 when unknown or the sampler builds no trees
     * @throws IllegalArgumentException if names and draws differ in number, or the arrays in shape
     */
    public static Summary of(List<String> parameterNames, List<double[][]> parameterDraws,
                             Map<String, double[][]> samplerColumns, int maxTreeDepth) {
        Objects.requireNonNull(samplerColumns, "samplerColumns");
        if (parameterNames.size() != parameterDraws.size()) {
            throw new IllegalArgumentException("parameterNames has " + parameterNames.size() + " names but there are "
                    + parameterDraws.size() + " parameters' draws");
        }
        double[][] first = !parameterDraws.isEmpty() ? parameterDraws.get(0)
                : samplerColumns.values().stream().findFirst().orElse(null);
        if (first == null || first.length == 0 || first[0].length == 0) {
            throw new IllegalArgumentException("no draws to summarise");
        }
        int chains = first.length;
        int draws = first[0].length;
        List<SummaryRow> samplerRows = new ArrayList<>();
        for (Map.Entry<String, double[][]> column : samplerColumns.entrySet()) {
            samplerRows.add(SummaryRow.of(column.getKey(), checkShape(column.getKey(), column.getValue(), chains, draws)));
        }
        List<SummaryRow> parameterRows = new ArrayList<>();
        for (int p = 0; p < parameterNames.size(); p++) {
            String name = parameterNames.get(p);
            parameterRows.add(SummaryRow.of(name, checkShape(name, parameterDraws.get(p), chains, draws)));
        }
        int depth = Math.max(0, maxTreeDepth);
        double[][] divergent = samplerColumns.get(DIVERGENT);
        double[][] energy = samplerColumns.get(ENERGY);
        double[][] treeDepth = depth > 0 ? samplerColumns.get(TREE_DEPTH) : null;
        List<ChainDiagnostics> perChain = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            long divergences = divergent == null ? 0 : countWhere(divergent[c], v -> v != 0);
            double ebfmi = energy == null ? Double.NaN : ConvergenceDiagnostics.ebfmi(energy[c]);
            long hits = treeDepth == null ? -1 : countWhere(treeDepth[c], v -> v >= depth);
            perChain.add(new ChainDiagnostics(c, draws, divergences, ebfmi, hits));
        }
        List<String> warnings = warnings(parameterRows, perChain, chains, draws, depth);
        return new Summary(chains, draws, samplerRows, parameterRows, perChain, depth, warnings);
    }

    /** Divergent kept transitions over all chains. */
    public long divergences() {
        return chainDiagnostics.stream().mapToLong(ChainDiagnostics::divergences).sum();
    }

    /**
     * The row of parameter or sampler column {@code name}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public SummaryRow row(String name) {
        for (List<SummaryRow> rows : List.of(parameterRows, samplerRows)) {
            for (SummaryRow r : rows) {
                if (r.name().equals(name)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("no row named '" + name + "'");
    }

    /**
     * The table as {@code stansummary} prints it (values to 3 significant digits, ESS whole, R̂ to 3
     * decimals, {@code nan} where undefined), then each chain's divergences, E-BFMI and tree-depth hits,
     * then the warnings.
     */
    public String toText() {
        int width = 8;
        for (List<SummaryRow> rows : List.of(samplerRows, parameterRows)) {
            for (SummaryRow r : rows) {
                width = Math.max(width, r.name().length());
            }
        }
        String rowFormat = "%-" + width + "s %9s %9s %9s %9s %9s %9s %9s %9s %7s%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d chain%s, %d kept draw%s each%n%n", chains, chains == 1 ? "" : "s",
                drawsPerChain, drawsPerChain == 1 ? "" : "s"));
        s.append(String.format(Locale.ROOT, rowFormat, "", "Mean", "MCSE", "StdDev", "5%", "50%", "95%", "ESS_bulk",
                "ESS_tail", "R_hat"));
        for (List<SummaryRow> rows : List.of(samplerRows, parameterRows)) {
            for (SummaryRow r : rows) {
                s.append(String.format(Locale.ROOT, rowFormat, r.name(), significant(r.mean()), significant(r.mcse()),
                        significant(r.sd()), significant(r.q05()), significant(r.q50()), significant(r.q95()),
                        whole(r.essBulk()), whole(r.essTail()), fixed3(r.rhat())));
            }
            if (rows == samplerRows && !samplerRows.isEmpty()) {
                s.append(System.lineSeparator());
            }
        }
        s.append(System.lineSeparator());
        for (ChainDiagnostics c : chainDiagnostics) {
            s.append(String.format(Locale.ROOT, "chain %d: %d divergent, E-BFMI %s%s%n", c.chain() + 1,
                    c.divergences(), fixed3(c.ebfmi()), c.treeDepthHits() < 0 ? ""
                            : ", " + c.treeDepthHits() + " at max tree depth " + maxTreeDepth));
        }
        if (!warnings.isEmpty()) {
            s.append(System.lineSeparator());
            for (String w : warnings) {
                s.append("Warning: ").append(w).append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return toText();
    }

    private static List<String> warnings(List<SummaryRow> rows, List<ChainDiagnostics> perChain, int chains,
                                         int draws, int maxTreeDepth) {
        List<String> warnings = new ArrayList<>();
        List<SummaryRow> undefined = rows.stream()
                .filter(r -> Double.isNaN(r.rhat()) || Double.isNaN(r.essBulk()) || Double.isNaN(r.essTail()))
                .toList();
        if (!undefined.isEmpty()) {
            warnings.add("R-hat or ESS is undefined for " + count(undefined.size(), rows.size()) + " ("
                    + names(undefined, null) + "): their draws are constant, too few (fewer than 3 per half chain"
                    + " for ESS), or not all finite");
        }
        List<SummaryRow> highRhat = rows.stream().filter(r -> r.rhat() > RHAT_LIMIT).toList();
        if (!highRhat.isEmpty()) {
            warnings.add("R-hat is above " + RHAT_LIMIT + " for " + count(highRhat.size(), rows.size()) + " ("
                    + names(highRhat, SummaryRow::rhat) + "): the chains have not mixed; run longer chains or"
                    + " reparameterise");
        }
        double essLimit = (double) ESS_PER_CHAIN * chains;
        for (boolean bulk : new boolean[] {true, false}) {
            ToDoubleFunction<SummaryRow> ess = bulk ? SummaryRow::essBulk : SummaryRow::essTail;
            List<SummaryRow> low = rows.stream().filter(r -> ess.applyAsDouble(r) < essLimit).toList();
            if (!low.isEmpty()) {
                warnings.add((bulk ? "bulk" : "tail") + " ESS is below " + ESS_PER_CHAIN + " per chain ("
                        + (long) essLimit + ") for " + count(low.size(), rows.size()) + " (" + names(low, ess)
                        + "): " + (bulk ? "means and medians" : "the 5 % and 95 % quantiles")
                        + " may be unreliable; run longer chains");
            }
        }
        long divergences = perChain.stream().mapToLong(ChainDiagnostics::divergences).sum();
        if (divergences > 0) {
            warnings.add(divergences + " of " + (long) chains * draws + " kept transitions diverged (" + perChain(perChain,
                    c -> String.valueOf(c.divergences())) + "): the posterior may be biased there; increase the"
                    + " target acceptance rate or reparameterise");
        }
        List<ChainDiagnostics> lowBfmi = perChain.stream().filter(c -> c.ebfmi() < EBFMI_LIMIT).toList();
        if (!lowBfmi.isEmpty()) {
            warnings.add("E-BFMI is below " + EBFMI_LIMIT + " in " + lowBfmi.size() + " of " + chains + " chains" + " (" + perChain(lowBfmi, c -> fixed3(c.ebfmi())) + "): the momentum resampling"
                    + " explores the energy poorly; reparameterise or adapt the metric");
        }
        long hits = perChain.stream().mapToLong(c -> Math.max(0, c.treeDepthHits())).sum();
        if (hits > 0) {
            warnings.add(hits + " of " + (long) chains * draws + " kept transitions hit the maximum tree depth "
                    + maxTreeDepth + " (" + perChain(perChain, c -> String.valueOf(c.treeDepthHits()))
                    + "): an efficiency concern, not bias; a larger maxTreeDepth or a better metric helps");
        }
        return warnings;
    }

    private static String count(int n, int of) {
        return n + " of " + of + (of == 1 ? " parameter" : " parameters");
    }

    private static String names(List<SummaryRow> rows, ToDoubleFunction<SummaryRow> value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(rows.size(), NAMED); i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(rows.get(i).name());
            if (value != null) {
                s.append(' ').append(significant(value.applyAsDouble(rows.get(i))));
            }
        }
        if (rows.size() > NAMED) {
            s.append(" and ").append(rows.size() - NAMED).append(" more");
        }
        return s.toString();
    }

    private static String perChain(List<ChainDiagnostics> chains, Function<ChainDiagnostics, String> value) {
        StringBuilder s = new StringBuilder();
        for (ChainDiagnostics c : chains) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append("chain ").append(c.chain() + 1).append(": ").append(value.apply(c));
        }
        return s.toString();
    }

    private static double[][] checkShape(String name, double[][] x, int chains, int draws) {
        if (x.length != chains) {
            throw new IllegalArgumentException(name + ": " + x.length + " chains, expected " + chains);
        }
        for (double[] chain : x) {
            if (chain.length != draws) {
                throw new IllegalArgumentException(name + ": a chain of " + chain.length + " draws, expected " + draws);
            }
        }
        return x;
    }

    private static long countWhere(double[] x, DoublePredicate p) {
        long n = 0;
        for (double v : x) {
            if (p.test(v)) {
                n++;
            }
        }
        return n;
    }

    /** 3 significant digits, plain for moderate magnitudes and in e-notation otherwise; {@code nan}, {@code inf}. */
    static String significant(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(v);
        if (v == 0 || magnitude >= 1e-3 && magnitude < 1e5) {
            int decimals = v == 0 ? 0 : Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String whole(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "nan";
    }

    private static String fixed3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "nan";
    }
}
