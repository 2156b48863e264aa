package io.paritybench.harness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.cases.CaseMeta;
import io.paritybench.core.cases.CaseScore;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.generate.FactorConditioning;
import io.paritybench.core.reference.ReferenceSolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paritybench check}: scores candidate weights against a case folder with {@link CaseScore}
 * (ALGORITHMS.md §8): {@code max|RRC − b|} (absolute and relative), the maximal relative weight error against
 * {@code ref_weights.csv}, the case's κ_w and double floor, the per-case tolerances
 * ({@link AccuracyTolerance}) and pass/fail for each. Exit code 0 when all pass, 3 when any fails, 2 for bad input.
 *
 * <p>Without {@code meta.json}, κ(Σ), κ_w and the floor are computed with {@link Conditioning} from the reference
 * weights; without {@code ref_weights.csv} too, the reference is computed with the {@link ReferenceSolver} (and
 * must be certified). Cost then: the reference solve and three eigenvalue decompositions of order n.
 */
@Command(name = "check", sortOptions = false,
        customSynopsis = {"paritybench check --case DIR --weights FILE [--format table|json]"},
        description = {"Score candidate weights against a case folder (cov.csv, budgets.csv, ref_weights.csv, "
                + "meta.json) with the per-case tolerances of ALGORITHMS.md section 8.",
            "FILE: one row or one column of weights, or the output of 'paritybench solve' (--format csv or json)."})
final class CheckCommand implements Callable<Integer> {

    /** Output formats of {@code check}. */
    enum Format { TABLE, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Spec
    CommandSpec spec;

    @Option(names = "--case", order = 1, paramLabel = "DIR", required = true,
            description = "Case folder (cov.csv and budgets.csv; ref_weights.csv and meta.json if present).")
    Path caseDir;

    @Option(names = "--weights", order = 2, paramLabel = "FILE", required = true,
            description = "Candidate weights (any positive scale).")
    Path weightsFile;

    @Option(names = "--format", order = 3, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /**
     * The score and where the figures it is judged by come from.
     *
     * @param caseName       the case name
     * @param n              number of assets
     * @param score          the score
     * @param kappaSigma     κ(Σ)
     * @param kappaWeights   κ_w
     * @param floorNaive     the naive double RRC floor of the exact answer
     * @param metaSource     {@code meta.json} or {@code computed}
     * @param referenceSource {@code ref_weights.csv} or {@code reference solver}
     */
    record Report(String caseName, int n, CaseScore score, double kappaSigma, double kappaWeights, double floorNaive,
                  String metaSource, String referenceSource) {
    }

    @Override
    public Integer call() throws IOException {
        CaseData raw = CaseFiles.read(caseDir);
        double[] w = WeightsFile.read(weightsFile);
        int n = raw.problem().n();
        if (w.length != n) {
            throw new InputException(weightsFile.toString(), "has " + w.length + " weights but the case "
                    + caseDir + " has " + n + " assets");
        }
        Report report = report(raw, w);
        write(report);
        if (report.score().passes()) {
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + weightsFile + " fails the tolerances of " + caseDir + ": "
                + failures(report));
        err.flush();
        return ExitCodes.NOT_CONVERGED;
    }

    /** Completes the case (reference, κ_w, floor) where files are missing, then scores the weights. */
    Report report(CaseData raw, double[] w) {
        RiskBudgetProblem problem = raw.problem();
        double[] ref = raw.referenceWeights();
        String referenceSource = CaseFiles.REFERENCE;
        if (ref == null) {
            SolveResult r = new ReferenceSolver().solve(problem, SolverOptions.defaults().withTolerance(1e-6));
            if (!ReferenceSolver.isCertified(r)) {
                throw new InputException(caseDir.toString(), "has no " + CaseFiles.REFERENCE + " and the reference "
                        + "solver could not certify a solution (" + r.status() + ")");
            }
            ref = r.weights();
            referenceSource = "reference solver";
        }
        CaseMeta meta = raw.meta();
        String metaSource = CaseFiles.META;
        if (meta == null || !Double.isFinite(meta.kappaWeights()) || !Double.isFinite(meta.floorNaive())) {
            Conditioning c = problem.isFactor() ? FactorConditioning.of(problem, ref)
                    : Conditioning.of(problem, ref);
            meta = meta == null
                    ? CaseMeta.of(raw.name(), "unknown", problem.n(), c.kappaSigma(), c.kappaWeights(),
                            c.cancellation(), c.rrcFloorNaive(), null, "")
                    : meta.withConditioning(c.kappaSigma(), c.kappaWeights(), c.cancellation(), c.rrcFloorNaive());
            metaSource = "computed";
        }
        CaseData completed = new CaseData(raw.name(), problem, ref, meta);
        CaseScore score = CaseScore.score(completed, w);
        return new Report(raw.name(), problem.n(), score, meta.conditionNumber(), meta.kappaWeights(),
                meta.floorNaive(), metaSource, referenceSource);
    }

    private static String failures(Report r) {
        CaseScore s = r.score();
        StringBuilder sb = new StringBuilder();
        if (!s.valid()) {
            sb.append("weights not all positive and finite; ");
        }
        if (!s.rrcWithinTolerance()) {
            sb.append(String.format(Locale.ROOT, "max|RRC-b| = %.3e > %.3e; ", s.maxAbsRrcError(),
                    s.tolerance().maxAbsRrcError()));
        }
        if (!s.weightsWithinTolerance()) {
            sb.append(String.format(Locale.ROOT, "max rel weight error = %.3e > %.3e; ", s.maxRelWeightError(),
                    s.tolerance().maxRelWeightError()));
        }
        return sb.length() == 0 ? "failed" : sb.substring(0, sb.length() - 2);
    }

    private void write(Report r) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            JSON.writeValue(out, toJson(r, caseDir, weightsFile));
            out.println();
        } else {
            out.print(table(r, caseDir, weightsFile));
        }
        out.flush();
    }

