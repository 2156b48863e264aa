package io.paritybench.harness;

import io.paritybench.core.Criterion;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.harness.external.ExternalRun;
import io.paritybench.harness.external.ExternalSolver;
import io.paritybench.harness.external.ExternalSolvers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paritybench solve}: solves one problem with one solver and reports the result with figures the harness
 * recomputes itself ({@link SolveReport}). Exit code 0 when the status is CONVERGED and the recomputed
 * {@code max|RRC − b|} is within the tolerance, 3 otherwise (the result is still written), 2 for bad input
 * (including a solver whose {@code supports(problem)} declines the problem), and 1 with one line
 * "internal error in solver X: …" when the solver throws, returns null or ends the JVM ({@link ExitGuard}); exit 0
 * always means that the result was written.
 */
@Command(name = "solve", sortOptions = false,
        customSynopsis = {
            "paritybench solve (--cov FILE | --returns FILE | --factor-loadings FILE",
            "         --factor-cov FILE --idio-var FILE) [--budgets FILE]",
            "         [--normalise-budgets] --solver ID [--tol T] [--criterion abs|rel] [--max-iter N]",
            "         [--time-limit DURATION] [--init FILE] [--format json|csv|table]",
            "         [--out FILE] [--external FILE [--watchdog DURATION]]"},
        description = "Solve one risk-budgeting problem with one solver.")
