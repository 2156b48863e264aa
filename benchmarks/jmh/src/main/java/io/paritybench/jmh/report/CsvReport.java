package io.paritybench.jmh.report;

import io.paritybench.core.text.Numbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code timing.csv}: one row per configuration of every benchmark (kernel per n, solver, n = 2) and one per
 * scaling fit, times in seconds, rates as fractions, blank where a column does not apply. Columns are written by
 * name, so a reader should read them by header.
 */
public final class CsvReport {

    static final List<String> HEADER = List.of("benchmark", "solver", "family", "n", "seed", "kappa", "tol", "cap",
            "outcome", "detail", "median_s", "median_ci95_low_s", "median_ci95_high_s", "mean_s", "iterations",
            "samples", "drift", "steady", "solves", "iterations_per_solve", "fail_rate", "outside_accuracy_rate",
            "matvec_equivalents", "factorisation_equivalents", "residual_check_equivalents", "bytes_per_solve",
            "gc_count", "gc_time_ms", "load_max", "steal_max", "probe_status", "probe_iterations", "probe_residual",
            "probe_seconds", "cold_seconds", "warmup_solves", "max_weight_error", "max_converged_weight_error",
            "max_converged_weight_error_over_achievable", "max_residual", "kappa_weights", "achievable_residual",
            "spec", "shape", "rel_weight_error_vs_reference", "fit_points", "fit_min_n", "fit_max_n", "exponent", "exponent_ci95_low", "exponent_ci95_high",
            "per_iteration_exponent", "per_iteration_exponent_ci95_low", "per_iteration_exponent_ci95_high");

    private CsvReport() {
    }

