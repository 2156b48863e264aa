package io.paritybench.jmh.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Writes {@code timing.md}: the kernels, one table of median times per (family, κ, tolerance), every configuration, n = 2. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Writes the report. */
    public static void write(TimingTable t, ReportInfo info, Path file) throws IOException {
        Files.writeString(file, render(t, info), StandardCharsets.UTF_8);
    }

    static String render(TimingTable t, ReportInfo info) {
        StringBuilder md = new StringBuilder();
        md.append("# Timing: risk-budgeting solvers (JMH)\n\n");
        md.append("Profile `").append(info.profile()).append("`, run ").append(info.date());
        if (!info.commit().isEmpty()) {
            md.append(", commit `").append(info.commit()).append('`');
        }
        md.append(". Machine and JVM: [environment.md](environment.md). Raw JMH results: `").append(info.jmhFile())
                .append("`.\n\n");
        md.append("Command: `").append(info.command()).append("`\n\n");
        for (Map.Entry<String, RunSettings> e : t.settings().entrySet()) {
            md.append("- `").append(e.getKey()).append("`: ").append(e.getValue().describe()).append('\n');
        }
        md.append('\n');
        md.append(legend());
        kernels(md, t);
        problems(md, t);
        pivots(md, t);
        if (info.plotFile() != null) {
            md.append("## Time against n\n\nMedian time per solve, converged configurations only, log–log.\n\n")
                    .append("![median time per solve against n](").append(info.plotFile()).append(")\n\n");
        }
        twoAssets(md, t);
        all(md, t);
        return md.toString();
    }

    private static String legend() {
        return """
                How to read it. Each configuration solves one fixed, seeded ERC problem (the same for every solver and \
                tolerance); the solve is timed on its own (JMH sample mode) and the table gives the **median** time \
                per solve, with a distribution-free 95% interval of the median in the full table. "×matvec" and \
                "×chol" divide the median by the time of one n×n matrix–vector product and of one n×n Cholesky \
                factorisation on the same machine (kernel table), so they can be compared across machines. Marks:
                - `✗ STATUS share`: solves did not converge; the time shown in the full table is the time the solver \
                takes to give up, not a solve time, and is left out of the summary tables and the plot;
                - `⏱`: over the time cap: the probe solve before the measurement reached the cap, so it was not timed;
                - `n/a`: the solver does not handle the problem (a closed form for n = 2 only);
                - `error`, `?`: the solver threw, or JMH gave no result (see the JMH log);
                - empty: not part of this run.
                "failed" and "outside acc." are shares of the measured solves (JMH event counters): a status other \
                than CONVERGED, and a residual max|RRC_i − b_i| above max(tol, the achievable floor of the problem, \
                ALGORITHMS.md §8.3; see Problems). Kernel ratios use EJML's Cholesky; the newton solver factors \
                with its own block Cholesky.

                """;
    }

    private static void kernels(StringBuilder md, TimingTable t) {
        if (t.kernelRows().isEmpty()) {
            return;
        }
        md.append("## Kernels\n\n");
        md.append("Mean time of one operation ± JMH's 99.9% half-width, on the random-spectrum problem of each n.\n\n");
        md.append("| n | matvec y = Σx | Cholesky Σ = LL' | Cholesky / matvec |\n|---:|---:|---:|---:|\n");
        for (KernelRow k : t.kernelRows()) {
            md.append("| ").append(k.n()).append(" | ").append(meanError(k.matvec())).append(" | ")
                    .append(meanError(k.cholesky())).append(" | ")
                    .append(k.matvec() != null && k.cholesky() != null
                            ? Format.sig(k.cholesky().mean() / k.matvec().mean()) : "")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void problems(StringBuilder md, TimingTable t) {
        if (t.problems().isEmpty()) {
            return;
        }
        md.append("## Problems\n\n");
        md.append("""
                The conditioning of each problem, from its certified reference solution (ALGORITHMS.md §2.4, §8): \
                κ_w, the componentwise condition number of the weights (achievable relative weight error ≈ κ_w·u), \
                the cancellation factor of Σw, and the residual max|RRC_i − b_i| of the exact answer evaluated in \
                double. A solve counts as outside the achievable accuracy when its residual is above \
                max(tol, 1e-14, 100 × that floor).

                | family | n | κ(Σ) | κ_w | cancellation | double floor of the residual | certified | spec |
                |---|---:|---:|---:|---:|---:|---|---|
                """);
        for (Map<String, String> p : t.problems()) {
            md.append("| ").append(p.getOrDefault("family", "")).append(" | ").append(p.getOrDefault("n", ""))
                    .append(" | ").append(Format.sci(TimingTable.parse(p.get("kappaSigma")))).append(" | ")
                    .append(Format.sci(TimingTable.parse(p.get("kappaWeights")))).append(" | ")
                    .append(Format.sci(TimingTable.parse(p.get("cancellation")))).append(" | ")
                    .append(Format.sci(TimingTable.parse(p.get("rrcFloorNaive")))).append(" | ")
                    .append(p.getOrDefault("certified", "")).append(" | `").append(p.getOrDefault("spec", ""))
                    .append("` |\n");
        }
        md.append('\n');
    }

    private static void pivots(StringBuilder md, TimingTable t) {
        if (t.solverRows().isEmpty()) {
            return;
        }
        Map<String, List<SolverRow>> groups = new LinkedHashMap<>();
        List<SolverRow> ordered = new ArrayList<>(t.solverRows());
        ordered.sort(java.util.Comparator.comparing(SolverRow::family).thenComparingDouble(SolverRow::kappaValue)
                .thenComparing(java.util.Comparator.comparingDouble(SolverRow::tolValue).reversed()));
        for (SolverRow r : ordered) {
            groups.computeIfAbsent(r.family() + "|" + r.kappa() + "|" + r.tol(), k -> new ArrayList<>()).add(r);
        }
        md.append("## Median time per solve\n\n");
        for (List<SolverRow> g : groups.values()) {
            SolverRow first = g.get(0);
            md.append("### ").append(first.family()).append(", κ(Σ) = ").append(first.kappa()).append(", tol = ")
                    .append(first.tol()).append("\n\n");
            Set<Integer> ns = new TreeSet<>();
            Set<String> solvers = new LinkedHashSet<>();
            Map<String, SolverRow> cell = new LinkedHashMap<>();
            List<SolverRow> bySolver = new ArrayList<>(g);
            bySolver.sort(java.util.Comparator.comparing(SolverRow::solver));
            for (SolverRow r : bySolver) {
                ns.add(r.n());
                solvers.add(r.solver());
                cell.put(r.solver() + "|" + r.n(), r);
            }
            md.append("| solver |");
            for (int n : ns) {
                md.append(" n = ").append(n).append(" |");
            }
            md.append("\n|---|");
            md.append("---:|".repeat(ns.size()));
            md.append('\n');
            for (String s : solvers) {
                md.append("| ").append(s).append(" |");
                for (int n : ns) {
                    SolverRow r = cell.get(s + "|" + n);
                    md.append(' ').append(r == null ? "" : summaryCell(r)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    /** The cell of a summary table: the median if every solve converged, else the mark. */
    static String summaryCell(SolverRow r) {
        return switch (r.outcome()) {
            case OK -> Format.time(r.time().median());
            case FAILED -> "✗ " + r.detail();
            case OVER_TIME_CAP -> "⏱ > " + r.cap() + " s";
            default -> r.outcome().mark();
        };
    }

    private static void twoAssets(StringBuilder md, TimingTable t) {
        if (t.twoAssetRows().isEmpty()) {
            return;
        }
        md.append("## n = 2: every solver against the closed form\n\n");
        md.append("""
                Each solve takes the next problem of a seeded grid of 216 two-asset problems (ρ from −0.999 to 0.999, \
                volatility ratios 1 to 1e3, budgets 1e-4 to 1 − 1e-4); the time is the mean over the grid. The \
                errors are maxima over the whole grid (every problem solved once before the measurement, and every \
                measured solve): the relative weight error max_i |w_i − w_i*|/w_i* against the closed form \
                (ALGORITHMS.md §4.1), over all solves and over converged ones, its ratio to the achievable error \
                max(1e-13, 100·κ_w·1.1e-16) of the problem (§8.3), and the largest residual. The residual test is \
                absolute, so a solver that stops as soon as max|RRC_i − b_i| ≤ tol can leave a relative weight error of \
                order tol/b_i on a budget b_i = 1e-4: a ratio far above 1 with a residual within tol means the stopping \
                rule, not a wrong answer; a large error with a large residual is a failure.

                | solver | tol | outcome | mean time | it/solve | failed | outside acc. | max w err | max w err, converged | ÷ achievable | where | max residual |
                |---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|
                """);
        for (TwoAssetRow r : t.twoAssetRows()) {
            md.append("| ").append(r.solver()).append(" | ").append(r.tol()).append(" | ")
                    .append(outcomeText(r.outcome(), r.detail())).append(" | ")
                    .append(r.time() == null ? "" : meanError(r.time())).append(" | ")
                    .append(Format.sig(r.iterationsPerSolve())).append(" | ")
                    .append(Format.percent(r.failRate())).append(" | ")
                    .append(Format.percent(r.outsideAccuracyRate())).append(" | ")
                    .append(errorCell(r, "maxWeightError")).append(" | ")
                    .append(errorCell(r, "maxConvergedWeightError")).append(" | ")
                    .append(Format.sig(r.error("maxConvergedWeightErrorOverAchievable"))).append(" | ")
                    .append(r.errors().getOrDefault("maxConvergedWeightErrorOverAchievableCase", "")).append(" | ")
                    .append(errorCell(r, "maxResidual")).append(" |\n");
        }
        md.append('\n');
    }

    private static void all(StringBuilder md, TimingTable t) {
        if (t.solverRows().isEmpty()) {
            return;
        }
        md.append("## Every configuration\n\n");
        md.append("| solver | family | κ(Σ) | tol | n | outcome | median | 95% CI of median | mean ± 99.9% | solves "
                + "| it/solve | ×matvec | ×chol | failed | outside acc. |\n");
        md.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SolverRow r : t.solverRows()) {
            TimeSummary s = r.time();
            md.append("| ").append(r.solver()).append(" | ").append(r.family()).append(" | ").append(r.kappa())
                    .append(" | ").append(r.tol()).append(" | ").append(r.n()).append(" | ")
                    .append(outcomeText(r.outcome(), r.detail())).append(" | ")
                    .append(s == null ? "" : Format.time(s.median())).append(" | ")
                    .append(s == null || Double.isNaN(s.low()) ? "" : Format.time(s.low()) + " – " + Format.time(s.high()))
                    .append(" | ").append(s == null ? "" : meanError(s)).append(" | ")
                    .append(Double.isNaN(r.solves()) ? "" : String.format(java.util.Locale.ROOT, "%.0f", r.solves()))
                    .append(" | ").append(Format.sig(r.iterationsPerSolve())).append(" | ")
                    .append(Format.sig(r.matvecs())).append(" | ").append(Format.sig(r.factorisations())).append(" | ")
                    .append(Format.percent(r.failRate())).append(" | ").append(Format.percent(r.outsideAccuracyRate()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String outcomeText(Outcome o, String detail) {
        return switch (o) {
            case OK -> "ok";
            case FAILED -> "✗ " + detail;
            default -> o.mark() + (detail.isEmpty() ? "" : " " + escape(detail));
        };
    }

    private static String meanError(TimeSummary s) {
        if (s == null) {
            return "";
        }
        return Double.isNaN(s.meanError()) ? Format.time(s.mean())
                : Format.time(s.mean()) + " ± " + Format.time(s.meanError());
    }

    private static String errorCell(TwoAssetRow r, String key) {
        return r.errors().containsKey(key) ? Format.sci(r.error(key)) : "";
    }

    /** Keeps free text from breaking a table row. */
    static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
