package io.paritybench.core.cases;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata of a case ({@code meta.json}): what the accuracy expectations are derived from (ALGORITHMS.md §2.4,
 * §8). Written by {@code paritybench generate} and read by {@link CaseFiles} through this one record (Jackson
 * databind); fields this record does not name (the published cases carry more) are kept in {@link #others()} and
 * written back, so a file round-trips. Optional numbers are null when absent; κ(Σ), κ_w and the cancellation factor,
 * which are at least 1 by definition, read as NaN when absent.
 *
 * @param name             case name
 * @param family           generator family or {@code literature}
 * @param n                number of assets
 * @param conditionNumber  κ(Σ), 2-norm ({@code condition_number})
 * @param seed             generator seed, or null
 * @param description      free text
 * @param kappaTarget      the generator's κ parameter, if it has one
 * @param kappaCorrelation κ of the correlation matrix
 * @param kappaJacobian    κ of the Newton Jacobian ({@code kappa_newton_jacobian})
 * @param kappaWeights     componentwise condition number of the weights κ_w ({@code kappa_weights_componentwise})
 * @param cancellation     cancellation factor of Σw ({@code cancellation_factor_Sw})
 * @param volRatio         max σ / min σ
 * @param portfolioVariance w'Σw at the reference
 * @param budgetMin        smallest budget
 * @param budgetsSumMinus1 {@code Σ b − 1}
 * @param generator        how a generated case was made, or null
 * @param reference        how the reference weights were obtained, or null
 * @param floors           the double floors of the rounded reference, or null
 * @param covarianceForm   how Σ is stored: {@code factor} for the files B, F, D of a factor model; null (dense
 *                         {@code cov.csv}) when absent
 * @param factors          the number of factors k of a factor-form case, or null
 * @param conditioningMethod how κ(Σ) was obtained when it was not an exact dense eigen-decomposition (an estimate at
 *                         large n, or the factor form's own method), or null
 * @param others           every other field of the file, as parsed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "family", "n", "condition_number", "seed", "description", "kappa_target", "kappa_corr",
    "kappa_newton_jacobian", "kappa_weights_componentwise", "cancellation_factor_Sw", "vol_ratio",
    "portfolio_variance", "budget_min", "budgets_sum_minus_1", "generator", "reference", "floors", "covariance_form",
    "factors", "conditioning_method"})
public record CaseMeta(
        String name, String family, int n,
        @JsonProperty("condition_number") double conditionNumber,
        Long seed, String description,
        @JsonProperty("kappa_target") Double kappaTarget,
        @JsonProperty("kappa_corr") Double kappaCorrelation,
        @JsonProperty("kappa_newton_jacobian") Double kappaJacobian,
        @JsonProperty("kappa_weights_componentwise") double kappaWeights,
        @JsonProperty("cancellation_factor_Sw") double cancellation,
        @JsonProperty("vol_ratio") Double volRatio,
        @JsonProperty("portfolio_variance") Double portfolioVariance,
        @JsonProperty("budget_min") Double budgetMin,
        @JsonProperty("budgets_sum_minus_1") Double budgetsSumMinus1,
        Generator generator, Reference reference, Floors floors,
        @JsonProperty("covariance_form") CovarianceForm covarianceForm,
        Integer factors,
        @JsonProperty("conditioning_method") String conditioningMethod,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> others) {

    public CaseMeta {
        // Jackson gives a missing primitive 0, which none of these can be (each is >= 1)
        conditionNumber = conditionNumber > 0 ? conditionNumber : Double.NaN;
        kappaWeights = kappaWeights > 0 ? kappaWeights : Double.NaN;
        cancellation = cancellation > 0 ? cancellation : Double.NaN;
        others = others == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** The minimal metadata: name, shape, the conditioning and the floor (for a case without a meta.json). */
    public static CaseMeta of(String name, String family, int n, double conditionNumber, double kappaWeights,
                              double cancellation, double floorNaive, Long seed, String description) {
        return new CaseMeta(name, family, n, conditionNumber, seed, description, null, null, null, kappaWeights,
                cancellation, null, null, null, null, null, null, new Floors(null, floorNaive, null), null, null, null,
                null);
    }

    /** @return a copy with the conditioning and the floor replaced (computed rather than read) */
    public CaseMeta withConditioning(double kappaSigma, double kappaW, double canc, double floorNaive) {
        Floors f = floors == null ? new Floors(null, floorNaive, null) : floors.withNaive(floorNaive);
        return new CaseMeta(name, family, n, kappaSigma, seed, description, kappaTarget, kappaCorrelation,
                kappaJacobian, kappaW, canc, volRatio, portfolioVariance, budgetMin, budgetsSumMinus1, generator,
                reference, f, covarianceForm, factors, conditioningMethod, others);
    }

    /** @return the RRC error of the rounded reference evaluated in plain double, NaN if the file does not give it */
    public double floorNaive() {
        return floors == null || floors.maxAbsRrcErrNaive() == null ? Double.NaN : floors.maxAbsRrcErrNaive();
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> others() {
        return others;
    }

    /** How a case stores Σ ({@code covariance_form}). */
    public enum CovarianceForm {
        /** {@code cov.csv}, n × n. */
        DENSE("dense"),
        /** {@code factor_loadings.csv}, {@code factor_cov.csv}, {@code idio_var.csv}: Σ = B F Bᵀ + D. */
        FACTOR("factor");

        private final String json;

        CovarianceForm(String json) {
            this.json = json;
        }

        /** @return the name in meta.json */
        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return json;
        }

        /** @throws IllegalArgumentException for any other name */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static CovarianceForm of(String text) {
            for (CovarianceForm f : values()) {
                if (f.json.equals(text)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown covariance_form '" + text + "' (dense or factor)");
        }
    }

    /** How a generated case was made ({@code generator}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Generator(String spec, String family, int n, Map<String, Double> params, String budgets,
                            Long seed) {
    }

    /**
     * How the reference weights were obtained ({@code reference}); the published cases' own fields (precision,
     * iteration counts) are kept in {@code others}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"method", "solver", "certified", "status", "iterations", "counters"})
    public record Reference(String method, String solver, Boolean certified, String status, Integer iterations,
                            Map<String, Long> counters, @JsonAnySetter @JsonAnyGetter Map<String, Object> others) {
        public Reference {
            others = others == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }

        @Override
        @JsonAnyGetter
        public Map<String, Object> others() {
            return others;
        }
    }

    /** The double floors of the correctly rounded reference weights ({@code floors}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"note", "max_abs_rrc_err_naive_double_eval"})
    public record Floors(String note, @JsonProperty("max_abs_rrc_err_naive_double_eval") Double maxAbsRrcErrNaive,
                         @JsonAnySetter @JsonAnyGetter Map<String, Object> others) {
        public Floors {
            others = others == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }

        Floors withNaive(double v) {
            return new Floors(note, v, others);
        }

        @Override
        @JsonAnyGetter
        public Map<String, Object> others() {
            return others;
        }
    }
}
