package io.paritybench.harness.external;

import io.paritybench.harness.CliRun;
import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.ResultsCsv;
import io.paritybench.harness.sweep.TrialRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sweep --external}: the stubs run in the worker JVMs and are classified like built-in solvers, through
 * {@code --resume} and a two-shard run plus {@code merge}.
 *
 * <p>Nothing here depends on the machine's speed: the stubs that answer run under a time limit and a watchdog far
 * longer than any of them takes on a loaded machine, and the hang, which never answers, runs in a sweep of its own
 * with a short watchdog; whichever kills it first (the worker its process group, or the sweep the worker), the
 * outcome is TIMEOUT.
 */
class ExternalSweepTest {

    private static final String SOLVERS = "newton,stub-ok,stub-liar,stub-failed,stub-short,stub-crash,stub-malformed";
    private static final int STUBS = 7;

    @TempDir
    Path tmp;

    /** A sweep of the answering stubs: a 60 s time limit and a 180 s watchdog, never reached by an answer. */
    private static CliRun sweep(Path out, String... more) {
        return sweep(SOLVERS, "60s", "180s", out, more);
    }

    private static CliRun sweep(String solvers, String timeLimit, String watchdog, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", "--external", Stubs.definitions().toString(), "--solvers",
                solvers, "--families", "random-spectrum", "--n", "5", "--kappa", "1e2", "--budgets", "equal",
                "--seeds", "1", "--no-bisect", "--no-n2", "--no-measure", "--tol", "1e-9",
                "--time-limit", timeLimit, "--watchdog", watchdog, "--jobs", "1", "--no-progress", "--out",
                out.toString()));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(String[]::new));
    }

    private static Map<String, TrialRecord> bySolver(Path f) {
        return ResultsCsv.read(f).rows().stream().collect(Collectors.toMap(r -> r.key().solver(), Function.identity()));
    }

    @Test
    void everyStubIsClassifiedAndAResumedRunRepeatsNothing() {
        Path f = tmp.resolve("ext.csv");
        CliRun first = sweep(f, "--max-trials", "3");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        List<TrialRecord> before = ResultsCsv.read(f).rows();
        assertThat(before).hasSize(3);

        CliRun rest = sweep(f, "--resume");
        assertThat(rest.exitCode()).as(rest.err()).isEqualTo(ExitCodes.OK);
        List<TrialRecord> after = ResultsCsv.read(f).rows();
        assertThat(after).hasSize(STUBS).startsWith(before.toArray(TrialRecord[]::new));
        assertThat(after.stream().map(t -> t.key().id()).distinct()).hasSize(STUBS);

        Map<String, TrialRecord> rows = bySolver(f);
        assertThat(rows).hasSize(STUBS);
        assertThat(rows.get("newton").judgement().outcome()).isEqualTo(Outcome.OK);
        assertThat(rows.get("stub-ok").judgement().outcome()).isEqualTo(Outcome.OK);
        assertThat(rows.get("stub-ok").result().solverMs()).isEqualTo(1.0);
        assertThat(rows.get("stub-ok").result().timeMs()).isGreaterThan(1.0);
        assertThat(rows.get("newton").result().solverMs()).isNaN();
        assertThat(rows.get("stub-liar").judgement().outcome()).isEqualTo(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE);
        assertThat(rows.get("stub-failed").judgement().outcome()).isEqualTo(Outcome.REPORTED_FAILURE);
        assertThat(rows.get("stub-failed").judgement().message()).contains("DIVERGED");
        assertThat(rows.get("stub-short").judgement().outcome()).isEqualTo(Outcome.INVALID_WEIGHTS);
        assertThat(rows.get("stub-crash").judgement().outcome()).isEqualTo(Outcome.EXCEPTION);
        assertThat(rows.get("stub-crash").judgement().message()).contains("boom: cannot factorise");
        assertThat(rows.get("stub-malformed").judgement().outcome()).isEqualTo(Outcome.EXCEPTION);
    }

    @Test
    void aCommandThatNeverAnswersIsATimeout() {
        Path f = tmp.resolve("hang.csv");
        CliRun run = sweep("stub-hang", "1s", "3s", f);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Map<String, TrialRecord> rows = bySolver(f);
        assertThat(rows).containsOnlyKeys("stub-hang");
        assertThat(rows.get("stub-hang").judgement().outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(rows.get("stub-hang").judgement().message()).containsAnyOf("process group was killed", "worker killed");
    }

    @Test
    void aResumeWithEditedDefinitionsIsRefusedAsOtherSettings() throws java.io.IOException {
        Path defs = tmp.resolve("mine.defs");
        java.nio.file.Files.writeString(defs, "mine: echo first >&2; exit 1\n");
        Path f = tmp.resolve("mine.csv");
        List<String> a = List.of("sweep", "--external", defs.toString(), "--solvers", "newton,mine", "--families",
                "random-spectrum", "--n", "5", "--kappa", "1e2", "--budgets", "equal", "--seeds", "1", "--no-bisect",
                "--no-n2", "--no-measure", "--jobs", "1", "--no-progress", "--out", f.toString());
        List<String> first = new ArrayList<>(a);
        first.addAll(List.of("--max-trials", "1"));
        assertThat(CliRun.of(first.toArray(String[]::new)).exitCode()).isEqualTo(ExitCodes.OK);
        List<String> resume = new ArrayList<>(a);
        resume.add("--resume");

        // the same ids with another command are other solvers: their rows must not be reused
        java.nio.file.Files.writeString(defs, "mine: echo second >&2; exit 1\n");
        CliRun edited = CliRun.of(resume.toArray(String[]::new));
        assertThat(edited.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(edited.err()).contains("other settings");

        java.nio.file.Files.writeString(defs, "mine: echo first >&2; exit 1\n");
        CliRun same = CliRun.of(resume.toArray(String[]::new));
        assertThat(same.exitCode()).as(same.err()).isEqualTo(ExitCodes.OK);
        assertThat(ResultsCsv.read(f).rows()).hasSize(2);
    }

    @Test
    void twoShardsMergeIntoTheSameClassification() {
        Path a = tmp.resolve("s0.csv");
        Path b = tmp.resolve("s1.csv");
        Path merged = tmp.resolve("merged.csv");
        assertThat(sweep(a, "--shard", "0/2").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(sweep(b, "--shard", "1/2").exitCode()).isEqualTo(ExitCodes.OK);
        CliRun m = CliRun.of("merge", "--out", merged.toString(), a.toString(), b.toString());

        assertThat(m.exitCode()).as(m.err()).isEqualTo(ExitCodes.OK);
        Map<String, TrialRecord> rows = bySolver(merged);
        assertThat(rows).hasSize(STUBS);
        assertThat(rows.get("stub-ok").judgement().outcome()).isEqualTo(Outcome.OK);
        assertThat(rows.get("stub-liar").judgement().outcome()).isEqualTo(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE);
        assertThat(rows.get("stub-short").judgement().outcome()).isEqualTo(Outcome.INVALID_WEIGHTS);
        assertThat(rows.get("stub-crash").judgement().outcome()).isEqualTo(Outcome.EXCEPTION);
    }
}
