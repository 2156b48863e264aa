package io.paritybench.harness;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.Solvers;
import io.paritybench.core.io.CsvIo;
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
            "paritybench solve (--cov FILE | --returns FILE) [--budgets FILE]",
            "         [--normalise-budgets] --solver ID [--tol T] [--max-iter N]",
            "         [--time-limit SECONDS] [--init FILE] [--format json|csv|table]",
            "         [--out FILE]"},
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
            description = "Tolerance on max_i |RRC_i - b_i| (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-iter", order = 12, paramLabel = "N", defaultValue = "0",
            description = "Iteration cap in the solver's own unit; 0 = the solver's default.")
    int maxIterations;

    @Option(names = "--time-limit", order = 13, paramLabel = "SECONDS", defaultValue = "0",
            description = "Wall-clock limit checked between iterations; 0 = none.")
    double timeLimitSeconds;

    @Option(names = "--init", order = 14, paramLabel = "FILE",
            description = "Initial weights CSV (one row or one column, positive, any scale).")
    Path init;

    @Option(names = "--format", order = 15, paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format: json, csv or table (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", order = 16, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        input.checkUsage();
        RiskBudgetSolver solver;
        try {
            solver = Solvers.byId(solverId);
        } catch (IllegalArgumentException e) {
            throw new InputException("--solver", e.getMessage());
        }
        ProblemInput.Loaded loaded = input.load();
        RiskBudgetProblem problem = loaded.problem();
        String source = loaded.source().toString();
        if (!solver.supports(problem)) {
            throw new InputException(source, SolverPreamble.unsupported(solver, problem));
        }
        SolverOptions options = options(problem.n());

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
                report = SolveReport.of(problem, loaded.hasNames(), options, result, seconds);
            } catch (RuntimeException e) {
                return internalError("its result cannot be read: " + e.getClass().getName() + ": "
                        + CliErrors.oneLine(e.getMessage()));
            }
            write(report);
        } finally {
            guard.remove();
        }
        if (report.converged()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + solverId + " did not converge: " + report.status()
                + (report.success() ? " but the harness's check failed" : "")
                + String.format(java.util.Locale.ROOT, " (max|RRC-b| = %.3e, tolerance %.1e)",
                report.maxAbsBudgetError(), report.tolerance()));
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

    private SolverOptions options(int n) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new InputException("--tol", "must be a positive finite number, got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new InputException("--max-iter", "must be >= 0 (0 = the solver's default), got " + maxIterations);
        }
        if (!(timeLimitSeconds >= 0) || !Double.isFinite(timeLimitSeconds)) {
            throw new InputException("--time-limit", "must be a finite number of seconds >= 0, got "
                    + timeLimitSeconds);
        }
        SolverOptions o = SolverOptions.defaults().withTolerance(tolerance).withMaxIterations(maxIterations)
                .withTimeLimit(Duration.ofNanos(Math.round(timeLimitSeconds * 1e9)));
        if (init == null) {
            return o;
        }
        double[] x0 = CsvIo.readVector(init);
        if (x0.length != n) {
            throw new InputException(init.toString(), "initial point has " + x0.length + " weights but the problem has "
                    + n + " assets");
        }
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
