package io.paritybench.core.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paritybench.core.FactorCovariance;
import io.paritybench.core.InvalidProblemException;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.io.CsvFormatException;
import io.paritybench.core.io.CsvIo;
import io.paritybench.core.io.LabeledMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes case folders in the layout of the published cases: {@code cov.csv} (n rows of n numbers) or,
 * for a factor model {@code Σ = BFB' + D}, {@code factor_loadings.csv} (n rows of k), {@code factor_cov.csv} (k
 * rows of k) and {@code idio_var.csv} (one row of n) instead,
 * {@code budgets.csv} (one row), {@code ref_weights.csv} (one row, optional) and {@code meta.json} (optional).
 * Numbers are written with {@code %.17g} (exact round trip).
 */
public final class CaseFiles {

    public static final String COV = "cov.csv";
    /** Factor layout ({@code Σ = BFB' + D}), instead of {@link #COV}: loadings B, n rows of k numbers. */
    public static final String FACTOR_LOADINGS = "factor_loadings.csv";
    /** Factor layout: factor covariance F, k rows of k numbers. */
    public static final String FACTOR_COV = "factor_cov.csv";
    /** Factor layout: idiosyncratic variances D, one row of n numbers. */
    public static final String IDIO_VAR = "idio_var.csv";
    public static final String BUDGETS = "budgets.csv";
    public static final String REFERENCE = "ref_weights.csv";
    public static final String META = "meta.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Opens the named file of a case, or returns null if it does not exist. */
    @FunctionalInterface
    public interface Source {
        InputStream open(String fileName) throws IOException;
    }

    private CaseFiles() {
    }

    /** @return whether a folder holds a case in either layout ({@value #COV} or {@value #FACTOR_LOADINGS}) */
    public static boolean isCase(Path dir) {
        return Files.isDirectory(dir) && (Files.exists(dir.resolve(COV)) || Files.exists(dir.resolve(FACTOR_LOADINGS)));
    }

    /** Reads a case folder. Budgets are normalised if they sum to 1 only up to rounding (≤ 1e-9). */
    public static CaseData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidProblemException(dir + ": not a case folder (expected " + COV + ", " + BUDGETS + ")");
        }
        return read(dir.getFileName().toString(), dir.toString(), f -> {
            Path p = dir.resolve(f);
            return Files.exists(p) ? Files.newInputStream(p) : null;
        });
    }

    /** Reads a case from any source (e.g. class-path resources); {@code where} names it in error messages. */
    public static CaseData read(String name, String where, Source source) {
        LabeledMatrix loadings = csv(source, where, FACTOR_LOADINGS, false,
                r -> CsvIo.readMatrix(r, where + "/" + FACTOR_LOADINGS));
        LabeledMatrix cov = loadings != null ? null
                : csv(source, where, COV, true, r -> CsvIo.readMatrix(r, where + "/" + COV));
        double[] budgets = csv(source, where, BUDGETS, false, r -> CsvIo.readVector(r, where + "/" + BUDGETS));
        double[] ref = csv(source, where, REFERENCE, false, r -> CsvIo.readVector(r, where + "/" + REFERENCE));
        RiskBudgetProblem problem;
        if (loadings != null) {
            LabeledMatrix f = csv(source, where, FACTOR_COV, true, r -> CsvIo.readMatrix(r, where + "/" + FACTOR_COV));
            double[] d = csv(source, where, IDIO_VAR, true, r -> CsvIo.readVector(r, where + "/" + IDIO_VAR));
            FactorCovariance model;
            try {
                model = FactorCovariance.of(loadings.values(), f.values(), d);
            } catch (InvalidProblemException e) {
                throw new InvalidProblemException(where + " (" + FACTOR_LOADINGS + ", " + FACTOR_COV + ", " + IDIO_VAR
                        + "): " + e.getMessage());
            }
            problem = RiskBudgetProblem.of(model, budgets);
        } else {
            problem = budgets == null ? RiskBudgetProblem.erc(cov.values())
                    : RiskBudgetProblem.of(cov.values(), budgets);
            if (cov.hasNames()) {
                problem = problem.withAssetNames(cov.names());
            }
        }
        if (ref != null && ref.length != problem.n()) {
            throw new CsvFormatException(where + "/" + REFERENCE, "has " + ref.length + " weights for " + problem.n()
                    + " assets");
        }
        CaseMeta meta = readMeta(source, where, name);
        return new CaseData(name, problem, ref, meta);
    }

    /** Writes a case folder (creating it); meta may be null. */
    public static void write(Path dir, RiskBudgetProblem problem, double[] referenceWeights, CaseMeta meta) {
        try {
            Files.createDirectories(dir);
            if (problem.isFactor()) {
                FactorCovariance m = problem.factor();
                CsvIo.writeMatrix(dir.resolve(FACTOR_LOADINGS), rows(m.loadings(), m.n(), m.k()), null);
                CsvIo.writeMatrix(dir.resolve(FACTOR_COV), rows(m.factorCovariance(), m.k(), m.k()), null);
                CsvIo.writeVector(dir.resolve(IDIO_VAR), m.idiosyncraticVariances());
            } else {
                CsvIo.writeMatrix(dir.resolve(COV), problem.covariance(), null);
            }
            CsvIo.writeVector(dir.resolve(BUDGETS), problem.budgets());
            if (referenceWeights != null) {
                CsvIo.writeVector(dir.resolve(REFERENCE), referenceWeights);
            }
            if (meta != null) {
                Files.writeString(dir.resolve(META), JSON.writeValueAsString(meta) + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write case " + dir + ": " + e.getMessage(), e);
        }
    }

    private static double[][] rows(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = java.util.Arrays.copyOfRange(flat, i * cols, (i + 1) * cols);
        }
        return m;
    }

    /** @return the metadata map as JSON text (indented) */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise to JSON: " + e.getMessage(), e);
        }
    }

    private interface Parse<T> {
        T apply(Reader r);
    }

    private static <T> T csv(Source source, String where, String file, boolean required, Parse<T> parse) {
        try (InputStream in = source.open(file)) {
            if (in == null) {
                if (required) {
                    throw new CsvFormatException(where + "/" + file, "file not found");
                }
                return null;
            }
            return parse.apply(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CsvFormatException(where + "/" + file, "cannot read: " + e.getMessage());
        }
    }

    private static CaseMeta readMeta(Source source, String where, String name) {
        try (InputStream in = source.open(META)) {
            if (in == null) {
                return null;
            }
            CaseMeta m = JSON.readValue(in, CaseMeta.class);
            return m.name() == null || m.family() == null || m.description() == null
                    ? new CaseMeta(m.name() == null ? name : m.name(), m.family() == null ? "unknown" : m.family(),
                            m.n(), m.conditionNumber(), m.seed(), m.description() == null ? "" : m.description(),
                            m.kappaTarget(), m.kappaCorrelation(), m.kappaJacobian(), m.kappaWeights(),
                            m.cancellation(), m.volRatio(), m.portfolioVariance(), m.budgetMin(),
                            m.budgetsSumMinus1(), m.generator(), m.reference(), m.floors(), m.covarianceForm(),
                            m.factors(), m.conditioningMethod(), m.others())
                    : m;
        } catch (IOException e) {
            throw new InvalidProblemException(where + "/" + META + ": not a valid case meta.json: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
