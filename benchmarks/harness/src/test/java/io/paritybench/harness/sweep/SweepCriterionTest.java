package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.ParityBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sweep --criterion abs|rel}: which budget error decides OK, carried into the settings and the run record. */
class SweepCriterionTest {

    @TempDir
    Path tmp;

    private record Run(int code, String err) {
    }

    private static Run sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "--out", out.toString(), "--solvers",
                SweepTestSolvers.ABS_ONLY + "," + SweepTestSolvers.EXACT, "--families", "random-spectrum", "--n", "5",
                "--kappa", "1e2", "--budgets", "tiny:1:1e-4", "--seeds", "1", "--tol", "1e-6", "--time-limit", "200ms",
                "--watchdog", "1500ms", "--no-n2", "--no-bisect", "--no-measure", "--no-progress", "--set",
                "worker.jvm-args=-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        CommandLine cmd = ParityBench.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        return new Run(cmd.execute(args.toArray(String[]::new)), err.toString());
    }

    private static Map<String, TrialRecord> bySolver(Path f) {
        return ResultsCsv.read(f).rows().stream().collect(Collectors.toMap(r -> r.key().solver(), r -> r));
    }

    @Test
    void theRelativeCriterionClassifiesByTheRelativeErrorAndResumeWithTheOtherIsRefused() {
        Path abs = tmp.resolve("abs.csv");
        Run a = sweep(abs);
        assertThat(a.code()).as(a.err()).isEqualTo(ExitCodes.OK);
        TrialRecord looseAbs = bySolver(abs).get(SweepTestSolvers.ABS_ONLY);
        // the control: 0.1 % off on a 1e-4 budget is about 1e-7 in max|RRC - b|, within 1e-6
        assertThat(looseAbs.judgement().rrcAbs()).isLessThan(1e-6);
        assertThat(looseAbs.judgement().rrcRel()).isGreaterThan(1e-4);
        assertThat(looseAbs.judgement().outcome()).as(looseAbs.judgement().message()).isEqualTo(Outcome.OK);

        Path rel = tmp.resolve("rel.csv");
        Run r = sweep(rel, "--criterion", "rel");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        Map<String, TrialRecord> rows = bySolver(rel);
        TrialRecord loose = rows.get(SweepTestSolvers.ABS_ONLY);
        assertThat(loose.judgement().rrcAbs()).isLessThan(1e-6);
        assertThat(loose.judgement().outcome()).isEqualTo(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE);
        assertThat(loose.judgement().message()).contains("max|RRC/b-1|");
        // an honest solver is asked for max|RRC - b| <= 1e-6 x 1e-4 and meets the relative criterion
        TrialRecord exact = rows.get(SweepTestSolvers.EXACT);
        assertThat(exact.judgement().tolerance()).isLessThanOrEqualTo(1e-6 * 1e-4 * (1 + 1e-12));
        assertThat(exact.judgement().rrcRel()).isLessThanOrEqualTo(1e-6);
        assertThat(exact.judgement().outcome()).as(exact.judgement().message()).isEqualTo(Outcome.OK);
        assertThat(RunInfo.read(RunInfo.pathFor(rel)).config()).containsEntry("criterion", "rel");
        assertThat(RunInfo.read(RunInfo.pathFor(rel)).fingerprint())
                .isNotEqualTo(RunInfo.read(RunInfo.pathFor(abs)).fingerprint());

        Run resumed = sweep(rel, "--resume", "--criterion", "abs");
        assertThat(resumed.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(resumed.err()).contains("other settings");
        Run resumedAbs = sweep(abs, "--resume", "--criterion", "rel");
        assertThat(resumedAbs.code()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
