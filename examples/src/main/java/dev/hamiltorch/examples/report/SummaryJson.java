package dev.hamiltorch.examples.report;

import dev.hamiltorch.engine.diagnostics.ParameterDiagnostics;
import dev.hamiltorch.engine.diagnostics.Summary;
import dev.hamiltorch.engine.diagnostics.SummaryRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's JSON fields for a {@link Summary} (docs/runner.md), shared by sampling runs and the
 * {@code summary} command; undefined values are NaN, which {@link JsonWriter} writes as null.
 */
public final class SummaryJson {

    private SummaryJson() {
    }

    /**
     * One parameter: name, mean, sd, mcse_mean, mcse_sd, q05, q50, q95, ess_bulk, ess_tail, rhat, then
     * ess_sd, ess_median, mcse_median, mcse_q05, mcse_q95.
     */
    public static Map<String, Object> param(SummaryRow row) {
        ParameterDiagnostics d = row.diagnostics();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", row.name());
        p.put("mean", row.mean());
        p.put("sd", row.sd());
        p.put("mcse_mean", d.mcseMean());
        p.put("mcse_sd", d.mcseSd());
        p.put("q05", row.q05());
        p.put("q50", row.q50());
        p.put("q95", row.q95());
        p.put("ess_bulk", d.essBulk());
        p.put("ess_tail", d.essTail());
        p.put("rhat", d.rhat());
        p.put("ess_sd", d.essSd());
        p.put("ess_median", d.essMedian());
        p.put("mcse_median", d.mcseMedian());
        p.put("mcse_q05", d.mcseQ05());
        p.put("mcse_q95", d.mcseQ95());
        return p;
    }

    /** Every parameter row of {@code summary} as {@link #param}. */
    public static List<Object> params(Summary summary) {
        List<Object> params = new ArrayList<>();
        for (SummaryRow row : summary.parameterRows()) {
            params.add(param(row));
        }
        return params;
    }

    /**
     * Puts the per-chain sampler diagnostics into {@code r}: {@code divergences} (kept transitions, all
     * chains), {@code ebfmi} (one per chain), {@code max_treedepth_hits} (kept transitions at the maximum tree
     * depth, all chains; only when the run has a tree depth and its maximum is known), as CLI.md names them.
     */
    public static void putChainDiagnostics(Summary summary, Map<String, Object> r) {
        r.put("divergences", summary.divergences());
        r.put("ebfmi", summary.chainDiagnostics().stream().map(c -> (Object) c.ebfmi()).toList());
        if (summary.chainDiagnostics().stream().allMatch(c -> c.treeDepthHits() >= 0)) {
            r.put("max_treedepth_hits", summary.chainDiagnostics().stream().mapToLong(c -> c.treeDepthHits()).sum());
        }
    }
}
