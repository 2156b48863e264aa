package io.paritybench.core.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata of a case ({@code meta.json}): what the accuracy expectations are derived from
 * (ALGORITHMS.md §2.4, §8).
 *
 * @param name            case name
 * @param family          generator family or {@code literature}
 * @param n               number of assets
 * @param conditionNumber κ(Σ), 2-norm
 * @param kappaWeights    componentwise condition number of the weights κ_w ({@code kappa_weights_componentwise})
 * @param cancellation    cancellation factor of Σw ({@code cancellation_factor_Sw})
 * @param floorNaive      RRC error of the rounded reference evaluated in plain double
 *                        ({@code floors.max_abs_rrc_err_naive_double_eval})
 * @param seed            generator seed, or null
 * @param description     free text
 * @param raw             every field of the file as parsed (nested objects as maps), for round trips
 */
public record CaseMeta(String name, String family, int n, double conditionNumber, double kappaWeights,
                       double cancellation, double floorNaive, Long seed, String description, Map<String, Object> raw) {

    public CaseMeta {
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }
}
