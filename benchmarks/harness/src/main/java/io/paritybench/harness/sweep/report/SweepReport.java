package io.paritybench.harness.sweep.report;

import io.paritybench.harness.sweep.Environment;
import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.ResultsCsv;
import io.paritybench.harness.sweep.RunInfo;
import io.paritybench.harness.sweep.Stage;
import io.paritybench.harness.sweep.SweepConfig;
import io.paritybench.harness.sweep.TrialRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the publishable report of a sweep: {@code REPORT.md} with every table and figure, the tables also as CSV
 * and LaTeX ({@code ASSETS/tables}), the figures as PNG and SVG ({@code ASSETS/figures}), and the environment
 * the results were produced in (from the results' {@code .run.json}). Everything is computed from the results
 * file alone, so a merged or resumed sweep reports exactly like a single run.
 */
public final class SweepReport {

    /** Silent failures and crashes listed individually at most. */
    private static final int LIST_LIMIT = 25;

    private SweepReport() {
    }

    /**
     * What was written.
     *
     * @param report the Markdown report
     * @param files  every file written, the report included
     * @param rows   result rows read
     */
    /** @param skipped malformed or torn rows left out (only with {@code skipBadRows}) */
    public record Written(Path report, List<Path> files, int rows, int skipped) {
    }

    /**
     * @param results the results CSV (with its {@code .run.json} beside it, if any)
     * @param report  the Markdown file to write
     * @param assets  the folder for {@code tables/} and {@code figures/}
     */
    public static Written write(Path results, Path report, Path assets) {
        return write(results, report, assets, false);
    }

    /**
     * @param skipBadRows report on the good rows when some are malformed (else such a file is rejected)
     * @throws IllegalArgumentException naming the first malformed row (unless skipped) or the first trial key that
     *                                  occurs twice (two writers, or a merge gone wrong)
     */
    public static Written write(Path results, Path report, Path assets, boolean skipBadRows) {
        ResultsCsv.Contents contents = ResultsCsv.read(results);
        if (contents.dropped() > 0 && !skipBadRows) {
            throw new IllegalArgumentException(results + ": " + contents.firstBad() + " (" + contents.dropped()
                    + " malformed or torn row(s) in all): fix the file, or use --skip-bad-rows to report without them");
        }
        List<TrialRecord> rows = contents.rows();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer prev = seen.put(rows.get(i).key().id(), i);
            if (prev != null) {
                throw new IllegalArgumentException(results + ": trial " + rows.get(i).key().id() + " occurs twice (rows "
                        + (prev + 1) + " and " + (i + 1) + "): two sweeps wrote this file, or it was concatenated; "
                        + "'paritybench merge' keeps one row per trial");
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(results + ": no result rows to report on");
        }
        RunInfo info = RunInfo.read(RunInfo.pathFor(results));
        Map<String, String> settings = new LinkedHashMap<>(SweepConfig.defaults().values());
        if (info != null) {
            settings.putAll(info.config());
        }
        int seeds = Integer.parseInt(settings.get("bisect.seeds").trim());
        double success = Double.parseDouble(settings.get("bisect.success").trim());

        List<TrialRecord> main = ReportTables.stages(rows, Stage.GRID, Stage.CASES);
        List<TrialRecord> two = ReportTables.stages(rows, Stage.N2);
        List<TrialRecord> measures = ReportTables.stages(rows, Stage.MEASURE);
        List<TrialRecord> structured = ReportTables.stages(rows, Stage.STRUCTURED);
        List<BreakingPoints.Search> searches = BreakingPoints.of(rows, seeds, success);

        Path tableDir = assets.resolve("tables");
        Path figureDir = assets.resolve("figures");
        List<Path> files = new ArrayList<>();
        Path reportDir = report.toAbsolutePath().getParent();
        String rel = relative(reportDir, assets);

        StringBuilder md = new StringBuilder();
        header(md, results, rows, main, info, contents.dropped(), rel);
        List<Table> written = new ArrayList<>();
        if (!main.isEmpty()) {
            String scope = main.stream().anyMatch(r -> r.key().stage() == Stage.CASES) ? "the grid and the case folders"
                    : "the grid";
            section(md, ReportTables.outcomes(main, scope), written);
            section(md, ReportTables.byKappa(main), written);
            figures(md, rel, Figures.rates(figureDir, "success_by_kappa", "OK rate by κ(Σ)",
                    "κ(Σ) of the problem (decade bins)", successByKappa(main)), "OK rate by κ(Σ)");
            section(md, ReportTables.byKappaW(main), written);
            section(md, ReportTables.byN(main), written);
            section(md, ReportTables.byFamily(main), written);
            section(md, ReportTables.byBudgets(main), written);
            section(md, ReportTables.accuracy(main), written);
            section(md, ReportTables.iterations(main), written);
            section(md, ReportTables.statuses(main), written);
        }
        if (!searches.isEmpty()) {
            section(md, ReportTables.breakingPoints(searches), written);
            Table probes = ReportTables.probes(searches);
            written.add(probes);
            md.append("Every probe of the bisection: `").append(rel).append("/tables/").append(probes.name())
                    .append(".csv`.\n\n");
        }
        if (!two.isEmpty()) {
            section(md, ReportTables.twoAssets(two), written);
        }
        if (!structured.isEmpty()) {
            section(md, ReportTables.structured(structured), written);
        }
        if (!measures.isEmpty()) {
            section(md, ReportTables.byMeasure(measures), written);
            section(md, ReportTables.accuracyByMeasure(measures), written);
        }
        if (!main.isEmpty()) {
            section(md, ReportTables.silentFailures(main, LIST_LIMIT), written);
            section(md, ReportTables.crashes(rows, LIST_LIMIT), written);
            profiles(md, rel, figureDir, main);
        }
        environment(md, info);
        files(md, rel, results, written);

        try {
            Files.createDirectories(tableDir);
            for (Table t : written) {
                files.add(writeText(tableDir.resolve(t.name() + ".csv"), t.csv()));
                files.add(writeText(tableDir.resolve(t.name() + ".tex"), t.latex()));
            }
            try (var s = Files.list(figureDir)) {
                s.sorted().forEach(files::add);
            } catch (IOException e) {
                // no figures
            }
            files.add(writeText(report, md.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
        return new Written(report, files, rows.size(), contents.dropped());
    }

    private static void header(StringBuilder md, Path results, List<TrialRecord> rows, List<TrialRecord> main,
                               RunInfo info, int dropped, String rel) {
        Set<String> problems = new LinkedHashSet<>();
        main.forEach(r -> problems.add(r.key().problem()));
        md.append("# Robustness and accuracy of the risk-budgeting solvers\n\n");
        md.append("Generated by `paritybench report` from `").append(rel).append('/').append(results.getFileName())
                .append("`: ").append(count(rows.size(), "trial")).append(", ")
                .append(count(ReportTables.solvers(rows).size(), "solver")).append(", ")
                .append(count(problems.size(), "grid problem"));
        long n2 = rows.stream().filter(r -> r.key().stage() == Stage.N2).map(r -> r.key().problem()).distinct().count();
        if (n2 > 0) {
            md.append(", ").append(count(n2, "two-asset problem"));
        }
        long measured = rows.stream().filter(r -> r.key().stage() == Stage.MEASURE).map(r -> r.key().problem()).distinct()
                .count();
        if (measured > 0) {
            md.append(", ").append(count(measured, "risk-measure problem"));
        }
        long factorForm = rows.stream().filter(r -> r.key().stage() == Stage.STRUCTURED).map(r -> r.key().problem())
                .distinct().count();
        if (factorForm > 0) {
            md.append(", ").append(count(factorForm, "factor-form problem"));
        }
        md.append(". ");
        if (info != null) {
            Environment env = info.environment();
            String cpu = env == null || env.cpu() == null ? "?" : env.cpu();
            String cores = env == null || env.cores() == null ? "?" : env.cores().toString();
            if (!info.shards().isEmpty()) {
                List<RunInfo> shards = info.shards();
                String first = null;
                double seconds = 0;
                for (RunInfo m : shards) {
                    if (m.started() != null && (first == null || m.started().compareTo(first) < 0)) {
                        first = m.started();
                    }
                    if (m.summary() != null) {
                        seconds += m.summary().elapsedSeconds();
                    }
                }
                md.append("Merged from ").append(count(shards.size(), "shard")).append(", the first started ")
                        .append(first == null ? "?" : first).append(" on ").append(cpu)
                        .append(" (").append(String.format(java.util.Locale.ROOT, "%.1f", seconds))
                        .append(" s of shard time; environments at the end). ");
            } else {
                md.append("Sweep run ").append(info.started() == null ? "?" : info.started()).append(" on ")
                        .append(cpu).append(", ").append(cores)
                        .append(" cores");
                if (info.summary() != null) {
                    md.append(", ").append(info.summary().elapsedSeconds()).append(" s");
                }
                md.append(" (environment at the end). ");
            }
        }
        md.append("Reproduce with `scripts/sweep`.\n\n");
        if (dropped > 0) {
            md.append("**Note:** ").append(dropped).append(" torn or unreadable row(s) of the results file were "
                    + "ignored.\n\n");
        }
        md.append("""
                ## How to read this report

                Every trial (one solver on one problem) is classified, never averaged away:

                | class | meaning |
                |:---|:---|
                | OK | the solver said CONVERGED and the harness's own check passed |
                | CLAIMED_SUCCESS_BUT_INACCURATE | **silent failure**: CONVERGED, but the residual recomputed by the harness exceeds the tolerance the solver was given, or the weights are further from the reference than that residual allows |
                | INVALID_WEIGHTS, NON_FINITE | **silent failure**: CONVERGED with weights that are not a portfolio (a weight ≤ 0, sum ≠ 1) or not finite |
                | REPORTED_FAILURE | the solver said it did not converge (its status is in the results: MAX_ITERATIONS, STAGNATED, ...) |
                | EXCEPTION, TIMEOUT | `solve` threw (class and message in the row) or its worker JVM died; or it did not answer before the watchdog, which killed its worker JVM |
                | NOT_APPLICABLE | the solver declared the problem outside its scope (`supports(problem)` said no: risk measure, n or structure) and was not run; left out of the rates |

                * **The check.** Each solver is asked for `max_i |RRC_i − b_i| ≤ τ`, with τ the requested tolerance
                  raised, on problems where double precision cannot do better, to the problem's floor
                  `max(1e-14, 100·floor)` (ALGORITHMS.md §8.3). The harness recomputes the residual from the returned
                  weights and compares them with the reference solver's certified, correctly rounded weights:
                  `w_rel = max_i |w_i − w_ref_i| / w_ref_i` must be within `max(1e-13, 100·κ_w·u, 10·κ_w·τ/b_min)`,
                  the error that a residual τ permits to first order (κ_w: componentwise condition number of the
                  weights; u = 1.1e-16).
                * **Accuracy** is reported against what double precision can attain: `w_rel/(κ_w·u)` near 1 is as
                  good as it gets; "at floor" means both the residual and the weights are within the §8.3 bounds.
                * **Rates** are shown as `OK / silent / reported` in % of the applicable trials; the remainder are
                  exceptions and timeouts.

                """);
    }

    private static String count(long k, String noun) {
        return k + " " + noun + (k == 1 ? "" : "s");
    }

    private static void section(StringBuilder md, Table t, List<Table> written) {
        written.add(t);
        md.append("## ").append(t.title()).append("\n\n").append(t.caption()).append("\n\n");
        if (t.isEmpty()) {
            md.append("(none)\n\n");
        } else {
            md.append(t.markdown()).append('\n');
        }
    }

    private static void figures(StringBuilder md, String rel, String name, String alt) {
        md.append("![").append(alt).append("](").append(rel).append("/figures/").append(name).append(".svg)\n\n")
                .append("(PNG: `").append(rel).append("/figures/").append(name).append(".png`)\n\n");
    }

    private static Map<String, Map<Double, Double>> successByKappa(List<TrialRecord> rows) {
        Map<String, Map<Long, Counts>> m = ReportTables.counts(rows,
                r -> Double.isFinite(r.facts().kappaSigma()) && r.facts().kappaSigma() > 0 ? Math.round(Math.log10(r.facts().kappaSigma()))
                        : Long.MIN_VALUE, Long::compare);
        Map<String, Map<Double, Double>> out = new LinkedHashMap<>();
        m.forEach((s, byBin) -> {
            Map<Double, Double> pts = new TreeMap<>();
            byBin.forEach((bin, c) -> {
                if (bin != Long.MIN_VALUE && c.applicable() > 0) {
                    pts.put(Math.pow(10, bin), (double) c.ok() / c.applicable());
                }
            });
            out.put(s, pts);
        });
        return out;
    }

    private static void profiles(StringBuilder md, String rel, Path figureDir, List<TrialRecord> main) {
        List<String> solvers = ReportTables.solvers(main);
        Map<String, Map<String, Double>> time = new LinkedHashMap<>();
        Map<String, Map<String, Double>> accuracy = new LinkedHashMap<>();
        for (TrialRecord r : main) {
            if (!r.judgement().outcome().isApplicable()) {
                continue;
            }
            Map<String, Double> t = time.computeIfAbsent(r.key().problem(), k -> new LinkedHashMap<>());
            t.put(r.key().solver(), r.judgement().outcome() == Outcome.OK ? Math.max(r.result().timeMs(), 1e-3) : Double.POSITIVE_INFINITY);
            if (r.reference().kind() != io.paritybench.harness.sweep.ProblemReference.Kind.NONE) {
                Map<String, Double> a = accuracy.computeIfAbsent(r.key().problem(), k -> new LinkedHashMap<>());
                a.put(r.key().solver(), r.judgement().outcome() == Outcome.OK && Double.isFinite(r.judgement().wRel())
                        ? Math.max(r.judgement().wRel(), 0x1p-56) : Double.POSITIVE_INFINITY);
            }
        }
        md.append("## Performance profiles\n\n")
                .append("Dolan–Moré profiles over the ").append(time.size()).append(" grid problems: the fraction ")
                .append("of problems a solver solves (OK) within a factor τ of the best solver on that problem; ")
                .append("failures never count. The value at τ = 1 is how often the solver is the best; the ")
                .append("plateau on the right is its success rate. Time: single wall-clock measurements ")
                .append("(indicative; see the JMH benchmarks for speed). Accuracy: w_rel against the reference ")
                .append("(floored at 2^-56, below which weights are equal to the reference up to rounding).\n\n");
        figures(md, rel, Figures.profile(figureDir, "profile_time", "Performance profile: time", "wall time",
                PerformanceProfile.of(solvers, time)), "Performance profile, time");
        figures(md, rel, Figures.profile(figureDir, "profile_accuracy", "Performance profile: accuracy",
                "w_rel", PerformanceProfile.of(solvers, accuracy)), "Performance profile, accuracy");
    }

    private static void environment(StringBuilder md, RunInfo info) {
        md.append("## Environment\n\n");
        if (info == null) {
            md.append("No `.run.json` beside the results: the environment is unknown.\n\n");
            return;
        }
        md.append("| | |\n|:---|:---|\n");
        Map<String, String> head = new java.util.LinkedHashMap<>();
        head.put("fingerprint", info.fingerprint());
        head.put("shard", info.shard());
        head.put("started", info.started());
        head.put("finished", info.finished());
        head.forEach((k, v) -> {
            if (v != null) {
                md.append("| ").append(k).append(" | ").append(v).append(" |\n");
            }
        });
        if (info.environment() != null) {
            for (Environment.Field f : info.environment().fields()) {
                md.append("| ").append(f.name()).append(" | ").append(f.text().replace("|", "\\|")).append(" |\n");
            }
        }
        for (RunInfo m : info.shards()) {
            Environment e = m.environment();
            if (e != null) {
                md.append("| ").append(m.file()).append(" | shard ").append(m.shard()).append(", ")
                        .append(e.cpu()).append(", ").append(e.cores()).append(" cores, started ")
                        .append(m.started()).append(", commit ").append(e.gitCommit()).append(" |\n");
            }
        }
        RunInfo.Summary sum = info.summary();
        if (sum != null) {
            Map<String, Object> rows = new java.util.LinkedHashMap<>();
            rows.put("elapsed_seconds", sum.elapsedSeconds());
            rows.put("trials_run", sum.trialsRun());
            rows.put("trials_reused", sum.trialsReused());
            rows.put("outcomes", sum.outcomes());
            rows.put("worker_jvm_starts", sum.workerJvmStarts());
            rows.put("problems_skipped", sum.problemsSkipped());
            rows.put("interrupted", sum.interrupted());
            rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        }
        md.append("\n<details><summary>Sweep settings</summary>\n\n```properties\n");
        info.config().forEach((k, v) -> md.append(k).append(" = ").append(v).append('\n'));
        md.append("```\n\n</details>\n\n");
    }

    private static void files(StringBuilder md, String rel, Path results, List<Table> written) {
        md.append("## Files\n\n")
                .append("* `").append(rel).append('/').append(results.getFileName())
                .append("`: one row per trial (every column described in `ResultsCsv` and `TrialRecord`), and `")
                .append(rel).append('/').append(RunInfo.pathFor(results).getFileName())
                .append("`: settings, environment, summary.\n")
                .append("* `").append(rel).append("/tables/`: every table above as CSV and LaTeX (booktabs): ");
        List<String> names = new ArrayList<>();
        written.forEach(t -> names.add("`" + t.name() + "`"));
        md.append(String.join(", ", names)).append(".\n")
                .append("* `").append(rel).append("/figures/`: the figures as SVG and PNG.\n");
    }

    private static String relative(Path from, Path to) {
        String r = from.relativize(to.toAbsolutePath()).toString().replace('\\', '/');
        return r.isEmpty() ? "." : r;
    }

    private static Path writeText(Path p, String text) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
