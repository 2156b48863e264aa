package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.cases.AccuracyTolerance;

/**
 * A benchmark problem with what is known about its conditioning.
 *
 * @param problem        the problem (ERC budgets)
 * @param spec           the generator spec that regenerates it bit for bit
 * @param conditionNumber κ(Σ) of the constructed matrix (the target of the construction)
 * @param kappaWeights   componentwise condition number of the weights κ_w (ALGORITHMS.md §2.4), NaN if unknown
 * @param floorNaive     RRC error of the exact answer evaluated in plain double (§8.1), NaN if unknown
 */
public record BenchProblem(RiskBudgetProblem problem, String spec, double conditionNumber, double kappaWeights,
                           double floorNaive) {

    /**
     * The largest residual {@code max|RRC_i − b_i|} a solve asked for tolerance {@code tol} may return and still be
     * within what double precision allows on this problem: {@code max(tol, AccuracyTolerance.maxAbsRrcError)} when
     * the floor is known (ALGORITHMS.md §8.3), else {@code tol}.
     */
    public double achievableResidual(double tol) {
        if (Double.isNaN(floorNaive) || Double.isNaN(kappaWeights)) {
            return tol;
        }
        return Math.max(tol, AccuracyTolerance.of(kappaWeights, floorNaive).maxAbsRrcError());
    }
}
