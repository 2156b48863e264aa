package io.paritybench.core.cases;

import io.paritybench.core.RiskMetrics;

/**
 * Candidate weights scored against a case (ALGORITHMS.md §8.1), independently of whoever produced them.
 *
 * @param maxAbsRrcError    {@code max_i |RRC_i − b_i|}
 * @param maxRelRrcError    {@code max_i |RRC_i/b_i − 1|}
 * @param maxRelWeightError {@code max_i |w_i/1'w − ref_i|/ref_i} (NaN without a reference)
 * @param sumError          {@code |1'w − 1|}
 * @param valid             all weights finite and positive
 * @param tolerance         the case's achievable accuracy, or null without metadata
 * @param rrcWithinTolerance the residual meets the case's achievable accuracy
 * @param weightsWithinTolerance the weights meet it (false without a reference)
 */
public record CaseScore(double maxAbsRrcError, double maxRelRrcError, double maxRelWeightError, double sumError,
                        boolean valid, AccuracyTolerance tolerance, boolean rrcWithinTolerance,
                        boolean weightsWithinTolerance) {

    /** Scores weights (any positive scale; normalised before comparison with the reference). */
    public static CaseScore score(CaseData c, double[] w) {
        if (w.length != c.problem().n()) {
            throw new IllegalArgumentException("got " + w.length + " weights for a case with " + c.problem().n()
                    + " assets");
        }
        boolean valid = RiskMetrics.allPositive(w);
        double rrc = RiskMetrics.maxAbsBudgetError(c.problem(), w);
        double rrcRel = RiskMetrics.maxRelBudgetError(c.problem(), w);
        double[] ref = c.referenceWeights();
        double wRel = ref == null ? Double.NaN : RiskMetrics.maxRelWeightError(w, ref);
        AccuracyTolerance tol = c.meta() == null ? null : c.tolerance();
        boolean rrcOk = valid && tol != null && rrc <= tol.maxAbsRrcError();
        boolean wOk = valid && tol != null && wRel <= tol.maxRelWeightError();
        return new CaseScore(rrc, rrcRel, wRel, RiskMetrics.sumError(w), valid, tol, rrcOk, wOk);
    }

    /** @return valid and both criteria met (the residual one alone when there is no reference) */
    public boolean passes() {
        return valid && rrcWithinTolerance && (Double.isNaN(maxRelWeightError) || weightsWithinTolerance);
    }
}