final class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemInput input;

    @Option(names = "--solver", order = 10, paramLabel = "ID", required = true,
            description = "Solver id (see 'paritybench list').")
    String solverId;

    @Option(names = "--tol", order = 11, paramLabel = "T", defaultValue = "1e-10",
            description = "Tolerance on max_i |RRC_i - b_i|, 0 < T < 1 (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--criterion", order = 11, paramLabel = "abs|rel", defaultValue = "abs",
            description = "Which error --tol bounds: abs = max_i |RRC_i - b_i|, rel = max_i |RRC_i/b_i - 1| "
                    + "(the solver is then asked for max|RRC - b| <= tol * min b, which implies it) "
                    + "(default: ${DEFAULT-VALUE}).")
    Criterion criterion;

    @Mixin
    SolveLimits limits;

    @Option(names = "--init", order = 14, paramLabel = "FILE",
            description = "Initial weights CSV (one row or one column, positive, any scale).")
    Path init;

    @Option(names = "--format", order = 15, paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format: json, csv or table (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", order = 16, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path out;

    @Mixin
    ExternalFile external;

    @Option(names = "--watchdog", order = 41, paramLabel = "DURATION", defaultValue = "0",
            converter = Durations.Converter.class, description = "External solvers only: kill the command's process group after this long (TIMEOUT, exit 3);"
                    + " 0 = twice --time-limit plus 30 s, or none without a time limit.")
    Duration watchdog;

    @Override
    public Integer call() throws IOException {
        input.checkUsage();
        external.use();
        RiskBudgetSolver solver;
        try {
            solver = ExternalSolvers.byId(solverId);
        } catch (IllegalArgumentException e) {
            throw new InputException("--solver", e.getMessage());
        }
        ProblemInput.Loaded loaded = input.load();
        RiskBudgetProblem problem = loaded.problem();
        String source = loaded.source().toString();
        if (!solver.supports(problem)) {
            throw new InputException(source, SolverPreamble.unsupported(solver, problem));
        }
        SolverOptions options = options(problem.assetNames());
        options = options.withTolerance(criterion.solverTolerance(tolerance, problem));
        if (solver instanceof ExternalSolver ext) {
            return external(ext, problem, loaded.hasNames(), options);
        }

        ExitGuard guard = ExitGuard.install(spec.qualifiedName(), solverId);
        SolveReport report;
        try {
            long start = System.nanoTime();
            SolveResult result;
            try {
                result = solver.solve(problem, options);
            } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                return internalError(e.getClass().getName() + ": " + CliErrors.oneLine(e.getMessage()));
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (result == null) {
                return internalError("solve returned null");
            }
            try {
                report = SolveReport.of(problem, loaded.hasNames(), tolerance, criterion, result, seconds);
            } catch (RuntimeException e) {
                return internalError("its result cannot be read: " + e.getClass().getName() + ": "
                        + CliErrors.oneLine(e.getMessage()));
            }
            write(report);
        } finally {
            guard.remove();
        }
        return exitCode(report);
    }

    /**
     * Runs an external solver and judges its weights like a built-in solver's: exit 0 only for a claim of success
     * that the harness's check confirms, 3 for a reported failure, an inaccurate claim, wrong weights or a timeout,
     * 1 (one line with the stderr tail) when the command failed, as for a built-in solver that throws.
     */
    private int external(ExternalSolver ext, RiskBudgetProblem problem, boolean named, SolverOptions options)
            throws IOException {
        Duration dog = !watchdog.isZero() ? watchdog
                : options.timeLimit().isZero() ? Duration.ZERO : options.timeLimit().multipliedBy(2).plusSeconds(30);
        ExternalRun run = ext.run(problem, options, dog);
        PrintWriter err = spec.commandLine().getErr();
        if (run instanceof ExternalRun.Failed f) {
            return internalError("EXCEPTION: " + f.describe());
        }
        if (run instanceof ExternalRun.TimedOut t) {
            err.println(spec.qualifiedName() + ": " + solverId + " did not converge: TIMEOUT: "
                    + ExternalSolver.timeoutMessage(t));
            err.flush();
            return ExitCodes.NOT_CONVERGED;
        }
        ExternalRun.Answered a = (ExternalRun.Answered) run;
        if (a.trace().present() && !a.trace().valid()) {
            // solve does not use the trace; a bad one is still said, never dropped in silence
            err.println(spec.qualifiedName() + ": warning: " + solverId + "'s trace is rejected: " + a.trace().error());
            err.flush();
        }
        if (a.weights().length != problem.n()) {
            err.println(spec.qualifiedName() + ": " + solverId + " did not converge: INVALID_WEIGHTS: "
                    + a.weights().length + " weights for n = " + problem.n()
                    + (a.claimsSuccess() ? " (it claimed success)" : ""));
            err.flush();
            return ExitCodes.NOT_CONVERGED;
        }
        // judged like a built-in solver's result: the tolerance as given, on the error --criterion names
        SolveReport report = SolveReport.of(problem, named, tolerance, criterion, ext.toResult(a),
                a.wallNanos() * 1e-9).withSolverSeconds(a.seconds());
        write(report);
        return exitCode(report);
    }

    private int exitCode(SolveReport report) {
        if (report.converged()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + solverId + " did not converge: " + report.status()
                + (report.success() ? " but the harness's check failed" : "")
                + (report.status() == io.paritybench.core.SolveStatus.FAILED ? " (" + report.message() + ")" : "")
                + String.format(java.util.Locale.ROOT, " (%s = %.3e, tolerance %.1e)",
                criterion == Criterion.REL ? "max|RRC/b-1|" : "max|RRC-b|", report.judgedError(), report.tolerance()));
        err.flush();
        return ExitCodes.NOT_CONVERGED;
    }

    /** One line on stderr, "internal error in solver X: …", and {@link ExitCodes#INTERNAL_ERROR}; nothing is written. */
    private int internalError(String what) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": internal error in solver " + solverId + ": " + what);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private SolverOptions options(java.util.List<String> assets) {
        SolverOptions o = limits.options(tolerance);
        if (init == null) {
            return o;
        }
        double[] x0 = ProblemInput.aligned(init, assets, "initial weights");
        try {
            return o.withInitialPoint(x0);
        } catch (IllegalArgumentException e) {
            throw new InputException(init.toString(), e.getMessage());
        }
    }

    private void write(SolveReport report) throws IOException {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            format.write(report, w);
            w.flush();
            return;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                format.write(report, w);
            }
        } catch (IOException e) {
            throw new InputException(out.toString(), "cannot write: " + e);
        }
    }
}
