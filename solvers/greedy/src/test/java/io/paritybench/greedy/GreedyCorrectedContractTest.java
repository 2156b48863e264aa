package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseScore;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;
import io.paritybench.core.testing.SharedCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract for {@code greedy-corrected}, excused from the contract's accuracy part on every case. The
 * corrected Taylor step starts from the paper's {@code ω⁰ = 1/n}, which is not invariant under a change of units
 * {@code Σ → EΣE}: on the rescaled problems of the contract's invariance check (which is tied to
 * {@link #expectsAccuracy}) the first steps leave the region where the Taylor model holds and the run ends with
 * INVALID_ITERATE, although the same problem in its original units converges. On the other shared cases it
 * fails outright (NEGATIVE_DISCRIMINANT on the two strongly correlated pairs, INVALID_ITERATE on hedged and
 * unequal-volatility cases; ALGORITHMS.md §6.1 "Failure modes"). Honesty is demanded everywhere; accuracy is
 * checked below on the cases it solves from the paper's start.
 */
class GreedyCorrectedContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return GreedyBalancedBasket.corrected();
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return false;
    }

    /** The per-case achievable accuracy (ALGORITHMS.md §8.3) on the cases where the Taylor model carries the run. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cc_n8_rho0.3_erc", "roncalli_n4_erc", "rs_n10_kappa1e2", "n2_rho0.3_b0.5"})
    void reachesTheAchievableAccuracyFromThePaperStart(String name) {
        CaseData c = SharedCases.byName(name);
        AccuracyTolerance tol = c.tolerance();
        SolveResult r = solveNoThrow(c.problem(), options().withTolerance(tol.maxAbsRrcError()));
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        CaseScore s = CaseScore.score(c, r.weights());
        assertThat(s.maxAbsRrcError()).isLessThanOrEqualTo(tol.maxAbsRrcError());
        assertThat(s.maxRelWeightError()).isLessThanOrEqualTo(tol.maxRelWeightError());
    }
}
