package io.paritybench.jmh.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code timing.csv}: one row per configuration of every benchmark (solver, kernel, n = 2), times in seconds,
 * rates as fractions, blank where a column does not apply.
 */
public final class CsvReport {

    static final List<String> HEADER = List.of("benchmark", "solver", "family", "n", "kappa", "tol", "cap",
            "outcome", "detail", "median_s", "median_ci95_low_s", "median_ci95_high_s", "mean_s", "mean_error999_s",
            "samples", "solves", "iterations_per_solve", "fail_rate", "outside_accuracy_rate", "matvec_equivalents",
            "factorisation_equivalents", "probe_status", "probe_iterations", "probe_residual", "probe_seconds",
            "max_weight_error", "max_converged_weight_error", "max_converged_weight_error_over_achievable",
            "max_residual", "kappa_weights", "achievable_residual", "spec");

    private CsvReport() {
    }

    /** Writes the CSV file. */
    public static void write(TimingTable t, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (KernelRow k : t.kernelRows()) {
            if (k.matvec() != null) {
                line(sb, kernel("KernelBenchmark.matvec", k.n(), k.matvec()));
            }
            if (k.cholesky() != null) {
                line(sb, kernel("KernelBenchmark.cholesky", k.n(), k.cholesky()));
            }
        }
        for (SolverRow r : t.solverRows()) {
            List<String> v = new ArrayList<>();
            TimeSummary s = r.time();
            v.add("SolverBenchmark.solve");
            v.add(r.solver());
            v.add(r.family());
            v.add(Integer.toString(r.n()));
            v.add(r.kappa());
            v.add(r.tol());
            v.add(r.cap());
            v.add(r.outcome().name());
            v.add(r.detail());
            time(v, s);
            v.add(Format.csv(r.solves()));
            v.add(Format.csv(r.iterationsPerSolve()));
            v.add(Format.csv(r.failRate()));
            v.add(Format.csv(r.outsideAccuracyRate()));
            v.add(Format.csv(r.matvecs()));
            v.add(Format.csv(r.factorisations()));
            v.add(r.probe().getOrDefault("status", ""));
            v.add(r.probe().getOrDefault("iterations", ""));
            v.add(r.probe().getOrDefault("residual", ""));
            v.add(r.probe().getOrDefault("probeSeconds", ""));
            v.add("");
            v.add("");
            v.add("");
            v.add("");
            v.add(t.problem(r.probe().getOrDefault("spec", "")).getOrDefault("kappaWeights", ""));
            v.add(r.probe().getOrDefault("achievableResidual", ""));
            v.add(r.probe().getOrDefault("spec", ""));
            line(sb, v);
        }
        for (TwoAssetRow r : t.twoAssetRows()) {
            List<String> v = new ArrayList<>();
            v.add("TwoAssetBenchmark.solve");
            v.add(r.solver());
            v.add("two-asset-grid");
            v.add("2");
            v.add("");
            v.add(r.tol());
            v.add(r.errors().getOrDefault("cap", ""));
            v.add(r.outcome().name());
            v.add(r.detail());
            time(v, r.time());
            v.add("");
            v.add(Format.csv(r.iterationsPerSolve()));
            v.add(Format.csv(r.failRate()));
            v.add(Format.csv(r.outsideAccuracyRate()));
            v.add("");
            v.add("");
            v.add("");
            v.add("");
            v.add("");
            v.add("");
            v.add(r.errors().getOrDefault("maxWeightError", ""));
            v.add(r.errors().getOrDefault("maxConvergedWeightError", ""));
            v.add(r.errors().getOrDefault("maxConvergedWeightErrorOverAchievable", ""));
            v.add(r.errors().getOrDefault("maxResidual", ""));
            v.add("");
            v.add("");
            v.add("");
            line(sb, v);
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> kernel(String name, int n, TimeSummary s) {
        List<String> v = new ArrayList<>();
        v.add(name);
        v.add("");
        v.add("random-spectrum");
        v.add(Integer.toString(n));
        for (int i = v.size(); i < HEADER.indexOf("outcome"); i++) {
            v.add("");
        }
        v.add(Outcome.OK.name());
        v.add("");
        time(v, s);
        while (v.size() < HEADER.size()) {
            v.add("");
        }
        return v;
    }

    private static void time(List<String> v, TimeSummary s) {
        if (s == null) {
            for (int i = 0; i < 6; i++) {
                v.add("");
            }
            return;
        }
        v.add(Format.csv(s.median()));
        v.add(Format.csv(s.low()));
        v.add(Format.csv(s.high()));
        v.add(Format.csv(s.mean()));
        v.add(Format.csv(s.meanError()));
        v.add(Long.toString(s.count()));
    }

    private static void line(StringBuilder sb, List<String> values) {
        if (values.size() != HEADER.size()) {
            throw new IllegalStateException("CSV row has " + values.size() + " fields, header " + HEADER.size());
        }
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        sb.append('\n');
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
