package io.paritybench.harness;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.cases.CaseMeta;
import io.paritybench.core.generate.BudgetSpec;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.generate.FactorConditioning;
import io.paritybench.core.generate.Family;
import io.paritybench.core.generate.GeneratedProblem;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.reference.ReferenceSolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code paritybench generate}: generates one problem of the problem library ({@link ProblemGenerator}), solves it
 * with the {@link ReferenceSolver} and writes a case folder in the layout of the published cases
 * ({@link CaseFiles}): {@code cov.csv}, {@code budgets.csv}, {@code ref_weights.csv} ({@code %.17g}) and
 * {@code meta.json} with the conditioning of ALGORITHMS.md §2.4 and the double floor of §8.
 *
 * <p>The files depend only on the generator spec: the same spec and seed give byte-identical files (the wall time
 * is printed on stdout, never written to a file). A case whose reference the solver cannot certify is not written:
 * exit code {@link ExitCodes#NOT_CONVERGED} with one line on stderr.
 */
@Command(name = "generate", sortOptions = false,
        customSynopsis = {
            "paritybench generate (--family F --n N [--kappa K] [--param NAME=VALUE]...",
            "         [--budgets equal|dirichlet:ALPHA|tiny[:K[:VALUE]]] --seed S",
            "         | --spec FAMILY:n=N[,PARAM=VALUE]...[,budgets=B][,seed=S])",
            "         [--structured] --out DIR [--name NAME] [--force]"},
        description = {"Generate a problem with its certified reference solution and write it as a case folder.",
            "Families: random-spectrum (kappa), constant-correlation (rho|gap, volmin, volmax), "
                    + "block (blocks, rhoin, rhoout, volmin, volmax), factor (k, idio, mixed), "
                    + "negative-correlation (pairrho, mix, volmin, volmax), vol-spread (kappa, volmin, volmax), "
                    + "sample (kappa, t)."})
final class GenerateCommand implements Callable<Integer> {

    /** The reference method, as recorded in {@code meta.json}. */
    static final String METHOD = "Spinu Newton in double + double-double mixed-precision Newton refinement "
            + "(io.paritybench.core.reference.ReferenceSolver)";

    @Spec
    CommandSpec spec;

    @Option(names = "--family", order = 1, paramLabel = "F", description = "Generator family (see above).")
    String family;

    @Option(names = "--n", order = 2, paramLabel = "N", description = "Number of assets (>= 2).")
    Integer n;

    @Option(names = "--kappa", order = 3, paramLabel = "K",
            description = "Condition number κ(Σ) (shorthand for --param kappa=K).")
    Double kappa;

    @Option(names = "--param", order = 4, paramLabel = "NAME=VALUE",
            description = "A family parameter; repeatable.")
    List<String> params = List.of();

    @Option(names = "--budgets", order = 5, paramLabel = "B",
            description = "equal (default), dirichlet:ALPHA or tiny[:K[:VALUE]].")
    String budgets;

    @Option(names = "--seed", order = 6, paramLabel = "S", description = "Seed of every random draw.")
    Long seed;

    @Option(names = "--spec", order = 7, paramLabel = "SPEC",
            description = "The whole generator spec in one string, instead of the options above, "
                    + "e.g. random-spectrum:n=300,kappa=1e10,budgets=equal,seed=1.")
    String specString;

    @Option(names = "--structured", order = 8,
            description = "Factor family only: write the factor model (" + CaseFiles.FACTOR_LOADINGS + ", "
                    + CaseFiles.FACTOR_COV + ", " + CaseFiles.IDIO_VAR + ") instead of " + CaseFiles.COV
                    + "; Sigma = B F B' + D is never materialised (O(nk^2) per reference iteration).")
    boolean structured;

    @Option(names = "--out", order = 8, paramLabel = "DIR", required = true,
            description = "Case folder to write (created if needed). A folder that already holds case files is "
                    + "refused unless --force is given.")
    Path out;

    @Option(names = "--force", order = 10,
            description = "Replace the case files of an existing case folder (those of the other layout, dense or "
                    + "factor, are removed, so the folder never mixes two problems).")
    boolean force;

    @Option(names = "--name", order = 9, paramLabel = "NAME",
            description = "Case name in meta.json (default: the folder name).")
    String name;

    /** The files of a case folder, of either layout, that {@code generate} writes. */
    static final List<String> CASE_FILES = List.of(CaseFiles.COV, CaseFiles.FACTOR_LOADINGS, CaseFiles.FACTOR_COV,
            CaseFiles.IDIO_VAR, CaseFiles.BUDGETS, CaseFiles.REFERENCE, CaseFiles.META);

    /**
     * @return the case files already in the folder (none if it does not exist)
     * @throws InputException when the path exists and is not a folder
     */
    static List<Path> existingCaseFiles(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "exists and is not a folder");
        }
        List<Path> out = new java.util.ArrayList<>();
        for (String name : CASE_FILES) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public Integer call() {
        GeneratorSpec generatorSpec = generatorSpec();
        List<Path> existing = existingCaseFiles(out);
        if (!existing.isEmpty() && !force) {
            throw new InputException(out.toString(), "already holds a case ("
                    + String.join(", ", existing.stream().map(f -> f.getFileName().toString()).toList())
                    + "); use --force to replace it");
        }
        long start = System.nanoTime();
        GeneratedProblem g;
        if (structured && generatorSpec.family() != Family.FACTOR) {
            throw new InputException("--structured", "needs --family factor, got " + generatorSpec.family());
        }
        try {
            g = structured ? ProblemGenerator.generateStructured(generatorSpec)
                    : ProblemGenerator.generate(generatorSpec);
        } catch (IllegalArgumentException e) {
            throw new InputException(source(), CliErrors.oneLine(e.getMessage()));
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (!g.certified() || g.conditioning() == null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + generatorSpec + ": the reference solver could not certify the "
                    + "solution (" + g.reference().status() + ": " + CliErrors.oneLine(g.reference().message())
                    + "); no case written");
            err.flush();
            return ExitCodes.NOT_CONVERGED;
        }
        String caseName = name != null ? name : caseName(out);
        try {
            for (Path f : existing) {
                Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot replace the case in " + out + ": " + e.getMessage(), e);
        }
        CaseFiles.write(out, g.problem(), g.referenceWeights(), meta(caseName, g));
        double total = (System.nanoTime() - start) * 1e-9;
        PrintWriter o = spec.commandLine().getOut();
        Conditioning c = g.conditioning();
        o.println(String.format(Locale.ROOT, "wrote %s: %s", out, generatorSpec));
        o.println(String.format(Locale.ROOT, "  kappa(Sigma) = %.4g, kappa(C) = %.4g, kappa_w = %.4g, "
                + "naive double RRC floor = %.3g",
                c.kappaSigma(), c.kappaCorrelation(), c.kappaWeights(), c.rrcFloorNaive()));
        o.println(String.format(Locale.ROOT, "  generated and solved in %.3f s, written in %.3f s", seconds,
                total - seconds));
        o.flush();
        return ExitCodes.OK;
    }

    /** @return the spec from --spec, or from the individual options */
    GeneratorSpec generatorSpec() {
        boolean individual = family != null || n != null || kappa != null || !params.isEmpty() || budgets != null
                || seed != null;
        if (specString != null) {
            if (individual) {
                throw new ParameterException(spec.commandLine(),
                        "--spec cannot be combined with --family, --n, --kappa, --param, --budgets or --seed");
            }
            try {
                return GeneratorSpec.parse(specString);
            } catch (IllegalArgumentException e) {
                throw new InputException("--spec", CliErrors.oneLine(e.getMessage()));
            }
        }
        if (family == null || n == null || seed == null) {
            throw new ParameterException(spec.commandLine(), "give --family, --n and --seed (or --spec)");
        }
        Family f;
        BudgetSpec b;
        try {
            f = Family.byId(family);
        } catch (IllegalArgumentException e) {
            throw new InputException("--family", e.getMessage());
        }
        try {
            b = budgets == null ? BudgetSpec.equal() : BudgetSpec.parse(budgets);
        } catch (IllegalArgumentException e) {
            throw new InputException("--budgets", e.getMessage());
        }
        Map<String, Double> p = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--param", "expected NAME=VALUE, got '" + kv + "'");
            }
            String key = kv.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            try {
                if (p.put(key, Double.parseDouble(kv.substring(eq + 1).trim())) != null) {
                    throw new InputException("--param", "parameter '" + key + "' given twice");
                }
            } catch (NumberFormatException e) {
                throw new InputException("--param", "bad number in '" + kv + "'");
            }
        }
        if (kappa != null) {
            if (p.containsKey("kappa")) {
                throw new InputException("--kappa", "kappa is also given with --param");
            }
            p.put("kappa", kappa);
        }
        try {
            return new GeneratorSpec(f, n, p, b, seed);
        } catch (IllegalArgumentException e) {
            throw new InputException(source(), e.getMessage());
        }
    }

    private String source() {
        return specString != null ? "--spec" : "generate options";
    }

    private static String caseName(Path dir) {
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        return fileName == null ? "case" : fileName.toString();
    }

    /**
     * The {@code meta.json} of a generated case: the fields of the published cases (ALGORITHMS.md §2.4, §8) that
     * the reference and the conditioning determine, plus the generator spec. No timing: the file depends only on
     * the spec.
     */
    static CaseMeta meta(String caseName, GeneratedProblem g) {
        RiskBudgetProblem problem = g.problem();
        Conditioning c = g.conditioning();
        GeneratorSpec s = g.spec();
        double[] w = g.referenceWeights();
        double[] b = problem.budgets();
        double[] vol = problem.volatilities();
        double bMin = Double.POSITIVE_INFINITY;
        double bSum = 0;
        for (double v : b) {
            bMin = Math.min(bMin, v);
            bSum += v;
        }
        double volMin = Double.POSITIVE_INFINITY;
        double volMax = 0;
        for (double v : vol) {
            volMin = Math.min(volMin, v);
            volMax = Math.max(volMax, v);
        }
        String conditioningMethod = problem.isFactor() ? FactorConditioning.METHOD
                : problem.n() > Conditioning.EXACT_MAX_N ? Conditioning.ESTIMATE_METHOD : null;
        SolveResult r = g.reference();
        return new CaseMeta(caseName, s.family().id(), problem.n(), c.kappaSigma(), s.seed(), s.toString(),
                s.has("kappa") ? s.param("kappa") : null, c.kappaCorrelation(), c.kappaJacobian(), c.kappaWeights(),
                c.cancellation(), volMax / volMin, RiskMetrics.variance(problem, w), bMin, bSum - 1,
                new CaseMeta.Generator(s.toString(), s.family().id(), s.n(), new LinkedHashMap<>(s.params()),
                        s.budgets().toString(), s.seed()),
                new CaseMeta.Reference(METHOD, r.solverId(), g.certified(), r.status().name(), r.iterations(),
                        new LinkedHashMap<>(r.counters()), null),
                new CaseMeta.Floors("errors of the correctly rounded float64 reference weights themselves",
                        c.rrcFloorNaive(), null), problem.isFactor() ? CaseMeta.CovarianceForm.FACTOR : null,
                problem.isFactor() ? problem.factor().k() : null, conditioningMethod, null);
    }
}
