package io.paritybench.core.cases;

import io.paritybench.core.RiskBudgetProblem;

/**
 * A case: a problem, its reference weights (exact solution rounded to double) and its metadata.
 *
 * @param name             case name (folder name)
 * @param problem          the problem
 * @param referenceWeights the reference solution, or null when unknown
 * @param meta             metadata, or null when the case has no {@code meta.json}
 */
public record CaseData(String name, RiskBudgetProblem problem, double[] referenceWeights, CaseMeta meta) {

    public CaseData {
        referenceWeights = referenceWeights == null ? null : referenceWeights.clone();
    }

    @Override
    public double[] referenceWeights() {
        return referenceWeights == null ? null : referenceWeights.clone();
    }

    /** @return the per-case accuracy expectation (§8); requires metadata */
    public AccuracyTolerance tolerance() {
        if (meta == null) {
            throw new IllegalStateException("case " + name + " has no meta.json: no accuracy expectation");
        }
        return AccuracyTolerance.forCase(meta);
    }

    @Override
    public String toString() {
        return name;
    }
}
