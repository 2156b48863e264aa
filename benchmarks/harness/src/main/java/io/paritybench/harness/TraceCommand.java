package io.paritybench.harness;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.generate.Family;
import io.paritybench.core.generate.GeneratedProblem;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.harness.external.ExternalSolvers;
import io.paritybench.harness.trace.TraceReport;
import io.paritybench.harness.trace.TimeToLevel;
import io.paritybench.harness.trace.Tracer;
import io.paritybench.harness.trace.SolverTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code paritybench trace}: residual against time for several solvers on one problem. Each solver is solved
 * {@code --warmup} times untraced (to warm the JIT), then {@code --repeats} times with an iteration observer that
 * copies its iterates; the harness judges the copies after the solves ({@link Tracer}). Writes {@code trace.csv},
 * the time-to-accuracy table ({@code time_to_accuracy.md} and {@code .csv}) and two plots (PNG and SVG).
 */
@Command(name = "trace", sortOptions = false,
        customSynopsis = {
            "paritybench trace (--cov FILE [--budgets FILE] ... | --case DIR | --spec SPEC [--structured])",
            "         --solvers IDS [--tol T] [--max-iter N] [--time-limit DURATION]",
            "         [--warmup K] [--repeats R] [--name NAME] [--external FILE] --out DIR [--force]"},
        description = {"Trace max|RRC - b| against time and iteration for several solvers on one problem, "
                + "and tabulate the time each takes to reach 1e-4 ... 1e-12 and its floor.",
            "Writes DIR/trace.csv, DIR/time_to_accuracy.{md,csv} and DIR/residual_vs_{time,iteration}.{png,svg}."})
