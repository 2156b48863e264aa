package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paritybench trace}: the files, the three inputs, the refusals (exit 2). No timing is asserted. */
class TraceCommandTest {

    @TempDir
    Path dir;

    private static String caseDir() throws Exception {
        return Path.of(TraceCommandTest.class.getResource("/cases/rs_n10_kappa1e2").toURI()).toString();
    }

    @Test
    void writesTheTraceTheTableAndBothPlots() throws Exception {
        Path out = dir.resolve("t");
        CliRun run = CliRun.of("trace", "--case", caseDir(), "--solvers", "newton,ccd-spinu,closed-form-n2",
                "--warmup", "1", "--repeats", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        for (String f : List.of("trace.csv", "time_to_accuracy.md", "time_to_accuracy.csv", "residual_vs_time.png",
                "residual_vs_time.svg", "residual_vs_iteration.png", "residual_vs_iteration.svg")) {
            assertThat(out.resolve(f)).exists();
        }
        List<String> csv = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(csv.get(0)).isEqualTo("solver,iteration,seconds,max_abs_rrc_err,max_rel_rrc_err,w_rel,point,status");
        assertThat(csv).anyMatch(l -> l.startsWith("newton,0,"));
        assertThat(csv).anyMatch(l -> l.startsWith("ccd-spinu,1,"));
        assertThat(csv).anyMatch(l -> l.startsWith("closed-form-n2,,") && l.contains("not applicable"));
        String md = Files.readString(out.resolve("time_to_accuracy.md"));
        assertThat(md).contains("| newton |", "| ccd-spinu |", "residual_vs_time.png", "closed-form-n2: not applicable");
        assertThat(run.out()).contains("| solver | ≤ 1e-4 |");
    }

    @Test
    void tracesAGeneratedProblemAndACovarianceFile() throws Exception {
        CliRun spec = CliRun.of("trace", "--spec", "random-spectrum:n=8,kappa=1e3,seed=2", "--solvers", "ccd-choi",
                "--warmup", "0", "--repeats", "1", "--out", dir.resolve("s").toString());
        assertThat(spec.exitCode()).as(spec.err()).isEqualTo(ExitCodes.OK);
        List<String> rows = Files.readAllLines(dir.resolve("s/trace.csv"));
        assertThat(rows.get(rows.size() - 1).split(",", -1)[5]).as("w_rel against the certified reference")
                .isNotEmpty();
        CliRun cov = CliRun.of("trace", "--cov", caseDir() + "/cov.csv", "--solvers", "newton", "--warmup", "0",
                "--repeats", "1", "--out", dir.resolve("c").toString());
        assertThat(cov.exitCode()).as(cov.err()).isEqualTo(ExitCodes.OK);
        List<String> covRows = Files.readAllLines(dir.resolve("c/trace.csv"));
        assertThat(covRows.get(1).split(",", -1)[5]).as("no reference: empty w_rel").isEmpty();
    }

    @Test
    void refusesToOverwriteWithoutForceAndRejectsBadInput() throws Exception {
        Path out = dir.resolve("t");
        String[] args = {"trace", "--case", caseDir(), "--solvers", "newton", "--warmup", "0", "--repeats", "1",
            "--out", out.toString()};
        assertThat(CliRun.of(args).exitCode()).isEqualTo(ExitCodes.OK);
        CliRun again = CliRun.of(args);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("--force");
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertThat(CliRun.of(forced).exitCode()).isEqualTo(ExitCodes.OK);

        assertThat(CliRun.of("trace", "--case", caseDir(), "--solvers", "no-such-solver", "--out",
                dir.resolve("u").toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("trace", "--solvers", "newton", "--out", dir.resolve("v").toString()).exitCode())
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("trace", "--case", caseDir(), "--spec", "random-spectrum:n=4,seed=1", "--solvers",
                "newton", "--out", dir.resolve("w").toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("trace", "--case", caseDir(), "--solvers", "newton", "--repeats", "0", "--out",
                dir.resolve("x").toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void includesExternalSolversAndTheirTraces() throws Exception {
        Path out = dir.resolve("x");
        String defs = io.paritybench.harness.external.Stubs.definitions().toString();
        CliRun run = CliRun.of("trace", "--case", caseDir(), "--external", defs, "--solvers",
                "newton,stub-ok,stub-liar,stub-trace-order", "--tol", "1e-9", "--warmup", "0", "--repeats", "1",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> csv = Files.readAllLines(out.resolve("trace.csv"));
        for (String id : List.of("newton", "stub-ok", "stub-liar", "stub-trace-order")) {
            assertThat(csv).as(id + " emits at least one point").anyMatch(l -> l.startsWith(id + ","));
        }
        assertThat(csv).anyMatch(l -> l.startsWith("stub-ok,0,") && l.contains(",iterate,CONVERGED"));
        assertThat(csv).anyMatch(l -> l.startsWith("stub-liar,") && l.contains(",result,CONVERGED"));
        assertThat(run.err()).contains("warning: stub-trace-order: its trace was rejected");
        String md = Files.readString(out.resolve("time_to_accuracy.md"));
        assertThat(md).contains("| stub-ok |", "stub-liar: its answer has no trace",
                "stub-trace-order: its trace was rejected (trace[");
        Path solo = dir.resolve("solo.defs");
        Path stub = Path.of(defs).resolveSibling("stub.py");
        Files.writeString(solo, "solo: python3 '" + stub + "' ok {cov} {budgets} {tol} {maxIter} {out}\n");
        CliRun one = CliRun.of("trace", "--case", caseDir(), "--external", solo.toString(), "--solvers", "solo",
                "--warmup", "0", "--repeats", "2", "--out", dir.resolve("solo").toString());
        assertThat(one.exitCode()).as(one.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("solo/trace.csv"))).contains("\nsolo,0,");
    }

    @Test
    void tracesAStructuredFactorProblemAndSaysWhichSolversCannot() throws Exception {
        Path out = dir.resolve("f");
        CliRun run = CliRun.of("trace", "--spec", "factor:n=300,k=8,idio=1e-2,seed=3", "--structured", "--solvers",
                "ccd-choi,newton,sqp-ls,closed-form-n2", "--warmup", "0", "--repeats", "1", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> csv = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(csv).anyMatch(l -> l.startsWith("ccd-choi,1,"));
        assertThat(csv).anyMatch(l -> l.startsWith("newton,1,"));
        assertThat(csv).anyMatch(l -> l.startsWith("sqp-ls,,") && l.contains("not applicable")
                && l.contains("factor form k = 8"));
        String last = csv.stream().filter(l -> l.startsWith("ccd-choi,")).reduce((a, b) -> b).orElseThrow();
        assertThat(last.split(",", -1)[5]).as("w_rel against the certified factor-form reference").isNotEmpty();
        assertThat(Files.readString(out.resolve("time_to_accuracy.md")))
                .contains("in factor form (k = 8", "sqp-ls: not applicable");

        CliRun dense = CliRun.of("trace", "--spec", "random-spectrum:n=10,kappa=1e2,seed=1", "--structured",
                "--solvers", "newton", "--out", dir.resolve("d").toString());
        CliRun kappa = CliRun.of("trace", "--spec", "factor:n=30,seed=1", "--structured", "--kappa", "1e4",
                "--solvers", "newton", "--out", dir.resolve("k").toString());
        assertThat(dense.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dense.err()).contains("--structured");
        assertThat(kappa.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(kappa.err()).contains("--kappa");
    }
}