    /** @return the report as JSON; doubles in shortest round-trip form */
    static ObjectNode toJson(Report r, Path caseDir, Path weightsFile) {
        CaseScore s = r.score();
        ObjectNode o = JSON.createObjectNode();
        o.put("case", r.caseName());
        o.put("caseDir", caseDir.toString());
        o.put("weightsFile", weightsFile.toString());
        o.put("n", r.n());
        o.put("pass", s.passes());
        o.put("valid", s.valid());
        o.put("maxAbsRrcError", s.maxAbsRrcError());
        o.put("maxRelRrcError", s.maxRelRrcError());
        o.put("maxRelWeightError", s.maxRelWeightError());
        o.put("sumError", s.sumError());
        o.put("rrcPass", s.rrcWithinTolerance());
        o.put("weightsPass", s.weightsWithinTolerance());
        ObjectNode tol = o.putObject("tolerance");
        tol.put("maxAbsRrcError", s.tolerance().maxAbsRrcError());
        tol.put("maxRelWeightError", s.tolerance().maxRelWeightError());
        o.put("conditionNumber", r.kappaSigma());
        o.put("kappaWeights", r.kappaWeights());
        o.put("floorNaiveDouble", r.floorNaive());
        o.put("conditioningFrom", r.metaSource());
        o.put("referenceFrom", r.referenceSource());
        return o;
    }

    /** @return aligned text: one line per figure, with its tolerance and verdict */
    static String table(Report r, Path caseDir, Path weightsFile) {
        CaseScore s = r.score();
        AccuracyTolerance t = s.tolerance();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "case     %s (%s), n = %d%n", r.caseName(), caseDir, r.n()));
        sb.append(String.format(Locale.ROOT, "weights  %s%n", weightsFile));
        sb.append(String.format(Locale.ROOT, "kappa(Sigma) %.4g, kappa_w %.4g, naive double RRC floor %.3g "
                + "(conditioning from %s, reference from %s)%n", r.kappaSigma(), r.kappaWeights(), r.floorNaive(),
                r.metaSource(), r.referenceSource()));
        sb.append(String.format(Locale.ROOT, "%-24s %-12s %-12s %s%n", "figure", "value", "tolerance", "verdict"));
        sb.append(String.format(Locale.ROOT, "%-24s %-12.3e %-12.3e %s%n", "max |RRC - b|", s.maxAbsRrcError(),
                t.maxAbsRrcError(), verdict(s.rrcWithinTolerance())));
        sb.append(String.format(Locale.ROOT, "%-24s %-12.3e %-12s %s%n", "max |RRC/b - 1|", s.maxRelRrcError(),
                "-", "-"));
        sb.append(String.format(Locale.ROOT, "%-24s %-12.3e %-12.3e %s%n", "max rel weight error",
                s.maxRelWeightError(), t.maxRelWeightError(), verdict(s.weightsWithinTolerance())));
        sb.append(String.format(Locale.ROOT, "%-24s %-12.3e %-12s %s%n", "|sum w - 1|", s.sumError(), "-", "-"));
        sb.append(String.format(Locale.ROOT, "%-24s %-12s %-12s %s%n", "weights positive", s.valid(), "-",
                verdict(s.valid())));
        sb.append(String.format(Locale.ROOT, "result   %s%n", s.passes() ? "PASS" : "FAIL"));
        return sb.toString();
    }

    private static String verdict(boolean ok) {
        return ok ? "pass" : "FAIL";
    }
}
