package io.paritybench.core;

/**
 * The one convergence test used by every solver and by the harness:
 * {@code max_i |RRC_i(w) − b_i| ≤ tol}, with RRC recomputed from a fresh Σw of the weights being judged
 * (ALGORITHMS.md §6, §8.1). Solvers call it on their iterate mapped to covariance space; the harness calls it
 * again on the returned weights and never relies on the solver's claim.
 */
public final class ConvergenceTest {

    private ConvergenceTest() {
    }

    /** @return the residual {@code max_i |RRC_i(w) − b_i|} (NaN for non-finite weights) */
    public static double residual(RiskBudgetProblem p, double[] w) {
        return RiskMetrics.maxAbsBudgetError(p, w);
    }

    /** @return whether {@code residual ≤ tol} (false for NaN) */
    public static boolean passes(double residual, double tolerance) {
        return residual <= tolerance;
    }

    /** @return whether the weights pass the test at this tolerance */
    public static boolean passes(RiskBudgetProblem p, double[] w, double tolerance) {
        return RiskMetrics.allPositive(w) && passes(residual(p, w), tolerance);
    }
}