    /** Writes the CSV file. */
    public static void write(TimingTable t, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        line(sb, header());
        for (KernelRow k : t.kernelRows()) {
            kernel(sb, "TrialKernels.matvec", k.n(), k.matvec());
            kernel(sb, "TrialKernels.cholesky", k.n(), k.cholesky());
            kernel(sb, "TrialKernels.residual", k.n(), k.residual());
        }
        List<SolverRow> rows = new java.util.ArrayList<>(t.solverRows());
        rows.addAll(t.factorRows());
        for (SolverRow r : rows) {
            Map<String, String> v = new HashMap<>();
            v.put("benchmark", TimingTable.FACTOR_FAMILY.equals(r.family()) ? "FactorBenchmark.solve"
                    : r.time() != null && r.time().samples() == 0 ? "SolverBenchmark.solveBatched"
                    : "SolverBenchmark.solve");
            v.put("solver", r.solver());
            v.put("family", r.family());
            v.put("n", Integer.toString(r.n()));
            v.put("seed", r.seed());
            v.put("kappa", r.kappa());
            v.put("tol", r.tol());
            v.put("cap", r.cap());
            v.put("outcome", r.outcome().name());
            v.put("detail", r.detail());
            time(v, r.time());
            v.put("solves", csv(r.solves()));
            v.put("iterations_per_solve", csv(r.iterationsPerSolve()));
            v.put("fail_rate", csv(r.failRate()));
            v.put("outside_accuracy_rate", csv(r.outsideAccuracyRate()));
            v.put("matvec_equivalents", csv(r.matvecs()));
            v.put("factorisation_equivalents", csv(r.factorisations()));
            v.put("residual_check_equivalents", csv(r.residualChecks()));
            v.put("bytes_per_solve", csv(r.gc().bytesPerOp()));
            v.put("gc_count", csv(r.gc().count()));
            v.put("gc_time_ms", csv(r.gc().timeMs()));
            v.put("load_max", csv(r.load()));
            v.put("steal_max", csv(r.steal()));
            ProbeSummary p = r.probe();
            v.put("probe_status", text(p.status()));
            v.put("probe_iterations", text(p.iterations()));
            v.put("probe_residual", text(p.residual()));
            v.put("probe_seconds", text(p.probeSeconds()));
            v.put("cold_seconds", text(p.coldSeconds()));
            v.put("warmup_solves", text(p.warmupSolves()));
            SideRecord.Conditioning c = p.spec() == null ? null : t.problem(p.spec());
            v.put("kappa_weights", c == null ? "" : text(c.kappaWeights()));
            v.put("achievable_residual", text(p.achievableResidual()));
            v.put("spec", text(p.spec()));
            v.put("shape", text(p.shape()));
            v.put("rel_weight_error_vs_reference", text(p.relWeightErrorVsReference()));
            line(sb, v);
        }
        for (TwoAssetRow r : t.twoAssetRows()) {
            Map<String, String> v = new HashMap<>();
            v.put("benchmark", "TwoAssetBenchmark.solve");
            v.put("solver", r.solver());
            v.put("family", "two-asset-grid");
            v.put("n", "2");
            v.put("tol", r.tol());
            SideRecord.TwoAsset e = r.errors();
            v.put("cap", text(e.cap()));
            v.put("outcome", r.outcome().name());
            v.put("detail", r.detail());
            time(v, r.time());
            v.put("iterations_per_solve", csv(r.iterationsPerSolve()));
            v.put("fail_rate", csv(r.failRate()));
            v.put("outside_accuracy_rate", csv(r.outsideAccuracyRate()));
            v.put("max_weight_error", text(e.maxWeightError()));
            v.put("max_converged_weight_error", text(e.maxConvergedWeightError()));
            v.put("max_converged_weight_error_over_achievable", text(e.maxConvergedWeightErrorOverAchievable()));
            v.put("max_residual", text(e.maxResidual()));
            line(sb, v);
        }
        for (ScalingFit f : t.fits()) {
            Map<String, String> v = new HashMap<>();
            v.put("benchmark", "ScalingFit");
            v.put("solver", f.solver());
            v.put("family", f.family());
            v.put("kappa", f.kappa());
            v.put("tol", f.tol());
            v.put("fit_points", Integer.toString(f.points()));
            v.put("fit_min_n", Integer.toString(f.minN()));
            v.put("fit_max_n", Integer.toString(f.maxN()));
            v.put("exponent", csv(f.exponent()));
            v.put("exponent_ci95_low", csv(f.low()));
            v.put("exponent_ci95_high", csv(f.high()));
            v.put("per_iteration_exponent", csv(f.perIterationExponent()));
            v.put("per_iteration_exponent_ci95_low", csv(f.perIterationLow()));
            v.put("per_iteration_exponent_ci95_high", csv(f.perIterationHigh()));
            line(sb, v);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** @return a side-record value as the CSV shows it (the JSON text of a number), empty for null */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> header() {
        Map<String, String> h = new HashMap<>();
        HEADER.forEach(c -> h.put(c, c));
        return h;
    }

    private static void kernel(StringBuilder sb, String name, int n, TimeSummary s) {
        if (s == null) {
            return;
        }
        Map<String, String> v = new HashMap<>();
        v.put("benchmark", name);
        v.put("n", Integer.toString(n));
        v.put("outcome", Outcome.OK.name());
        time(v, s);
        line(sb, v);
    }

    private static void time(Map<String, String> v, TimeSummary s) {
        if (s == null) {
            return;
        }
        v.put("median_s", csv(s.median()));
        v.put("median_ci95_low_s", csv(s.low()));
        v.put("median_ci95_high_s", csv(s.high()));
        v.put("mean_s", csv(s.mean()));
        v.put("iterations", Integer.toString(s.iterations()));
        v.put("samples", s.samples() > 0 ? Long.toString(s.samples()) : "");
        v.put("drift", csv(s.drift()));
        v.put("steady", Double.isNaN(s.drift()) ? "" : Boolean.toString(s.steady()));
    }

    private static void line(StringBuilder sb, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String c : HEADER) {
            out.add(quote(values.getOrDefault(c, "")));
        }
        for (String k : values.keySet()) {
            if (!HEADER.contains(k)) {
                throw new IllegalStateException("CSV value for an unknown column " + k);
            }
        }
        sb.append(String.join(",", out)).append('\n');
    }

    /** @return a plain number for CSV (shortest round-trip form, empty for NaN) */
    static String csv(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
