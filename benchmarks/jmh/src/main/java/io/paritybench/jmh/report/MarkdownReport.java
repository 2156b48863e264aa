package io.paritybench.jmh.report;

import io.paritybench.core.text.Numbers;
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
        if (info.contended()) {
            md.append("**Contended run**: load average ").append(Numbers.sig(info.loadBefore())).append(" at the start on ")
                    .append(info.cores()).append(" CPUs (limit ").append(Numbers.sig(0.5 * info.cores()))
                    .append("), steal ").append(Numbers.percent(info.steal())).append(" (limit 1%). Other work ran beside the ")
                    .append("benchmarks; do not cite these times.\n\n");
        }
        md.append("Profile `").append(info.profile()).append("`, run ").append(info.date());
        if (!info.commit().isEmpty()) {
            md.append(", commit `").append(info.commit()).append('`');
        }
        md.append(", load average ").append(Double.isNaN(info.loadBefore()) ? "unknown" : Numbers.sig(info.loadBefore()))
                .append(" at the start on ").append(info.cores()).append(" CPUs, steal ")
                .append(Double.isNaN(info.steal()) ? "unknown" : Numbers.percent(info.steal())).append(" over the run");
        md.append(". Machine and JVM: [environment.md](environment.md). Raw JMH results: `").append(info.jmhFile())
                .append("`.\n\n");
        md.append("Command: `").append(info.command()).append("`\n\n");
        for (Map.Entry<String, RunSettings> e : t.settings().entrySet()) {
            md.append("- `").append(e.getKey()).append("`: ").append(e.getValue().describe()).append('\n');
        }
        SideRecord.Trial jvm = t.jvm();
        if (jvm != null) {
            md.append("- benchmark JVMs: collectors ").append(TimingTable.orElse(jvm.gc(), "?")).append(", max heap ")
                    .append(Numbers.sig(jvm.maxHeapBytes() == null ? Double.NaN
                            : jvm.maxHeapBytes() / (double) (1 << 30))).append(" GiB, JIT ")
                    .append(TimingTable.orElse(jvm.jit(), "?")).append(", options `")
                    .append(TimingTable.orElse(jvm.jvmArgs(), "")).append("`\n");
        }
        long[] steady = t.steadyCount();
        md.append("- steady state: ").append(steady[0]).append(" of ").append(steady[1])
                .append(" timed configurations (⚠ marks the others)\n");
        md.append('\n');
        md.append(legend());
        kernels(md, t);
        problems(md, t);
        pivots(md, t);
        factor(md, t);
        scaling(md, t);
        if (info.plotFile() != null) {
            md.append("## Time against n\n\nMedian time per solve (median over seeds), converged configurations ")
                    .append("only, log–log, with the fitted lines time ∝ n^p (dashed).\n\n")
                    .append("![median time per solve against n](").append(info.plotFile()).append(")\n\n");
        }
        twoAssets(md, t);
        all(md, t);
        return md.toString();
    }

    private static String legend() {
        return """
                How to read it. Each configuration solves fixed, seeded ERC problems (the same for every solver and \
                tolerance): one seed, or several joined by "+" (seed 1+2+3), whose problems each invocation solves in \
                turn, so that the time describes the family rather than one matrix. Before JMH starts, every \
                problem, its certified reference and its conditioning are prepared once, so no trial pays for them. \
                Each trial (fork) warms up by count (10 solves of each problem; the time cap is judged on the last, \
                warm one) and by time (JMH warm-up), then JMH measures in sample mode: it times a **subset** of the \
                solves one by one (enough for their distribution), not every solve. A solve under a microsecond \
                (inverse-vol at n = 10), too short for sample mode's timer reads, is measured in average-time mode \
                instead ("batched" in the samples column): JMH calls it in a loop and reads the clock once per \
                iteration, so the iteration's value is the mean of its solves. The time of a configuration is the **median of the \
                iteration medians** over forks × measured iterations; its 95% interval is a bootstrap of that median \
                resampling whole iterations (n/a below 6 iterations). JMH's t-based error is not shown. A \
                configuration is **not steady** (⚠) when in some fork the first and the last measured iteration \
                medians differ by more than 10%; its time is shown with the mark, never averaged silently. \
                "×matvec", "×chol" and "×resid" divide the median by the median time of the kernels the solvers run, \
                measured in the same trial right after the solver (the solvers' matrix–vector loop, newton's blocked \
                Cholesky, the harness's residual check), so machine drift cancels. Bytes per solve and collections \
                come from JMH's GC profiler over the measured iterations. Marks:
                - `✗ STATUS share`: solves did not converge; the time shown in the full table is the time the solver \
                takes to give up, not a solve time, and is left out of the summary tables, the fits and the plot;
                - `⏱`: over the time cap: the warm probe solve reached the cap, so it was not timed;
                - `n/a`: the solver does not handle the problem (a closed form for n = 2 only);
                - `error`, `?`: the solver threw, or JMH gave no result (see the JMH log);
                - empty: not part of this run.
                With several seeds a summary cell gives the range of their medians. "failed" and "outside acc." are \
                shares of the measured solves (JMH event counters): a status other than CONVERGED, and a residual \
                max|RRC_i − b_i| above max(tol, the achievable floor of the problem, ALGORITHMS.md §8.3; see Problems).

                """;
    }

    private static void kernels(StringBuilder md, TimingTable t) {
        if (t.kernelRows().isEmpty()) {
            return;
        }
        md.append("## Kernels\n\n");
        md.append("Median time of one operation over the batches of every solver trial at that n (95% bootstrap ")
                .append("interval), measured in the solvers' own forks.\n\n");
        md.append("| n | matvec y = Σx (solvers' loop) | Cholesky (newton's) | residual check | Cholesky / matvec |\n")
                .append("|---:|---:|---:|---:|---:|\n");
        for (KernelRow k : t.kernelRows()) {
            md.append("| ").append(k.n()).append(" | ").append(withInterval(k.matvec())).append(" | ")
                    .append(withInterval(k.cholesky())).append(" | ").append(withInterval(k.residual())).append(" | ")
                    .append(k.matvec() != null && k.cholesky() != null
                            ? Numbers.sig(k.cholesky().median() / k.matvec().median()) : "")
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String withInterval(TimeSummary s) {
        if (s == null) {
            return "";
        }
        return Numbers.time(s.median()) + (s.hasInterval() ? " [" + Numbers.time(s.low()) + ", " + Numbers.time(s.high())
                + "]" : "");
    }

    private static void scaling(StringBuilder md, TimingTable t) {
        if (t.fits().isEmpty()) {
            return;
        }
        md.append("## Scaling: time ∝ n^p\n\n");
        md.append("Least-squares fit of log(time) against log(n) over the converged configurations of each solver, ")
                .append("family, κ and tolerance (every seed a point); 95% interval of p from the residuals ")
                .append("(t with m − 2 degrees of freedom; n/a with two points). The same fit for the time per solver ")
                .append("iteration separates the cost of an iteration from the growth of the iteration count.\n\n");
        md.append("| solver | family | κ(Σ) | tol | points | n | p (time per solve) | p (time per iteration) |\n")
                .append("|---|---|---:|---:|---:|---|---:|---:|\n");
        for (ScalingFit f : t.fits()) {
            md.append("| ").append(f.solver()).append(" | ").append(f.family()).append(" | ").append(f.kappa())
                    .append(" | ").append(f.tol()).append(" | ").append(f.points()).append(" | ").append(f.minN())
                    .append("–").append(f.maxN()).append(" | ").append(exponent(f.exponent(), f.low(), f.high()))
                    .append(" | ").append(exponent(f.perIterationExponent(), f.perIterationLow(), f.perIterationHigh()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String exponent(double p, double lo, double hi) {
        return Numbers.sig(p) + (Double.isNaN(lo) ? " (n/a)" : " [" + Numbers.sig(lo) + ", " + Numbers.sig(hi) + "]");
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
        for (SideRecord.Conditioning p : t.problems()) {
            md.append("| ").append(TimingTable.orElse(p.family(), "")).append(" | ").append(p.n())
                    .append(" | ").append(Numbers.sci(SideRecord.orNaN(p.kappaSigma()))).append(" | ")
                    .append(Numbers.sci(SideRecord.orNaN(p.kappaWeights()))).append(" | ")
                    .append(Numbers.sci(SideRecord.orNaN(p.cancellation()))).append(" | ")
                    .append(Numbers.sci(SideRecord.orNaN(p.rrcFloorNaive()))).append(" | ")
                    .append(TimingTable.orElse(p.certified(), "")).append(" | `").append(p.spec())
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
            Map<String, List<SolverRow>> cell = new LinkedHashMap<>();
            List<SolverRow> bySolver = new ArrayList<>(g);
            bySolver.sort(java.util.Comparator.comparing(SolverRow::solver));
            for (SolverRow r : bySolver) {
                ns.add(r.n());
                solvers.add(r.solver());
                cell.computeIfAbsent(r.solver() + "|" + r.n(), k -> new ArrayList<>()).add(r);
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
                    List<SolverRow> r = cell.get(s + "|" + n);
                    md.append(' ').append(r == null ? "" : summaryCell(r)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private static void factor(StringBuilder md, TimingTable t) {
        if (t.factorRows().isEmpty()) {
            return;
        }
        md.append("## Structured factor model: Σ = BFB' + D\n\n");
        md.append("""
                `FactorBenchmark`: ERC on a factor model that is never materialised (ALGORITHMS.md §6.2, §6.4): \
                market plus k − 1 style factors, idiosyncratic volatilities 10–40 %, seed 1, only the solvers with a \
                factor-form path. Same method as above (warm-up by count and by time, sample mode, median of the \
                iteration medians with a bootstrap interval, ⚠ when not steady); no kernel ratios (there is no n×n \
                matrix). "w err vs ref." is the warm probe's largest relative weight error against the certified \
                reference solution of the same problem. The plot continues these along n.

                | solver | n × k | tol | outcome | median [95% CI] | iter. | it/solve | B/solve | GCs | w err vs ref. | load |
                |---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (SolverRow r : t.factorRows()) {
            TimeSummary s = r.time();
            md.append("| ").append(r.solver()).append(" | ").append(TimingTable.orElse(r.probe().shape(), Integer.toString(r.n())))
                    .append(" | ").append(r.tol()).append(" | ").append(outcomeText(r.outcome(), r.detail()))
                    .append(r.steady() ? "" : " ⚠").append(" | ").append(s == null ? "" : withInterval(s)).append(" | ")
                    .append(s == null ? "" : Integer.toString(s.iterations())).append(" | ")
                    .append(Numbers.sig(r.iterationsPerSolve())).append(" | ").append(Numbers.bytes(r.gc().bytesPerOp()))
                    .append(" | ").append(Numbers.sig(r.gc().count())).append(" | ")
                    .append(Numbers.sci(SideRecord.orNaN(r.probe().relWeightErrorVsReference()))).append(" | ")
                    .append(Numbers.sig(r.load())).append(" |\n");
        }
        md.append('\n');
    }

    /** The cell of a summary table: the median if every solve converged, else the mark. */
    static String summaryCell(SolverRow r) {
        return switch (r.outcome()) {
            case OK -> Numbers.time(r.time().median()) + (r.steady() ? "" : " ⚠");
            case FAILED -> "✗ " + r.detail();
            case OVER_TIME_CAP -> "⏱ > " + r.cap() + " s";
            default -> r.outcome().mark();
        };
    }

    /**
     * The cell of the seeds of one solver and n: with one seed its cell; with several, the range of the medians when
     * all converged (⚠ if any is not steady), else the first seed that did not, with the count.
     */
    static String summaryCell(List<SolverRow> seeds) {
        if (seeds.size() == 1) {
            return summaryCell(seeds.get(0));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean steady = true;
        for (SolverRow r : seeds) {
            if (r.outcome() != Outcome.OK) {
                long bad = seeds.stream().filter(x -> x.outcome() != Outcome.OK).count();
                return summaryCell(r) + " (" + bad + " of " + seeds.size() + " seeds)";
            }
            lo = Math.min(lo, r.time().median());
            hi = Math.max(hi, r.time().median());
            steady &= r.steady();
        }
        return Numbers.time(lo) + " – " + Numbers.time(hi) + (steady ? "" : " ⚠");
    }

    private static void twoAssets(StringBuilder md, TimingTable t) {
        if (t.twoAssetRows().isEmpty()) {
            return;
        }
        md.append("## n = 2: every solver against the closed form\n\n");
        md.append("""
                Each solve takes the next problem of a seeded grid of 216 two-asset problems (ρ from −0.999 to 0.999, \
                volatility ratios 1 to 1e3, budgets 1e-4 to 1 − 1e-4); the time is the mean over the grid within an iteration, and the median of the iteration means over forks × iterations. The \
                errors are maxima over the whole grid (every problem solved once before the measurement, and every \
                measured solve): the relative weight error max_i |w_i − w_i*|/w_i* against the closed form \
                (ALGORITHMS.md §4.1), over all solves and over converged ones, its ratio to the achievable error \
                max(1e-13, 100·κ_w·1.1e-16) of the problem (§8.3), and the largest residual. The residual test is \
                absolute, so a solver that stops as soon as max|RRC_i − b_i| ≤ tol can leave a relative weight error of \
                order tol/b_i on a budget b_i = 1e-4: a ratio far above 1 with a residual within tol means the stopping \
                rule, not a wrong answer; a large error with a large residual is a failure.

                | solver | tol | outcome | time [95% CI] | it/solve | failed | outside acc. | max w err | max w err, converged | ÷ achievable | where | max residual |
                |---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|
                """);
        for (TwoAssetRow r : t.twoAssetRows()) {
            SideRecord.TwoAsset e = r.errors();
            md.append("| ").append(r.solver()).append(" | ").append(r.tol()).append(" | ")
                    .append(outcomeText(r.outcome(), r.detail())).append(" | ")
                    .append(r.time() == null ? "" : medianCell(r.time())).append(" | ")
                    .append(Numbers.sig(r.iterationsPerSolve())).append(" | ")
                    .append(Numbers.percent(r.failRate())).append(" | ")
                    .append(Numbers.percent(r.outsideAccuracyRate())).append(" | ")
                    .append(errorCell(e.maxWeightError())).append(" | ")
                    .append(errorCell(e.maxConvergedWeightError())).append(" | ")
                    .append(Numbers.sig(SideRecord.orNaN(e.maxConvergedWeightErrorOverAchievable()))).append(" | ")
                    .append(TimingTable.orElse(e.maxConvergedWeightErrorOverAchievableCase(), ""))
                    .append(" | ").append(errorCell(e.maxResidual())).append(" |\n");
        }
        md.append('\n');
    }

    private static void all(StringBuilder md, TimingTable t) {
        if (t.solverRows().isEmpty()) {
            return;
        }
        md.append("## Every configuration\n\n");
        md.append("\"iter.\" is the number of measured iterations (forks × iterations), \"drift\" the largest change ")
                .append("between the first and last iteration median of a fork, \"samples\" the solves JMH timed ")
                .append("one by one (\"batched\": average-time mode, the mean of each iteration's solves), \"B/solve\" and \"GCs\" the GC profiler's allocation per solve and ")
                .append("collections in the measurement, \"load\" the largest 1-minute load average seen by a ")
                .append("trial.\n\n");
        md.append("| solver | family | κ(Σ) | tol | n | seed | outcome | median | 95% CI | iter. | drift | samples "
                + "| it/solve | ×matvec | ×chol | ×resid | B/solve | GCs | GC ms | load | failed | outside acc. |\n");
        md.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:"
                + "|---:|---:|\n");
        for (SolverRow r : t.solverRows()) {
            TimeSummary s = r.time();
            md.append("| ").append(r.solver()).append(" | ").append(r.family()).append(" | ").append(r.kappa())
                    .append(" | ").append(r.tol()).append(" | ").append(r.n()).append(" | ").append(r.seed())
                    .append(" | ").append(outcomeText(r.outcome(), r.detail())).append(r.steady() ? "" : " ⚠")
                    .append(" | ").append(s == null ? "" : Numbers.time(s.median())).append(" | ")
                    .append(s == null ? "" : s.hasInterval() ? Numbers.time(s.low()) + " – " + Numbers.time(s.high())
                            : "n/a")
                    .append(" | ").append(s == null ? "" : Integer.toString(s.iterations())).append(" | ")
                    .append(s == null ? "" : Numbers.percent(s.drift())).append(" | ")
                    .append(s == null ? "" : s.samples() == 0 ? "batched" : Long.toString(s.samples())).append(" | ")
                    .append(Numbers.sig(r.iterationsPerSolve())).append(" | ")
                    .append(Numbers.sig(r.matvecs())).append(" | ").append(Numbers.sig(r.factorisations())).append(" | ")
                    .append(Numbers.sig(r.residualChecks())).append(" | ").append(Numbers.bytes(r.gc().bytesPerOp()))
                    .append(" | ").append(Numbers.sig(r.gc().count())).append(" | ").append(Numbers.sig(r.gc().timeMs()))
                    .append(" | ").append(Numbers.sig(r.load())).append(" | ")
                    .append(Numbers.percent(r.failRate())).append(" | ").append(Numbers.percent(r.outsideAccuracyRate()))
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

    private static String medianCell(TimeSummary s) {
        return s == null ? "" : withInterval(s);
    }

    private static String errorCell(Double error) {
        return error == null ? "" : Numbers.sci(error);
    }

    /** Keeps free text from breaking a table row. */
    static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