public final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemInput input;

    @Option(names = "--case", order = 20, paramLabel = "DIR",
            description = "Case folder (cov.csv, budgets.csv; ref_weights.csv gives the w_rel column).")
    Path caseDir;

    @Option(names = "--spec", order = 21, paramLabel = "SPEC",
            description = "Generate the problem, e.g. random-spectrum:n=100,kappa=1e6,seed=1 (its certified "
                    + "reference gives the w_rel column).")
    String generatorSpec;

    @Option(names = "--structured", order = 21,
            description = "With --spec of the factor family: keep the problem in factor form (Sigma = B F B' + D, "
                    + "never materialised; ProblemGenerator.generateStructured); solvers without a factor-form path "
                    + "are reported as not applicable.")
    boolean structured;

    @Option(names = "--kappa", order = 21, paramLabel = "K",
            description = "With --spec of the factor family: choose its idiosyncratic variance so that κ(Σ) = K "
                    + "(λ_min(Σ) is the idiosyncratic variance when n > k).")
    Double kappa;

    @Option(names = "--solvers", order = 22, paramLabel = "IDS", required = true, split = ",",
            description = "Comma-separated solver ids, or 'all' (see 'paritybench list'; with --external, its "
                    + "solvers too).")
    List<String> solverIds;

    @Mixin
    ExternalFile external;

    @Option(names = "--tol", order = 23, paramLabel = "T", defaultValue = "1e-14",
            description = "Tolerance on max|RRC - b| at which a solver stops (default: ${DEFAULT-VALUE}, below "
                    + "the double floor, so each trace runs to the solver's own stop).")
    double tolerance;

    @Mixin
    SolveLimits limits;

    @Option(names = "--warmup", order = 26, paramLabel = "K", defaultValue = "2",
            description = "Untraced solves per solver before the traced ones (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", order = 27, paramLabel = "R", defaultValue = "3",
            description = "Traced solves per solver, at most (fewer once they took 2 s in total); each point's time "
                    + "is their median (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--name", order = 28, paramLabel = "NAME",
            description = "Problem name in the files and plot titles (default: the case folder, spec or file).")
    String name;

    @Option(names = "--out", order = 29, paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--force", order = 30, description = "Overwrite the files of an existing output folder.")
    boolean force;

    /** Points kept per solve (the recorder thins beyond this, keeping the last). */
    static final int MAX_POINTS = 1024;

    /** The problem and, when known, its certified reference weights. */
    record Loaded(String label, String description, RiskBudgetProblem problem, double[] reference) {
    }

    @Override
    public Integer call() throws IOException {
        SolverOptions options = options();
        external.use(); // their optional 'trace' arrays of iterates are judged like a built-in solver's
        List<RiskBudgetSolver> solvers = solvers();
        checkOut();
        Loaded loaded = load();
        PrintWriter err = spec.commandLine().getErr();
        Tracer tracer = new Tracer(loaded.problem(), loaded.reference(), options, warmup, repeats,
                MAX_POINTS);
        List<SolverTrace> traces = new ArrayList<>();
        for (RiskBudgetSolver s : solvers) {
            err.printf(Locale.ROOT, "tracing %s on %s%n", s.id(), loaded.label());
            err.flush();
            SolverTrace t = tracer.trace(s);
            traces.add(t);
            if (!t.ran()) {
                err.printf(Locale.ROOT, "  %s: %s%n", s.id(), CliErrors.oneLine(t.message()));
            } else if (t.note().contains("rejected")) {
                err.printf(Locale.ROOT, "  warning: %s: %s%n", s.id(), t.note());
            } else if (!t.matchesUntraced()) {
                err.printf(Locale.ROOT, "  warning: %s's traced result differs from its untraced one%s%n", s.id(),
                        options.timeLimit().isZero() ? "" : " (the time limit makes the stop time-dependent)");
            }
            err.flush();
        }
        TraceReport report = TraceReport.write(out, loaded.label(), loaded.description(), traces, settings(options));
        PrintWriter o = spec.commandLine().getOut();
        o.print(report.table().markdown());
        o.println("wrote " + out.resolve(TraceReport.TRACE_CSV) + ", " + out.resolve(TraceReport.MARKDOWN)
                + " and the plots");
        o.flush();
        return ExitCodes.OK;
    }

    private String settings(SolverOptions options) {
        double limit = options.timeLimit().toNanos() * 1e-9;
        return String.format(Locale.ROOT, "Tolerance %s on max|RRC − b|, %s, %s per solve; %d untraced warm-up "
                + "solve%s, then the median of up to %d traced solve%s (fewer once they took 2 s)", TimeToLevel.sci(tolerance),
                limits.maxIterations() == 0 ? "default iteration caps" : "iteration cap " + limits.maxIterations(),
                limit == 0 ? "no time limit" : "time limit " + TimeToLevel.seconds(limit), warmup,
                warmup == 1 ? "" : "s", repeats, repeats == 1 ? "" : "s");
    }

    /**
     * The factor model {@code Σ = B diag(f²) B' + δ I} has {@code λ_min = δ} when n > k and a factor part that does
     * not depend on δ: with {@code κ_1} the condition number at δ = 1, {@code δ = (κ_1 − 1)/(K − 1)} gives
     * {@code κ(Σ) = K}. Cost: one symmetric eigenvalue decomposition of order n.
     */
    static GeneratorSpec withConditionNumber(GeneratorSpec g, double k) {
        if (g.family() != io.paritybench.core.generate.Family.FACTOR) {
            throw new InputException("--kappa", "applies to the factor family only (random-spectrum takes kappa= "
                    + "in the spec), got " + g.family());
        }
        if (!(k > 1) || !Double.isFinite(k)) {
            throw new InputException("--kappa", "must be a finite number > 1, got " + k);
        }
        if (g.n() <= g.param("k")) {
            throw new InputException("--kappa", "needs n > k = " + g.param("k") + ", got n = " + g.n());
        }
        GeneratorSpec unit = g.with("idio", 1.0);
        double k1 = io.paritybench.core.generate.Conditioning.conditionNumber(ProblemGenerator.covariance(unit));
        return g.with("idio", (k1 - 1) / (k - 1));
    }

    private SolverOptions options() {
        SolverOptions o = limits.options(tolerance);
        if (warmup < 0) {
            throw new InputException("--warmup", "must be >= 0, got " + warmup);
        }
        if (repeats < 1) {
            throw new InputException("--repeats", "must be >= 1, got " + repeats);
        }
        return o;
    }

    private List<RiskBudgetSolver> solvers() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : solverIds) {
            String t = id.trim();
            if (t.equals("all")) {
                ids.addAll(ExternalSolvers.ids());
            } else if (!t.isEmpty()) {
                ids.add(t);
            }
        }
        if (ids.isEmpty()) {
            throw new InputException("--solvers", "no solver id given");
        }
        List<RiskBudgetSolver> out = new ArrayList<>();
        for (String id : ids) {
            try {
                out.add(ExternalSolvers.byId(id));
            } catch (IllegalArgumentException e) {
                throw new InputException("--solvers", CliErrors.oneLine(e.getMessage()));
            }
        }
        return out;
    }

    private void checkOut() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException(out.toString(), "exists and is not a folder");
        }
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                if (files.anyMatch(f -> TraceReport.FILES.contains(f.getFileName().toString()))) {
                    throw new InputException(out.toString(), "already holds a trace; use --force to overwrite it");
                }
            }
        }
        Files.createDirectories(out);
    }

    private Loaded load() {
        boolean file = input.cov != null || input.returns != null;
        int given = (file ? 1 : 0) + (caseDir != null ? 1 : 0) + (generatorSpec != null ? 1 : 0);
        if (given != 1) {
            throw new ParameterException(spec.commandLine(), given == 0
                    ? "missing input: give --cov FILE (or --returns FILE), --case DIR or --spec SPEC"
                    : "give only one of --cov/--returns, --case and --spec");
        }
        if (caseDir != null) {
            CaseData c = CaseFiles.read(caseDir);
            String label = name != null ? name : c.name();
            String kappa = c.meta() == null ? "" : String.format(Locale.ROOT, ", κ(Σ) = %.3g, κ_w = %.3g",
                    c.meta().conditionNumber(), c.meta().kappaWeights());
            return new Loaded(label, "case " + caseDir.getFileName() + ": n = " + c.problem().n() + kappa
                    + (c.referenceWeights() == null ? " (no reference weights)" : ""), c.problem(),
                    c.referenceWeights());
        }
        if (generatorSpec != null) {
            GeneratorSpec g;
            try {
                g = GeneratorSpec.parse(generatorSpec);
            } catch (IllegalArgumentException e) {
                throw new InputException("--spec", CliErrors.oneLine(e.getMessage()));
            }
            if (structured && g.family() != Family.FACTOR) {
                throw new InputException("--structured", "needs a spec of the factor family, got " + g.family());
            }
            if (kappa != null && structured) {
                throw new InputException("--kappa", "needs the dense factor family (an eigenvalue decomposition of "
                        + "order n); with --structured give idio= in the spec");
            }
            if (kappa != null) {
                g = withConditionNumber(g, kappa);
            }
            GeneratedProblem p;
            try {
                p = structured ? ProblemGenerator.generateStructured(g) : ProblemGenerator.generate(g);
            } catch (IllegalArgumentException e) {
                throw new InputException("--spec", CliErrors.oneLine(e.getMessage()));
            }
            String label = name != null ? name : g.toString();
            String kappa = p.conditioning() == null ? "" : String.format(Locale.ROOT, ", κ(Σ) = %.3g, κ_w = %.3g",
                    p.conditioning().kappaSigma(), p.conditioning().kappaWeights());
            String form = structured ? " in factor form (k = " + p.problem().factor().k() + ", κ estimated)" : "";
            return new Loaded(label, "generated " + g + form + ": n = " + p.problem().n() + kappa
                    + (p.certified() ? "" : " (reference not certified: no w_rel)"), p.problem(),
                    p.certified() ? p.referenceWeights() : null);
        }
        if (kappa != null) {
            throw new ParameterException(spec.commandLine(), "--kappa goes with --spec of the factor family");
        }
        if (structured) {
            throw new ParameterException(spec.commandLine(), "--structured goes with --spec of the factor family");
        }
        ProblemInput.Loaded l = input.load();
        String label = name != null ? name : l.source().getFileName().toString();
        return new Loaded(label, l.source() + ": n = " + l.problem().n() + " (no reference: no w_rel)", l.problem(),
                null);
    }
}
