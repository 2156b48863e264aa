package io.paritybench.harness;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.InvalidProblemException;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.io.CsvFormatException;
import io.paritybench.core.io.CsvIo;
import io.paritybench.core.io.LabeledMatrix;
import io.paritybench.core.io.LabeledVector;
import java.util.List;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The problem options shared by commands that read one problem: exactly one of {@code --cov FILE},
 * {@code --returns FILE} and the factor model {@code --factor-loadings B --factor-cov F --idio-var D}
 * ({@code Σ = BFB' + D}, never materialised), then {@code [--budgets FILE] [--normalise-budgets] [--mu FILE] [--measure volatility|var:ALPHA|es:ALPHA]}. Use as a {@code @Mixin}.
 *
 * <p>Every rejection names the file it concerns: a malformed CSV names file, line and column (core
 * {@link CsvFormatException}); a covariance that is not square, symmetric, finite or positive definite names the
 * covariance (or returns) file; budgets of the wrong length, non-positive or not summing to 1 name the budgets file.
 */
public final class ProblemInput {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--cov", paramLabel = "FILE", order = 1,
            description = "Covariance matrix CSV: n rows of n numbers, optionally a header row of asset names. "
                    + "Give exactly one of --cov and --returns.")
    Path cov;

    @Option(names = "--returns", paramLabel = "FILE", order = 2,
            description = "Asset returns CSV (header of names, optional leading date column); "
                    + "the covariance is their sample covariance (divisor T-1).")
    Path returns;

    @Option(names = "--factor-loadings", paramLabel = "FILE", order = 2,
            description = "Factor model Sigma = B F B' + D: loadings B CSV, n rows of k numbers (optional header of "
                    + "factor names). Needs --factor-cov and --idio-var; replaces --cov.")
    Path factorLoadings;

    @Option(names = "--factor-cov", paramLabel = "FILE", order = 2,
            description = "Factor model: factor covariance F CSV, k rows of k numbers, symmetric positive definite.")
    Path factorCov;

    @Option(names = "--idio-var", paramLabel = "FILE", order = 2,
            description = "Factor model: idiosyncratic variances D CSV, one row or one column of n positive numbers.")
    Path idioVar;

    @Option(names = "--budgets", paramLabel = "FILE", order = 3,
            description = "Risk budgets CSV, one row or one column, positive, summing to 1 (within 1e-9 they are "
                    + "divided by their sum); a header row of asset names (or a column of names) is matched to the "
                    + "covariance's names (default: equal, ERC).")
    Path budgets;

    @Option(names = "--normalise-budgets", order = 4,
            description = "Divide the budgets by their sum instead of rejecting budgets that do not sum to 1.")
    boolean normaliseBudgets;

    @Option(names = "--mu", paramLabel = "FILE", order = 5,
            description = "Expected returns CSV, one row or one column of n numbers, optionally named like "
                    + "--budgets (needed by --measure var/es, and only allowed with it).")
    Path mu;

    @Option(names = "--measure", paramLabel = "MEASURE", order = 6,
            description = "Risk measure: volatility, var:ALPHA (Gaussian VaR) or es:ALPHA (Gaussian expected "
                    + "shortfall), R(w) = -mu'w + c sigma(w) (default: volatility).")
    String measure;

    /** @return the given file read as a vector and matched to the asset names by name (if it names them) */
    static double[] aligned(Path file, List<String> assets, String what) {
        LabeledVector v = CsvIo.readLabeledVector(file);
        return v.alignTo(assets, what);
    }

    /** @throws ParameterException unless exactly one of --cov, --returns and the factor-model trio was given */
    public void checkUsage() {
        boolean anyFactor = factorLoadings != null || factorCov != null || idioVar != null;
        if (anyFactor && (factorLoadings == null || factorCov == null || idioVar == null)) {
            throw new ParameterException(mixee.commandLine(), "a factor model needs all three of --factor-loadings,"
                    + " --factor-cov and --idio-var");
        }
        int given = (cov == null ? 0 : 1) + (returns == null ? 0 : 1) + (anyFactor ? 1 : 0);
        if (given != 1) {
            throw new ParameterException(mixee.commandLine(), given == 0
                    ? "missing input: give --cov FILE, --returns FILE or --factor-loadings/--factor-cov/--idio-var"
                    : "--cov, --returns and the factor model (--factor-loadings ...) are mutually exclusive: give one");
        }
    }

    /** @return the factor-form problem read from the three factor files (ERC) */
    private Loaded loadFactor() {
        LabeledMatrix b = CsvIo.readMatrix(factorLoadings);
        LabeledMatrix f = CsvIo.readMatrix(factorCov);
        double[] d = CsvIo.readVector(idioVar);
        FactorCovariance model;
        try {
            model = FactorCovariance.of(b.values(), f.values(), d);
        } catch (InvalidProblemException e) {
            String m = e.getMessage();
            String where = m.startsWith("factor covariance") ? factorCov.toString()
                    : m.startsWith("idiosyncratic") ? idioVar.toString()
                    : m.startsWith("factor loading") ? factorLoadings.toString()
                    : factorLoadings + ", " + factorCov + ", " + idioVar;
            throw new InputException(where, m);
        }
        RiskBudgetProblem erc = RiskBudgetProblem.of(model, null);
        return new Loaded(erc, factorLoadings, false);
    }

    /**
     * A problem read from files.
     *
     * @param problem  the validated problem (asset names from the file, else asset1..assetN)
     * @param source   the file Σ came from
     * @param hasNames whether the file named the assets
     */
    public record Loaded(RiskBudgetProblem problem, Path source, boolean hasNames) {
    }

    /**
     * Reads and validates the problem.
     *
     * @throws ParameterException unless exactly one of --cov and --returns was given
     * @throws InputException or {@link CsvFormatException} naming the file and the problem
     */
    public Loaded load() {
        checkUsage();
        if (factorLoadings != null) {
            Loaded f = loadFactor();
            if (budgets == null) {
                return new Loaded(withMeasure(f.problem()), f.source(), false);
            }
            double[] b = aligned(budgets, f.problem().assetNames(), "budgets");
            try {
                RiskBudgetProblem p = normaliseBudgets ? RiskBudgetProblem.normalising(f.problem().factor(), b)
                        : f.problem().withBudgets(b);
                return new Loaded(withMeasure(p), f.source(), false);
            } catch (InvalidProblemException e) {
                throw new InputException(budgets.toString(), e.getMessage());
            }
        }
        Path file = cov != null ? cov : returns;
        LabeledMatrix m = cov != null ? CsvIo.readMatrix(file) : CsvIo.readReturnsAsCovariance(file);
        String what = cov != null ? file.toString() : file + " (sample covariance of the returns)";
        RiskBudgetProblem erc;
        try {
            erc = new RiskBudgetProblem(m.values(), null, m.names(), null);
        } catch (CsvFormatException e) {
            throw e;
        } catch (InvalidProblemException e) {
            throw new InputException(what, e.getMessage());
        }
        if (budgets == null) {
            return new Loaded(withMeasure(erc), file, m.hasNames());
        }
        double[] b = aligned(budgets, erc.assetNames(), "budgets");
        RiskBudgetProblem p;
        try {
            p = normaliseBudgets
                    ? RiskBudgetProblem.normalising(m.values(), b).withAssetNames(erc.assetNames())
                    : erc.withBudgets(b);
        } catch (InvalidProblemException e) {
            throw new InputException(budgets.toString(), e.getMessage());
        }
        return new Loaded(withMeasure(p), file, m.hasNames());
    }

    /** Applies {@code --mu} and {@code --measure} (ALGORITHMS.md §7). */
    private RiskBudgetProblem withMeasure(RiskBudgetProblem p) {
        double[] expected = null;
        if (mu != null) {
            if (measure == null || "volatility".equals(measure)) {
                throw new InputException("--mu", "expected returns are only used by --measure var:ALPHA or es:ALPHA;"
                        + " give one of those or drop --mu");
            }
            expected = aligned(mu, p.assetNames(), "expected returns");
        }
        RiskMeasure rm;
        try {
            rm = RiskMeasure.parse(measure == null ? "volatility" : measure, expected);
        } catch (IllegalArgumentException e) {
            throw new InputException("--measure", e.getMessage());
        }
        try {
            return p.withMeasure(rm);
        } catch (InvalidProblemException e) {
            throw new InputException(mu == null ? "--measure" : mu.toString(), e.getMessage());
        }
    }
}
