package io.paritybench.harness.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.ResultsCsv;
import io.paritybench.harness.sweep.Environment;
import io.paritybench.harness.sweep.RunInfo;
import io.paritybench.harness.sweep.Stage;
import io.paritybench.harness.sweep.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from a synthetic results file (no trials run). */
class SweepReportTest {

    @TempDir
    Path tmp;

    private static TrialRecord row(Stage stage, long ordinal, String solver, String problem, Outcome o, double kappa,
                                   double wRel, double ms) {
        boolean ok = o == Outcome.OK;
        boolean n2 = stage == Stage.N2;
        return new TrialRecord(
                new TrialRecord.Key(stage.label() + "|" + problem + "|" + solver, stage, ordinal, solver, problem,
                        n2 ? "n2" : "random-spectrum", n2 ? 2 : 10, kappa, "equal", "volatility",
                        stage == Stage.BISECT ? ordinal % 10 + 1 : 1, n2 ? 0.9 : Double.NaN, n2 ? 10 : Double.NaN),
                new TrialRecord.Facts(kappa, Math.sqrt(kappa), Math.sqrt(kappa), 1e-16, 0.1),
                new TrialRecord.Reference(io.paritybench.harness.sweep.ProblemReference.Kind.REFERENCE_SOLVER,
                        n2 ? 3e-16 : Double.NaN),
                new TrialRecord.Result(o == Outcome.REPORTED_FAILURE ? io.paritybench.core.SolveStatus.MAX_ITERATIONS
                        : o == Outcome.TIMEOUT ? null : io.paritybench.core.SolveStatus.CONVERGED,
                        ok ? 12 : 1000, ms, 1e-16, Double.NaN),
                new TrialRecord.Judgement(1e-10, 1e-8, o, ok ? 1e-16 : 1e-4, ok ? 1e-15 : 1e-3, wRel, 1e-16,
                        ok && wRel < 1e-13, "m"));
    }

    private Path results() {
        List<TrialRecord> rows = new ArrayList<>();
        long ord = 0;
        for (double kappa : new double[] {1e2, 1e6, 1e10}) {
            String p = "gen:random-spectrum:n=10,kappa=" + kappa;
            rows.add(row(Stage.GRID, ord++, "fast", p, Outcome.OK, kappa, 1e-15, 1));
            rows.add(row(Stage.GRID, ord++, "slow", p, kappa > 1e8 ? Outcome.REPORTED_FAILURE : Outcome.OK, kappa,
                    1e-12, 10));
            rows.add(row(Stage.GRID, ord++, "liar", p, Outcome.CLAIMED_SUCCESS_BUT_INACCURATE, kappa, 1e-2, 0.1));
            rows.add(row(Stage.GRID, ord++, "hang", p, Outcome.TIMEOUT, kappa, Double.NaN, 2000));
        }
        rows.add(row(Stage.N2, 0, "fast", "n2:a", Outcome.OK, 10, 2e-16, 0.01));
        rows.add(row(Stage.N2, 1, "slow", "n2:a", Outcome.OK, 10, 4e-16, 0.02));
        // Bisection: "slow" passes at 1e1 and 1e3, fails at 1e5 (2 seeds each, 1 seed run on the failure).
        long b = 0;
        for (double kappa : new double[] {1e1, 1e3}) {
            for (int s = 0; s < 2; s++) {
                rows.add(row(Stage.BISECT, b++, "slow", "gen:bisect:" + kappa + ":" + s, Outcome.OK, kappa, 1e-15, 1));
            }
        }
        rows.add(row(Stage.BISECT, b, "slow", "gen:bisect:1e5:0", Outcome.REPORTED_FAILURE, 1e5, 1e-3, 1));
        Path f = tmp.resolve("sweep").resolve("sweep.csv");
        ResultsCsv.writeAll(f, rows);
        RunInfo.of("abc", "0/1", Map.of("bisect.seeds", "2", "bisect.success", "0.9"),
                Environment.of("Test CPU", 2)).write(RunInfo.pathFor(f));
        return f;
    }

    @Test
    void writesTheReportWithEveryTableAsCsvAndLatexAndTheFiguresAsPngAndSvg() throws IOException {
        Path results = results();
        Path report = tmp.resolve("REPORT.md");

        SweepReport.Written w = SweepReport.write(results, report, results.getParent());

        String md = Files.readString(report);
        assertThat(md).contains("## Outcomes by solver", "## Rates by κ(Σ)", "## Rates by n", "## Accuracy",
                "## Breaking points", "## The dense n = 2 grid", "## Silent failures", "## Performance profiles",
                "## Environment");
        assertThat(md).contains("![Performance profile, time](sweep/figures/profile_time.svg)");
        // The liar's three silent failures are listed; the breaking point of "slow" is bracketed.
        assertThat(md).contains("3 trial(s) claimed CONVERGED but failed the harness's check");
        assertThat(md).containsPattern("\\| slow \\| 1e3 \\(fails at 1e5\\) \\|");
        assertThat(md).containsPattern("\\| liar \\| 3 \\| 0 \\| 100 \\|");
        Path tables = results.getParent().resolve("tables");
        for (String t : List.of("outcomes_by_solver", "rates_by_kappa", "rates_by_n", "accuracy", "iterations",
                "breaking_points", "breaking_point_probes", "n2_closed_form", "silent_failures")) {
            assertThat(tables.resolve(t + ".csv")).isRegularFile();
            assertThat(Files.readString(tables.resolve(t + ".tex"))).contains("\\begin{tabular}", "\\bottomrule");
        }
        Path figures = results.getParent().resolve("figures");
        for (String f : List.of("profile_time", "profile_accuracy", "success_by_kappa")) {
            byte[] png = Files.readAllBytes(figures.resolve(f + ".png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(figures.resolve(f + ".svg"))).contains("<svg");
        }
        assertThat(w.files()).contains(report);
        assertThat(md).contains("| cpu | Test CPU |", "bisect.seeds = 2");
    }

    @Test
    void latexEscapesSpecialCharactersAndSymbols() {
        assertThat(Table.tex("w_rel 5% & κ_w ≤ 1e3 #1")).isEqualTo(
                "w\\_rel 5\\% \\& $\\kappa$\\_w $\\leq$ 1e3 \\#1");
    }

    @Test
    void theStructuredTableHasARowPerSolverAndSizeWithItsOutcomes() {
        List<TrialRecord> rows = List.of(row(Stage.STRUCTURED, 0, "newton", "factor-form:a", Outcome.OK, 1e3, 1e-14, 40),
                row(Stage.STRUCTURED, 1, "newton", "factor-form:b", Outcome.OK, 1e3, 3e-14, 60),
                row(Stage.STRUCTURED, 2, "ccd-spinu", "factor-form:a", Outcome.REPORTED_FAILURE, 1e3, 0.5, 1000));

        Table t = ReportTables.structured(rows);

        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)).startsWith("newton", "10", "2", "2", "–");
        assertThat(t.rows().get(0).get(9)).isIn("40", "50");
        assertThat(t.rows().get(1)).startsWith("ccd-spinu", "10", "1", "0", "REPORTED_FAILURE 1");
    }
}
